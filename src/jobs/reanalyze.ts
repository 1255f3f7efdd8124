import { createPipeline, type Pipeline, reanalyzeDocument } from '../extract/index.js';
import { toMarsadError } from '../model/index.js';
import type { Store } from '../store/index.js';
import { type Progress, silentProgress } from '../util/index.js';
import type { FailureLine } from './ingest.js';
import { type CorpusUpkeep, corpusKnowledgeBase, corpusUpkeep } from './pipeline.js';

/** Re-run the analysis pipeline over every stored document; a failing document is recorded. */
export async function runReanalyzeJob(options: {
  store: Store;
  /** Default: the store's corpus pipeline (KB layers `kbDirs` + the store's entity edits). */
  pipeline?: Pipeline;
  kbDirs?: readonly string[];
  progress?: Progress;
}): Promise<{ updated: number; failed: number; failures: FailureLine[]; corpus: CorpusUpkeep }> {
  const { store, progress = silentProgress } = options;
  const kb = await corpusKnowledgeBase(store, options.kbDirs);
  const pipeline = options.pipeline ?? createPipeline({ kb });
  progress.start(await store.countDocuments(), 'reanalyze');
  // The store pages by ingest sequence (keyset), so updating a document while iterating is safe
  // and memory stays flat however big the corpus is.
  const failures: FailureLine[] = [];
  let updated = 0;
  for await (const doc of store.iterateDocuments()) {
    try {
      if (await store.updateDocument(reanalyzeDocument(doc, pipeline))) updated++;
    } catch (e) {
      const err = toMarsadError(e, 'E_PIPELINE', doc.source);
      failures.push({ source: doc.source, code: err.code, message: err.message });
    }
    progress.tick(1, doc.source);
  }
  const corpus = await corpusUpkeep(store, kb);
  progress.stop();
  return { updated, failed: failures.length, failures, corpus };
}
