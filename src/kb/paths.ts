import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The knowledge base shipped with Marsad (data/kb at the package root). */
export const SHIPPED_KB_DIR = fileURLToPath(new URL('../../data/kb/', import.meta.url));

/**
 * The usual layers: the shipped KB, then every path in `$MARSAD_KB` (separated like PATH), then
 * `~/.marsad/kb` when it exists. Pure: the caller passes env and home (nothing is read on import).
 */
export function defaultKbDirs(env: Readonly<Record<string, string | undefined>>, home?: string): string[] {
  const dirs = [SHIPPED_KB_DIR];
  for (const p of (env.MARSAD_KB ?? '').split(delimiter)) if (p.trim()) dirs.push(p.trim());
  if (home) {
    const user = join(home, '.marsad', 'kb');
    if (existsSync(user) && !dirs.includes(user)) dirs.push(user);
  }
  return dirs;
}
