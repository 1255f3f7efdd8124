import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { MarsadError } from '../model/index.js';
import { parseStoreLocation, type Store } from '../store/index.js';
import { type CommandContext, type GlobalOptions, makeContext } from './context.js';

// `marsad serve`: the HTTP API and the web app. Loopback only unless a token is given: the
// corpus and the ingest endpoint are not for the whole network to read and write.

export const DEFAULT_PORT = 4317;
export const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist/', import.meta.url));
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export interface ServeOptions {
  host?: string;
  port?: string;
  token?: string;
  web?: string;
}

export function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? 'dev';
  } catch {
    return 'dev';
  }
}

/** Uploads are kept next to the database (they are the documents' sources); else in the temp dir. */
function uploadDirFor(db: string): string {
  const loc = parseStoreLocation(db);
  if (loc.kind === 'sqlite' && loc.path !== ':memory:') return join(dirname(resolve(loc.path)), 'uploads');
  return join(tmpdir(), 'marsad-uploads');
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new MarsadError('E_USAGE', `--port must be an integer from 0 to 65535 (got ${value})`);
  return n;
}

/** The checked settings of a server, before anything is opened. */
export function serverSettings(opts: ServeOptions, env: NodeJS.ProcessEnv = process.env) {
  const host = opts.host ?? DEFAULT_HOST;
  const port = parsePort(opts.port);
  const token = opts.token ?? (env.MARSAD_TOKEN || undefined);
  if (!LOOPBACK.has(host) && !token)
    throw new MarsadError(
      'E_USAGE',
      `--host ${host} would let other machines read and change the corpus: give an access token with --token or MARSAD_TOKEN`,
    );
  if (token !== undefined && token.length < 8)
    throw new MarsadError('E_USAGE', 'the access token must be at least 8 characters');
  return { host, port, token, webDir: resolve(opts.web ?? DEFAULT_WEB_DIR) };
}

/**
 * Serve over an open store until SIGINT/SIGTERM; resolves once the server has closed. Prints the
 * URL (with the token, for the first visit) and whether the web app is built.
 */
export async function runServer(ctx: CommandContext, store: Store, opts: ServeOptions): Promise<void> {
  const s = serverSettings(opts);
  // loaded here, not on import: every other command starts faster without the HTTP stack
  const [{ createApi, webDirExists }, { serve: listen }] = await Promise.all([
    import('../api/index.js'),
    import('@hono/node-server'),
  ]);
  const api = createApi({
    store,
    settings: ctx.settings,
    kbDirs: ctx.kbDirs,
    webDir: s.webDir,
    uploadDir: uploadDirFor(ctx.settings.db),
    version: packageVersion(),
    ...(s.token ? { token: s.token } : {}),
    log: (m) => ctx.out.error(m),
  });
  const webBuilt = await webDirExists(s.webDir);
  // build the corpus views now rather than on the first visitor's request
  api.cache.get().catch((e: unknown) => ctx.out.error(`corpus views: ${String(e)}`));
  await new Promise<void>((done, fail) => {
    const server = listen({ fetch: api.app.fetch, hostname: s.host, port: s.port }, (info) => {
      const shown = s.host.includes(':') ? `[${s.host}]` : s.host;
      const url = `http://${shown}:${info.port}/${s.token ? `?token=${encodeURIComponent(s.token)}` : ''}`;
      if (ctx.out.json)
        ctx.out.data({
          url,
          host: s.host,
          port: info.port,
          web: webBuilt ? s.webDir : null,
          db: ctx.settings.db,
        });
      else {
        ctx.out.line(`Marsad is serving ${ctx.settings.db}`);
        ctx.out.line(`  ${url}`);
        ctx.out.line(`  API docs: http://${shown}:${info.port}/api/docs`);
        ctx.out.line(
          webBuilt
            ? `  web app: ${s.webDir}`
            : `  web app: not built (${s.webDir} missing): run npm run build:web`,
        );
        ctx.out.line('  Ctrl+C to stop');
      }
    });
    server.once('error', (e: NodeJS.ErrnoException) =>
      fail(
        new MarsadError(
          e.code === 'EADDRINUSE' || e.code === 'EACCES' ? 'E_USAGE' : 'E_IO',
          `cannot listen on ${s.host}:${s.port}: ${e.message}`,
          { cause: e },
        ),
      ),
    );
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      ctx.out.note('stopping…');
      server.close(() => {
        api.idle().then(done, done);
      });
      // keep-alive connections would hold close() open
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API and the web app (127.0.0.1 unless a token is given)')
    .option('--host <host>', `address to listen on (default ${DEFAULT_HOST})`)
    .option('--port <port>', `port (default ${DEFAULT_PORT}; 0 = any free port)`)
    .option('--token <token>', 'access token required on every request (or $MARSAD_TOKEN)')
    .option('--web <dir>', 'the built web app (default web/dist)')
    .action(async (opts: ServeOptions, cmd: Command) => {
      const ctx = makeContext(cmd.optsWithGlobals<GlobalOptions>());
      serverSettings(opts); // refuse a bad host/port/token before opening the database
      await ctx.withStore((store) => runServer(ctx, store, opts));
    });
}
