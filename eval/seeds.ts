// npm run eval:seeds — ingest ../shared/seeds into a temporary store, export marsad.document/v1
// JSONL, score it with ../shared/eval/score.mjs against the gold, and check the floor (the scores
// CI must not fall below, eval/floor.json). Exits 0 with a note when ../shared is absent.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { loadSettings } from '../src/config/index.js';
import { runExportJob, runIngestJob } from '../src/jobs/index.js';
import { openStore } from '../src/store/index.js';
import { arabicSearchAnalyzer } from '../src/text/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = resolve(process.env.MARSAD_SHARED ?? join(root, '..', 'shared'));
const seeds = join(shared, 'seeds');
const scorer = join(shared, 'eval', 'score.mjs');
const gold = join(shared, 'eval', 'gold');

type Scores = Record<string, { f1: number }>;

async function main(): Promise<number> {
  if (!existsSync(seeds) || !existsSync(scorer)) {
    console.log(`eval:seeds skipped: ${shared} has no seeds/ or eval/score.mjs`);
    return 0;
  }
  const work = mkdtempSync(join(tmpdir(), 'marsad-eval-'));
  const outDir = join(root, 'eval', 'out');
  mkdirSync(outDir, { recursive: true });
  const exportFile = join(outDir, 'seeds.jsonl');
  try {
    const settings = loadSettings({ overrides: { db: join(work, 'eval.db') } });
    const store = await openStore({ path: settings.db, analyzer: arabicSearchAnalyzer });
    const report = await runIngestJob({ inputs: [seeds], store, settings });
    for (const f of report.failures) console.error(`failed: ${f.source}: ${f.code}: ${f.message}`);
    const out = createWriteStream(exportFile);
    await runExportJob({ store, out, format: 'jsonl' });
    out.end();
    await finished(out);
    await store.close();
    console.log(`ingested ${report.stored} seed documents (${report.failed} failed) → ${exportFile}`);
    const invalid = validateExport(exportFile);
    if (invalid.length) {
      for (const line of invalid) console.error(line);
      return 1;
    }
    console.log('export: every line validates against schema/marsad.document.v1.schema.json');

    const args = [scorer, '--gold', gold, '--system', exportFile];
    const text = spawnSync(process.execPath, args, { encoding: 'utf8' });
    process.stdout.write(text.stdout);
    if (text.status !== 0) {
      process.stderr.write(text.stderr);
      return 1;
    }
    const json = spawnSync(process.execPath, [...args, '--json'], { encoding: 'utf8' });
    const overall = (JSON.parse(json.stdout) as { overall: Scores }).overall;
    return checkFloor(overall);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Check each exported line against the shipped JSON Schema (the contract with the scorer). */
function validateExport(file: string): string[] {
  const schema = JSON.parse(readFileSync(join(root, 'schema', 'marsad.document.v1.schema.json'), 'utf8'));
  const validate = new Ajv2020.default({ strict: false }).compile(schema);
  const problems: string[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .forEach((line, i) => {
      if (!validate(JSON.parse(line)))
        problems.push(`export line ${i + 1}: ${JSON.stringify(validate.errors)}`);
    });
  return problems;
}

/** Fail when any score drops below eval/floor.json (raised as extraction improves). */
function checkFloor(overall: Scores): number {
  const floor = JSON.parse(readFileSync(join(root, 'eval', 'floor.json'), 'utf8')) as Record<string, number>;
  const below = Object.entries(floor)
    .filter(([k]) => !k.startsWith('$'))
    .filter(([k, min]) => (overall[k]?.f1 ?? 0) + 1e-9 < min);
  for (const [k, min] of below)
    console.error(`below the floor: ${k} F1 ${overall[k]?.f1.toFixed(3)} < ${min}`);
  if (!below.length) console.log('floor: every score at or above eval/floor.json');
  return below.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
