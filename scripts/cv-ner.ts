/**
 * K-fold cross-validation of a training setting on ANERcorp train (never the test split):
 * runs `train-ner.ts --fold k --folds K` for every block, `--jobs` at a time, and prints the
 * micro-averaged F1 over all blocks, with and without ANERGazet flags, plus each block's.
 *
 *   npx tsx scripts/cv-ner.ts [--folds 5] [--jobs 2] [--seed N] -- <train-ner options>
 *
 * One 10% dev cut moves by ±1 F1 from the seed alone; five blocks hold five times the names,
 * so a difference of a few tenths can be told from noise. ~3 CPU-minutes per block.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const sep = argv.indexOf('--');
const own = sep < 0 ? argv : argv.slice(0, sep);
const passOn = sep < 0 ? [] : argv.slice(sep + 1);
const opt = (name: string, def: number) => {
  const i = own.indexOf(`--${name}`);
  return i < 0 ? def : Number(own[i + 1]);
};
const K = opt('folds', 5);
const jobs = opt('jobs', 2);
const work = join(tmpdir(), 'marsad-cv-ner');
mkdirSync(work, { recursive: true });

interface Counts {
  gold: number;
  pred: number;
  ok: number;
}
type FoldResult = Record<'plain' | 'gaz', Counts>;

function runFold(k: number): Promise<FoldResult> {
  const args = [
    '--import',
    'tsx',
    join(ROOT, 'scripts', 'train-ner.ts'),
    '--fold',
    String(k),
    '--folds',
    String(K),
    '--cache-clusters',
    join(work, `clusters-${K}-${k}.json`),
    '--out',
    join(work, `model-${process.pid}-${k}.json.gz`),
    ...passOn,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('close', (code) => {
      const grab = (label: string): Counts => {
        const m = new RegExp(`^final ${label}: .*gold (\\d+) pred (\\d+) ok (\\d+)$`, 'm').exec(out);
        if (!m) throw new Error(`block ${k}: no "${label}" line (exit ${code})\n${out.slice(-2000)}`);
        return { gold: Number(m[1]), pred: Number(m[2]), ok: Number(m[3]) };
      };
      try {
        resolve({ plain: grab('ANER-dev'), gaz: grab('ANER-dev \\+gaz') });
      } catch (e) {
        reject(e);
      }
    });
  });
}

const f1 = (c: Counts) => (c.ok ? (200 * c.ok) / (c.gold + c.pred) : 0);
const results: FoldResult[] = new Array(K);
let next = 0;
async function worker(): Promise<void> {
  while (next < K) {
    const k = next++;
    results[k] = await runFold(k);
    console.error(
      `cv-ner: block ${k}: F1 ${f1(results[k].plain).toFixed(2)} (+gaz ${f1(results[k].gaz).toFixed(2)})`,
    );
  }
}
await Promise.all(Array.from({ length: Math.min(jobs, K) }, worker));
const sum = (key: 'plain' | 'gaz'): Counts =>
  results.reduce(
    (a, r) => ({ gold: a.gold + r[key].gold, pred: a.pred + r[key].pred, ok: a.ok + r[key].ok }),
    { gold: 0, pred: 0, ok: 0 },
  );
console.log(
  `cv-ner ${K} blocks [${passOn.join(' ')}]: F1 ${f1(sum('plain')).toFixed(2)} +gaz ${f1(sum('gaz')).toFixed(2)} | blocks ${results.map((r) => f1(r.plain).toFixed(2)).join(' ')}`,
);
