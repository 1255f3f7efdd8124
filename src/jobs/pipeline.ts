import {
  activeEdits,
  kbPlaces,
  loadKnowledgeBaseWithEdits,
  reapplyEdits,
  runClusterJob,
  runEventMergeJob,
} from '../corpus/index.js';
import { createPipeline, type Pipeline } from '../extract/index.js';
import { type KnowledgeBase, SHIPPED_KB_DIR } from '../kb/index.js';
import type { Store } from '../store/index.js';

/**
 * The knowledge base for documents of this store: the KB file layers (shipped, then the user's),
 * then the analyst's entity edits recorded in the store as the last layer — so a merge, split or
 * rename survives re-analysis and applies to new documents too.
 */
export async function corpusKnowledgeBase(
  store: Store,
  kbDirs: readonly string[] = [SHIPPED_KB_DIR],
): Promise<KnowledgeBase> {
  return loadKnowledgeBaseWithEdits(kbDirs, activeEdits(await store.listEntityEdits()));
}

/** The analysis pipeline over the store's knowledge base (see corpusKnowledgeBase). */
export async function corpusPipeline(store: Store, kbDirs?: readonly string[]): Promise<Pipeline> {
  return createPipeline({ kb: await corpusKnowledgeBase(store, kbDirs) });
}

export interface CorpusUpkeep {
  /** Groups of spelling variants of new names given one corpus id. */
  clusters: number;
  /** Documents rewritten by clustering. */
  clustered: number;
  /** Documents rewritten so that recorded entity edits hold in them. */
  edited: number;
  /** Documents whose events got the corpus id of the same event reported elsewhere. */
  eventsMerged: number;
}

/**
 * After documents were added or re-analysed: cluster new names across documents, re-apply the
 * analyst's edits, then give reports of one real event in several documents one corpus id
 * (entity ids first: the event merge compares actors and places by id).
 */
export async function corpusUpkeep(store: Store, kb: KnowledgeBase): Promise<CorpusUpkeep> {
  const cluster = await runClusterJob(store);
  const edited = await reapplyEdits(store);
  const events = await runEventMergeJob(store, kbPlaces(kb));
  return {
    clusters: cluster.clusters.length,
    clustered: cluster.documents,
    edited,
    eventsMerged: events.documents,
  };
}
