/**
 * Scores the committed NER model (data/models/ner-ar.json.gz) on the ANERcorp (CAMeL split)
 * and AQMAR test sets: CoNLL entity-level precision/recall/F1 (exact span and type), overall
 * and per type, with no gazetteer flags, with ANERGazet's, and with ANERGazet's plus the names
 * of the shipped knowledge base (data/kb, what Marsad itself knows), and with those flags and the
 * KB's types for the person and place names it lists (retype.ts: as the recogniser's KB
 * matchers would type them), plus tagging throughput.
 *
 *   npm run eval:ner              # table
 *   npm run eval:ner -- --json    # machine-readable
 *
 * "document" mode tags each test file as running text (the second pass sees ±15 sentences);
 * "sentence" mode tags every sentence alone, as `tagTokens` does. Exits 0 with a note when
 * ../shared is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAnergazet } from '../scripts/train-ner.js';
import {
  AQMAR_TYPES,
  type ConllScore,
  kbNameEntries,
  loadNerModel,
  matchGazetteer,
  nameTypes,
  parseConll,
  retypeListedNames,
  scoreConll,
  type TaggedSentence,
} from '../src/extract/ner/index.js';
import { tagDocumentWithModel, tagWithModel } from '../src/extract/ner/tagger.js';
import { loadKnowledgeBase, SHIPPED_KB_DIR } from '../src/kb/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, '..', 'shared', 'data');
const json = process.argv.includes('--json');

const TESTS: { name: string; path: string; map?: Record<string, string> }[] = [
  { name: 'ANERcorp test', path: join(DATA, 'anercorp', 'ANERcorp_CamelLabSplit_reconstructed_test.txt') },
  { name: 'AQMAR test', path: join(DATA, 'aqmar', 'aqmar_test.txt'), map: AQMAR_TYPES },
];
const ANER_TRAIN = join(DATA, 'anercorp', 'ANERcorp_CamelLabSplit_reconstructed_train.txt');

function main(): void {
  if (!TESTS.every((t) => existsSync(t.path)) || !existsSync(ANER_TRAIN)) {
    console.log('eval:ner: ../shared/data not found; skipped');
    return;
  }
  const model = loadNerModel();
  // the gazetteer's clean-up uses training labels only (see loadAnergazet)
  const anerTrain = parseConll(readFileSync(ANER_TRAIN, 'utf8'));
  const kbNames = kbNameEntries(loadKnowledgeBase({ dirs: [SHIPPED_KB_DIR] }).entities.values());
  const withKb = loadAnergazet(join(DATA, 'anergazet'), anerTrain, kbNames);
  const kbTypes = nameTypes(kbNames);
  // [label, flags, retype by the KB]
  const configs = [
    ['none', null, false],
    ['ANERGazet', loadAnergazet(join(DATA, 'anergazet'), anerTrain), false],
    ['ANERGazet+KB', withKb, false],
    ['ANERGazet+KB+types', withKb, true],
  ] as const;
  const results: {
    set: string;
    mode: string;
    /**
     * which name lists flagged the words: 'none', 'ANERGazet' or 'ANERGazet+KB'; '+types': and
     * the KB retyped person/place spans it lists
     */
    gazetteer: string;
    score: ConllScore;
  }[] = [];
  const speed: { set: string; mode: string; tokens: number; seconds: number; tokensPerSecond: number }[] = [];

  for (const t of TESTS) {
    const sents: TaggedSentence[] = parseConll(readFileSync(t.path, 'utf8'), t.map);
    const words = sents.map((s) => s.words);
    const gold = sents.map((s) => s.tags);
    for (const [g, gaz, retype] of configs) {
      const flags = gaz ? words.map((ws) => matchGazetteer(gaz, ws)) : undefined;
      const typed = (tags: string[][]) => (retype ? retypeListedNames(words, tags, kbTypes) : tags);
      const doc = typed(tagDocumentWithModel(model, words, flags).map((r) => r.tags));
      results.push({ set: t.name, mode: 'document', gazetteer: g, score: scoreConll(gold, doc) });
      const one = typed(words.map((ws, j) => tagWithModel(model, ws, flags?.[j]).tags));
      results.push({ set: t.name, mode: 'sentence', gazetteer: g, score: scoreConll(gold, one) });
    }
    // throughput: tagging only (features + Viterbi), one core, after a warm-up run (so the
    // per-word memo in tagger.ts is warm: steady-state speed on a stream of news)
    const tokens = words.reduce((n, ws) => n + ws.length, 0);
    for (const mode of ['sentence', 'document'] as const) {
      const run = () =>
        mode === 'document' ? tagDocumentWithModel(model, words) : words.map((ws) => tagWithModel(model, ws));
      run();
      const t0 = process.hrtime.bigint();
      run();
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      speed.push({ set: t.name, mode, tokens, seconds, tokensPerSecond: Math.round(tokens / seconds) });
    }
  }

  if (json) {
    console.log(JSON.stringify({ model: model.header, results, speed }, null, 2));
    return;
  }
  const pc = (x: number) => (100 * x).toFixed(2).padStart(6);
  console.log(`model: ${model.header.description}`);
  console.log(`trained ${model.header.created}: ${JSON.stringify(model.header.settings)}\n`);
  console.log(
    `${'set'.padEnd(14)} ${'mode'.padEnd(9)} ${'gazetteer'.padEnd(19)} ${'type'.padEnd(7)}      P      R     F1   gold  pred  ok`,
  );
  for (const r of results) {
    const rows: [string, ConllScore['overall']][] = [
      ['ALL', r.score.overall],
      ...Object.entries(r.score.byType),
    ];
    for (const [type, p] of rows) {
      console.log(
        `${r.set.padEnd(14)} ${r.mode.padEnd(9)} ${r.gazetteer.padEnd(19)} ${type.padEnd(7)} ${pc(p.precision)} ${pc(p.recall)} ${pc(p.f1)} ${String(p.gold).padStart(6)} ${String(p.predicted).padStart(5)} ${String(p.correct).padStart(4)}`,
      );
    }
  }
  console.log('');
  for (const s of speed) {
    console.log(
      `throughput ${s.set}, ${s.mode} mode: ${s.tokensPerSecond.toLocaleString('en')} tokens/s (${s.tokens} tokens, ${s.seconds.toFixed(2)} s)`,
    );
  }
}

main();
