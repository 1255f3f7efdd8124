// One benchmark measurement in its own process (so peak RSS belongs to one corpus size):
//   tsx bench/measure.ts <documents>
// Prints one JSON line.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSettings } from '../src/config/index.js';
import { analyzeArticle } from '../src/extract/index.js';
import { runIngestJob } from '../src/jobs/index.js';
import { openStore } from '../src/store/index.js';
import { arabicSearchAnalyzer, cleanText, tokenize } from '../src/text/index.js';
import { writeCorpus } from './corpus.js';

const count = Number(process.argv[2] ?? 1000);
const work = mkdtempSync(join(tmpdir(), 'marsad-bench-'));
try {
  const dir = join(work, 'corpus');
  const bytes = writeCorpus(dir, count);
  const texts = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));

  // Baseline: tokenisation alone, in memory.
  let t = performance.now();
  let tokens = 0;
  for (const text of texts) tokens += tokenize(cleanText(text)).length;
  const tokenizeMs = performance.now() - t;

  // The analysis pipeline alone, in memory (no I/O, no store).
  t = performance.now();
  for (const [i, text] of texts.entries())
    analyzeArticle({
      source: `b${i}`,
      kind: 'text',
      title: null,
      published: null,
      url: null,
      body: text,
      encoding: 'utf-8',
      warnings: [],
    });
  const analyzeMs = performance.now() - t;

  // Search indexing terms alone.
  t = performance.now();
  for (const text of texts) arabicSearchAnalyzer.tokens(text);
  const searchTermsMs = performance.now() - t;

  // End to end: read files, decode, analyse, store (+ FTS index) in SQLite.
  const settings = loadSettings({ overrides: { db: join(work, 'bench.db') } });
  const store = await openStore({ path: settings.db, analyzer: arabicSearchAnalyzer });
  t = performance.now();
  const report = await runIngestJob({ inputs: [dir], store, settings });
  const ingestMs = performance.now() - t;
  t = performance.now();
  const searches = ['فاغنر', 'المتمردين', '"قطع العلاقات"', 'مالي الجزائر'];
  for (let k = 0; k < 25; k++) for (const q of searches) await store.search({ q, limit: 10 });
  const searchMs = (performance.now() - t) / (25 * searches.length);
  await store.close();

  const mb = bytes / 1024 / 1024;
  console.log(
    JSON.stringify({
      documents: count,
      megabytes: Number(mb.toFixed(2)),
      tokens,
      stored: report.stored,
      failed: report.failed,
      tokenizeDocsPerSec: Math.round(count / (tokenizeMs / 1000)),
      analyzeDocsPerSec: Math.round(count / (analyzeMs / 1000)),
      searchTermsDocsPerSec: Math.round(count / (searchTermsMs / 1000)),
      pipelineVsTokenize: Number((analyzeMs / tokenizeMs).toFixed(2)),
      ingestDocsPerSec: Math.round(count / (ingestMs / 1000)),
      ingestMBPerSec: Number((mb / (ingestMs / 1000)).toFixed(2)),
      searchMsPerQuery: Number(searchMs.toFixed(2)),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
