import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Settings } from '../config/index.js';
import { runIngestJob } from '../jobs/index.js';
import type { Store } from '../store/index.js';
import { requireToken } from './auth.js';
import { CorpusCache } from './corpus-cache.js';
import type { ApiDeps } from './deps.js';
import { DOCS_HTML, DOCS_JS } from './docs-page.js';
import { describeZodError, errorBody, respondToError } from './errors.js';
import { IngestQueue, type RunIngest } from './ingest-jobs.js';
import { originGuard } from './origin.js';
import { registerClaims } from './routes/claims.js';
import { registerDocuments } from './routes/documents.js';
import { registerEntities } from './routes/entities.js';
import { registerEvents } from './routes/events.js';
import { registerExport } from './routes/export.js';
import { registerGraph } from './routes/graph.js';
import { registerHealth } from './routes/health.js';
import { registerIngest } from './routes/ingest.js';
import { registerMap } from './routes/map.js';
import { registerSearch } from './routes/search.js';
import { serveWeb } from './static.js';

export interface ApiOptions {
  store: Store;
  settings: Pick<Settings, 'maxBytes' | 'fetchTimeoutMs' | 'batchSize'>;
  /** Knowledge-base layers, lowest priority first (default: the shipped KB). */
  kbDirs?: readonly string[];
  /** The built web app (index.html and assets). */
  webDir: string;
  /** Where uploads are written before ingest (kept: they are the documents' sources). */
  uploadDir: string;
  /** When set, every request needs it. */
  token?: string;
  version?: string;
  /** Server-side messages (internal errors, failed jobs); the CLI prints them. */
  log?: (message: string) => void;
  /** Ingest jobs that may wait behind the running one (default 20); more is a 503. */
  maxQueuedJobs?: number;
  /**
   * Wraps how a job runs (default: runIngestJob into the store). Embedders can add their own
   * bookkeeping; tests hold a job open to see the queue fill up whatever the machine's speed.
   */
  wrapIngest?: (run: RunIngest) => RunIngest;
}

export interface MarsadApi {
  app: OpenAPIHono;
  /** Waits for queued ingest jobs (tests, shutdown). */
  idle(): Promise<void>;
  cache: CorpusCache;
}

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; frame-ancestors 'none'";

function securityHeaders(c: Context): void {
  c.header('Content-Security-Policy', CSP);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Frame-Options', 'DENY');
}

export function createApi(options: ApiOptions): MarsadApi {
  const log = options.log ?? (() => {});
  const cache: CorpusCache = new CorpusCache(options.store, options.kbDirs, () => queue.busy, log);
  const ingest: RunIngest = (inputs, progress) =>
    runIngestJob({
      inputs,
      store: options.store,
      settings: options.settings,
      ...(options.kbDirs ? { kbDirs: options.kbDirs } : {}),
      progress,
    });
  const queue: IngestQueue = new IngestQueue(
    options.wrapIngest ? options.wrapIngest(ingest) : ingest,
    () => cache.invalidate(),
    log,
    options.maxQueuedJobs,
  );
  const deps: ApiDeps = {
    store: options.store,
    settings: options.settings,
    kbDirs: options.kbDirs,
    cache,
    queue,
    version: options.version ?? 'dev',
    uploadDir: options.uploadDir,
    log,
  };

  const app = new OpenAPIHono({
    // a bad parameter is a 400 naming it, in the one error shape
    defaultHook: (result, c) => {
      if (!result.success)
        return c.json(errorBody('E_USAGE', describeZodError(result.error, result.target)), 400);
    },
  });

  app.use('*', async (c, next) => {
    await next();
    securityHeaders(c);
  });
  app.use('*', originGuard({ loopbackOnly: !options.token }));
  if (options.token) app.use('*', requireToken(options.token));

  registerHealth(app, deps);
  registerDocuments(app, deps);
  registerSearch(app, deps);
  registerEntities(app, deps);
  registerEvents(app, deps);
  registerClaims(app, deps);
  registerGraph(app, deps);
  registerMap(app, deps);
  registerExport(app, deps);
  registerIngest(app, deps);

  if (options.token)
    app.openAPIRegistry.registerComponent('securitySchemes', 'token', {
      type: 'http',
      scheme: 'bearer',
      description: 'the server token (also accepted as ?token= or the cookie it sets)',
    });
  app.doc31('/api/openapi.json', {
    ...(options.token ? { security: [{ token: [] }] } : {}),
    openapi: '3.1.0',
    info: {
      title: 'Marsad API',
      version: deps.version,
      description:
        'Arabic news in, a sourced knowledge graph out. Errors are {"error": {"code", "message"}}; lists take limit and offset.',
    },
  });
  app.get('/api/docs', (c) => c.html(DOCS_HTML));
  app.get('/api/docs.js', (c) => c.body(DOCS_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));

  app.all('/api/*', (c) => c.json(errorBody('E_NOT_FOUND', `no route ${c.req.method} ${c.req.path}`), 404));
  app.get('*', (c) => serveWeb(c, options.webDir));

  app.onError((e, c) => {
    const res = respondToError(c, e, log);
    // onError replaces the response: the headers set after next() are lost, set them again
    securityHeaders(c);
    return res;
  });
  app.notFound((c) => c.json(errorBody('E_NOT_FOUND', `no route ${c.req.method} ${c.req.path}`), 404));

  return { app, idle: () => queue.idle(), cache };
}
