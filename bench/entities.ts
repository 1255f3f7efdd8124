// The entity stages alone (issue #3 b): mention recognition (KB aliases, phrases, variants,
// the learned tagger) and linking, over documents that already went through the text stages.
//   tsx bench/entities.ts [documents]      prints one JSON line
// `npm run bench` calls measureEntities for its smallest corpus. Rates are tokens per CPU second
// (one core, other processes on the machine left out of the count); the caches of the
// stages (word readings, the tagger's per-word memo) are warmed on the first documents first,
// so the figure is the steady state of a long ingest.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildEntityResources,
  composeDocument,
  createEntityStages,
  type Stage,
  sentencesStage,
  tokensStage,
} from '../src/extract/index.js';
import { DEFAULT_NER_MODEL_PATH, readModelFile } from '../src/extract/ner/index.js';
import { loadKnowledgeBase, SHIPPED_KB_DIR } from '../src/kb/index.js';
import type { AnalysedDocument } from '../src/model/index.js';
import { writeCorpus } from './corpus.js';

const WARM_UP = 50;
const ANERCORP_TRAIN = fileURLToPath(
  new URL('../../shared/data/anercorp/ANERcorp_CamelLabSplit_reconstructed_train.txt', import.meta.url),
);

function analysable(body: string, i: number): AnalysedDocument {
  const doc = composeDocument({
    source: `b${i}`,
    kind: 'text',
    title: null,
    published: null,
    url: null,
    body,
    encoding: 'utf-8',
    warnings: [],
  });
  return tokensStage.run(sentencesStage.run(doc));
}

/** The synthetic bench corpus (bench/corpus.ts): ~1,300 distinct words, so every cache is hot. */
function syntheticDocs(count: number): AnalysedDocument[] {
  const work = mkdtempSync(join(tmpdir(), 'marsad-bench-entities-'));
  try {
    const dir = join(work, 'corpus');
    writeCorpus(dir, count);
    return readdirSync(dir).map((f, i) => analysable(readFileSync(join(dir, f), 'utf8'), i));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Running news text with a natural vocabulary: the ANERcorp training sentences (read from
 * ../shared at run time, labels ignored), 12 to an article, when that file is there.
 */
export function newsDocs(): AnalysedDocument[] {
  if (!existsSync(ANERCORP_TRAIN)) return [];
  const sentences = readFileSync(ANERCORP_TRAIN, 'utf8')
    .split(/\r?\n\s*\r?\n/)
    .map((block) =>
      block
        .split(/\r?\n/)
        .map((line) => line.trim().replace(/ \S+$/, ''))
        .filter(Boolean)
        .join(' '),
    )
    .filter(Boolean);
  const docs: AnalysedDocument[] = [];
  for (let i = 0; i + 12 <= sentences.length; i += 12) {
    const s = sentences.slice(i, i + 12);
    docs.push(analysable(`${s.slice(0, 6).join(' ')}\n\n${s.slice(6).join(' ')}`, docs.length));
  }
  return docs;
}

/** CPU milliseconds of this process since `from` (user + system: a per-core figure on a busy machine). */
function cpuMs(from?: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
}

/**
 * CPU milliseconds per stage over `docs` (each stage's output feeds the next, as in the
 * pipeline). CPU time rather than wall time, so other work on the machine does not count.
 */
function timeStages(stages: readonly Stage[], docs: readonly AnalysedDocument[]): number[] {
  for (const d of docs.slice(0, WARM_UP)) stages.reduce((x, s) => s.run(x), d);
  const ms = stages.map(() => 0);
  for (const d of docs) {
    let x = d;
    stages.forEach((s, k) => {
      const t0 = process.cpuUsage();
      x = s.run(x);
      ms[k]! += cpuMs(t0);
    });
  }
  return ms;
}

export function measureEntities(count: number): Record<string, number> {
  // the shipped KB's load (YAML parse, validation, indexes): every CLI command and worker pays it
  // once; the best of three, the first also compiling the loader
  let kbLoadMs = Number.POSITIVE_INFINITY;
  let kb = loadKnowledgeBase({ dirs: [SHIPPED_KB_DIR] });
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    kb = loadKnowledgeBase({ dirs: [SHIPPED_KB_DIR] });
    kbLoadMs = Math.min(kbLoadMs, performance.now() - t0);
  }
  const out: Record<string, number> = { kbEntities: kb.entities.size, kbLoadMs: Math.round(kbLoadMs) };
  for (const [name, docs] of [
    ['entity', syntheticDocs(count)],
    ['entityNews', newsDocs()],
  ] as const) {
    if (!docs.length) continue;
    const tokens = docs.reduce((n, d) => n + d.tokenCount, 0);
    // a model of its own per corpus, so the tagger's memo starts cold on each
    // one untimed pass first: the module-wide caches (tokenizer, word readings) are warm in a
    // long ingest whatever the stages, so neither timed run pays them alone
    timeStages(createEntityStages(buildEntityResources(kb, {})), docs);
    const withNer = createEntityStages(
      buildEntityResources(kb, { ner: readModelFile(DEFAULT_NER_MODEL_PATH) }),
    );
    const withoutNer = createEntityStages(buildEntityResources(kb, {}));
    const [mentionsMs, linkingMs] = timeStages(withNer, docs);
    const [mentionsNoNerMs, linkingNoNerMs] = timeStages(withoutNer, docs);
    const perSec = (ms: number) => Math.round(tokens / (ms / 1000));
    out[`${name}Documents`] = docs.length;
    out[`${name}Tokens`] = tokens;
    out[`${name}StagesTokensPerSec`] = perSec(mentionsMs! + linkingMs!);
    out[`${name}LinkingTokensPerSec`] = perSec(linkingMs!);
    out[`${name}StagesNoNerTokensPerSec`] = perSec(mentionsNoNerMs! + linkingNoNerMs!);
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(JSON.stringify(measureEntities(Number(process.argv[2] ?? 1000))));
}
