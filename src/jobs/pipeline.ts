import { activeEdits, loadKnowledgeBaseWithEdits, reapplyEdits, runClusterJob } from '../corpus/index.js';
import { createPipeline, type Pipeline } from '../extract/index.js';
import { SHIPPED_KB_DIR } from '../kb/index.js';
import type { Store } from '../store/index.js';

/**
 * The pipeline for documents of this store: the KB file layers (shipped, then the user's), then
 * the analyst's entity edits recorded in the store as the last layer — so a merge, split or
 * rename survives re-analysis and applies to new documents too.
 */
export async function corpusPipeline(
  store: Store,
  kbDirs: readonly string[] = [SHIPPED_KB_DIR],
): Promise<Pipeline> {
  const edits = activeEdits(await store.listEntityEdits());
  return createPipeline({ kb: loadKnowledgeBaseWithEdits(kbDirs, edits) });
}

export interface CorpusUpkeep {
  /** Groups of spelling variants of new names given one corpus id. */
  clusters: number;
  /** Documents rewritten by clustering. */
  clustered: number;
  /** Documents rewritten so that recorded entity edits hold in them. */
  edited: number;
}

/** After documents were added or re-analysed: cluster new names across documents, re-apply edits. */
export async function corpusUpkeep(store: Store): Promise<CorpusUpkeep> {
  const cluster = await runClusterJob(store);
  const edited = await reapplyEdits(store);
  return { clusters: cluster.clusters.length, clustered: cluster.documents, edited };
}
