import { describe, expect, it } from 'vitest';
import {
  arabicSearchAnalyzer,
  cleanText,
  normalizeArabic,
  splitSentences,
  tokenize,
} from '../../src/text/index.js';
import { syntheticNews } from './corpus.js';

// Throughput guards. The targets are ≥ 1 M characters/s; the asserted floor is lower so that a
// loaded CI machine does not fail the suite, and the measured rates are printed.
const text = cleanText(syntheticNews(2_000_000));

function rate(fn: () => unknown): number {
  fn(); // warm-up
  const t = performance.now();
  fn();
  return text.length / ((performance.now() - t) / 1000);
}

describe('throughput (characters per second)', () => {
  it.each([
    ['cleanText', () => cleanText(text)],
    ['normalizeArabic', () => normalizeArabic(text)],
    ['tokenize', () => tokenize(text)],
    ['splitSentences', () => splitSentences(text)],
    ['arabicSearchAnalyzer', () => arabicSearchAnalyzer.tokens(text)],
  ])('%s', (name, fn) => {
    const r = rate(fn);
    console.log(`${name}: ${(r / 1e6).toFixed(2)} M chars/s`);
    expect(r).toBeGreaterThan(300_000);
  });
});
