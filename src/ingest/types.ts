import type { MarsadError, RawArticle } from '../model/index.js';

/** One result of ingest: an article, or a failure naming the input it is about. */
export type IngestItem =
  | { ok: true; article: RawArticle }
  | { ok: false; source: string; error: MarsadError };

export interface IngestOptions {
  /** Size cap per file / HTTP body / stdin, in bytes. Default 20 MB. */
  maxBytes?: number;
  /** Whole-request timeout for a URL (headers and body). Default 15 s. */
  fetchTimeoutMs?: number;
  /** Where "-" reads from; default process.stdin. */
  stdin?: NodeJS.ReadableStream;
  /** Stops the batch: no further inputs are read, an in-flight fetch is aborted. */
  signal?: AbortSignal;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;
