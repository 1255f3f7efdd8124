import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Settings } from '../config/index.js';
import type { Store } from '../store/index.js';
import type { CorpusCache } from './corpus-cache.js';
import type { IngestQueue } from './ingest-jobs.js';

/** What every route file is given. */
export interface ApiDeps {
  store: Store;
  settings: Pick<Settings, 'maxBytes' | 'fetchTimeoutMs' | 'batchSize'>;
  kbDirs: readonly string[] | undefined;
  cache: CorpusCache;
  queue: IngestQueue;
  version: string;
  /** Where uploaded files and posted texts are written before they are ingested (and kept). */
  uploadDir: string;
  log: (message: string) => void;
}

export type ApiApp = OpenAPIHono;
