// npm run bench [-- --sizes 1000,10000] [--json]
// Each size runs in a fresh process so its peak RSS is its own; the figures go in issue notes.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const sizesArg = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : undefined;
const sizes = (sizesArg ?? '1000,10000').split(',').map(Number);
const asJson = args.includes('--json');
const measure = fileURLToPath(new URL('./measure.ts', import.meta.url));

function run(n: number, mode: string, variant = ''): Record<string, number> {
  if (!asJson) process.stderr.write(`bench: ${n} documents, ${mode} ${variant}…\n`);
  const args = ['--import', 'tsx', measure, String(n), mode, ...(variant ? [variant] : [])];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(r.stderr);
    process.exit(1);
  }
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, number>;
}

const rows: Record<string, number>[] = [];
for (const n of sizes) {
  const pipeline = run(n, 'pipeline');
  const ingest = run(n, 'ingest');
  const { peakRssMB: pipelineRss, ...rest } = pipeline;
  const row: Record<string, number> = { ...rest, pipelinePeakRssMB: pipelineRss!, ...ingest };
  row.textIngestPeakRssMB = ingest.peakRssMB!;
  delete row.peakRssMB;
  // Every stage plus corpus upkeep, on the smallest corpus only (it is ~30x slower for now).
  if (n === Math.min(...sizes)) {
    const full = run(n, 'ingest', 'full');
    row.fullIngestDocsPerSec = full.ingestDocsPerSec!;
    row.fullIngestPeakRssMB = full.peakRssMB!;
  }
  rows.push(row);
}
Object.assign(rows[0] ?? {}, (await import('./entities.js')).measureEntities(Math.min(...sizes)));
if (asJson) console.log(JSON.stringify(rows, null, 2));
else {
  const cols = Object.keys(rows[0] ?? {});
  for (const c of cols)
    console.log(`${c.padEnd(22)} ${rows.map((r) => String(r[c] ?? '—').padStart(10)).join(' ')}`);
}
