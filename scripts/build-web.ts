// Builds the web app (web/) into web/dist with Vite, which `marsad serve` serves.
//   tsx scripts/build-web.ts              always build
//   tsx scripts/build-web.ts --if-stale   only when web/dist is missing or older than its sources
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const WEB = fileURLToPath(new URL('../web/', import.meta.url));
const DIST = join(WEB, 'dist');

/** Newest modification time under `path` (a file or a folder), 0 when absent. */
function newest(path: string): number {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const name of readdirSync(path)) t = Math.max(t, newest(join(path, name)));
  return t;
}

function stale(): boolean {
  const built = newest(join(DIST, 'index.html'));
  if (built === 0) return true;
  const sources = Math.max(
    newest(join(WEB, 'src')),
    newest(join(WEB, 'index.html')),
    newest(join(WEB, 'vite.config.ts')),
  );
  return sources > built;
}

if (process.argv.includes('--if-stale') && !stale()) {
  process.stderr.write('web app up to date (web/dist)\n');
} else {
  const started = Date.now();
  await build({ root: WEB, configFile: join(WEB, 'vite.config.ts'), logLevel: 'warn' });
  process.stderr.write(`web app built into web/dist in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
