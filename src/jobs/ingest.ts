import type { Settings } from '../config/index.js';
import { analyzeArticle, createPipeline, type Pipeline } from '../extract/index.js';
import { readSources } from '../ingest/index.js';
import type { AnalysedDocument, ErrorCode } from '../model/index.js';
import { toMarsadError } from '../model/index.js';
import type { Store } from '../store/index.js';
import { type Progress, silentProgress } from '../util/index.js';
import { type CorpusUpkeep, corpusKnowledgeBase, corpusUpkeep } from './pipeline.js';

export interface IngestJobOptions {
  inputs: string[];
  store: Store;
  settings: Pick<Settings, 'maxBytes' | 'fetchTimeoutMs' | 'batchSize'>;
  /** Default: the store's corpus pipeline (KB layers `kbDirs` + the store's entity edits). */
  pipeline?: Pipeline;
  /** KB layers, lowest priority first (default: the shipped KB). */
  kbDirs?: readonly string[];
  progress?: Progress;
  stdin?: NodeJS.ReadableStream;
  signal?: AbortSignal;
}

export interface FailureLine {
  source: string;
  code: ErrorCode;
  message: string;
}

export interface IngestReport {
  /** Articles read (good or bad). */
  seen: number;
  /** New documents written to the store. */
  stored: number;
  /** Articles whose cleaned text the store already had (ingesting twice stores once). */
  duplicates: number;
  failed: number;
  failures: FailureLine[];
  storedIds: string[];
  /** Cross-document upkeep run after the batch (clustering of new names, entity edits). */
  corpus: CorpusUpkeep;
  elapsedMs: number;
}

/**
 * Read every input, analyse each article and store it, a batch per transaction. A bad article is
 * recorded as a failure with its code and the batch goes on; a killed run leaves whole batches
 * only, and re-running skips what is stored already (documents are keyed by content hash).
 */
export async function runIngestJob(options: IngestJobOptions): Promise<IngestReport> {
  const { store, settings, progress = silentProgress } = options;
  const kb = await corpusKnowledgeBase(store, options.kbDirs);
  const pipeline = options.pipeline ?? createPipeline({ kb });
  const started = Date.now();
  const report: IngestReport = {
    seen: 0,
    stored: 0,
    duplicates: 0,
    failed: 0,
    failures: [],
    storedIds: [],
    corpus: { clusters: 0, clustered: 0, edited: 0, eventsMerged: 0 },
    elapsedMs: 0,
  };
  let batch: AnalysedDocument[] = [];
  const inBatch = new Set<string>();

  const flush = async () => {
    if (!batch.length) return;
    const result = await store.putDocuments(batch);
    report.stored += result.inserted;
    report.duplicates += result.skipped.length;
    const skipped = new Set(result.skipped);
    for (const doc of batch) {
      if (skipped.has(doc.id)) continue;
      report.storedIds.push(doc.id);
      await store.clearFailure(doc.source);
    }
    batch = [];
    inBatch.clear();
  };

  const fail = async (source: string, error: unknown) => {
    const e = toMarsadError(error, 'E_INTERNAL', source);
    report.failed++;
    report.failures.push({ source, code: e.code, message: e.message });
    await store.recordFailure({ source, code: e.code, message: e.message, at: new Date().toISOString() });
  };

  progress.start(null, 'ingest');
  const sources = readSources(options.inputs, {
    maxBytes: settings.maxBytes,
    fetchTimeoutMs: settings.fetchTimeoutMs,
    ...(options.stdin ? { stdin: options.stdin } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  for await (const item of sources) {
    report.seen++;
    const source = item.ok ? item.article.source : item.source;
    if (!item.ok) {
      await fail(source, item.error);
      progress.tick(1, `failed ${source}`);
      continue;
    }
    try {
      const doc = analyzeArticle(item.article, pipeline);
      if (inBatch.has(doc.id) || (await store.hasDocument(doc.id))) {
        report.duplicates++;
      } else {
        batch.push(doc);
        inBatch.add(doc.id);
      }
    } catch (e) {
      await fail(source, e);
    }
    if (batch.length >= settings.batchSize) await flush();
    progress.tick(1, source);
  }
  await flush();
  if (report.stored > 0) report.corpus = await corpusUpkeep(store, kb);
  progress.stop();
  report.elapsedMs = Date.now() - started;
  return report;
}
