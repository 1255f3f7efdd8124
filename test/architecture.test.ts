import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Data flows one way (DESIGN.md §1): a folder of src/ may import from the folders before it in
// this list, and only through their index.ts; data/ (KB, lexicons) may be read by any.
const LAYERS = [
  'model',
  'util',
  'config',
  'ingest',
  'text',
  'kb',
  'extract',
  'corpus',
  'store',
  'jobs',
  'api',
  'cli',
];
const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

describe('architecture', () => {
  const files = sourceFiles(SRC);

  it('has every src folder in the layer list', () => {
    const folders = readdirSync(SRC).filter((n) => statSync(join(SRC, n)).isDirectory());
    for (const f of folders) expect(LAYERS, `src/${f} is not a known layer`).toContain(f);
  });

  it('imports only from earlier layers, through their index', () => {
    const violations: string[] = [];
    for (const file of files) {
      const rel = relative(SRC, file);
      const layer = rel.split(/[\\/]/)[0]!;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)) {
        const spec = m[1]!;
        if (!spec.startsWith('.')) continue;
        const target = relative(SRC, join(file, '..', spec));
        const targetLayer = target.split(/[\\/]/)[0]!;
        if (targetLayer === layer) continue;
        // data/ (the KB and lexicons) comes before every layer: any folder may read it.
        if (target.startsWith('../data/')) continue;
        if (target.startsWith('..')) violations.push(`${rel} imports outside src: ${spec}`);
        else if (LAYERS.indexOf(targetLayer) > LAYERS.indexOf(layer))
          violations.push(`${rel} imports a later layer: ${spec}`);
        else if (target !== `${targetLayer}/index.js`)
          violations.push(`${rel} bypasses ${targetLayer}/index.ts: ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });
});
