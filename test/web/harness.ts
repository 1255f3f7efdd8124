// What the browser tests need: the built web app, a store built from the fixture articles, the
// real `marsad serve` on a free port, and Debian's Chromium driven by playwright-core.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WEB_DIR = join(ROOT, 'web');
export const FIXTURES = join(ROOT, 'test/web/fixtures');
export const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
const BIN = join(ROOT, 'bin/marsad.js');

export const CHROMIUM = process.env.MARSAD_CHROMIUM ?? '/usr/bin/chromium';
export const BROWSER_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function browserAvailable(): boolean {
  return existsSync(CHROMIUM);
}

/** Vite's production build of web/ into `outDir` (what `npm run build:web` does into web/dist). */
export async function buildWeb(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    root: WEB_DIR,
    configFile: join(WEB_DIR, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}

/** `marsad ingest` of the fixture articles into a new database. */
export function buildStore(db: string): void {
  const r = spawnSync(process.execPath, [BIN, '--db', db, '--quiet', 'ingest', FIXTURES], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`marsad ingest failed (${r.status}): ${r.stderr}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
  log(): string;
}

/** The real `marsad serve` in a child process, ready once /api/health answers. */
export async function startServer(db: string, web: string): Promise<RunningServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [BIN, '--db', db, 'serve', '--host', '127.0.0.1', '--port', String(port), '--web', web],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MARSAD_TOKEN: '' } },
  );
  let output = '';
  child.stdout?.on('data', (b: Buffer) => {
    output += b.toString();
  });
  child.stderr?.on('data', (b: Buffer) => {
    output += b.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 40_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`marsad serve exited ${child.exitCode}: ${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`marsad serve did not answer on ${url}: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    log: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}
