import type { SearchAnalyzer, SearchToken } from '../../src/model/index.js';

// A deliberately tiny stand-in for the text layer's Arabic analyzer, enough to exercise the
// store: words are runs of letters/digits/marks; harakat and tatweel are dropped; أ إ آ → ا;
// a leading و then a leading ال are stripped (والمتمردين → متمردين); Latin is lower-cased.

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const MARKS = /[\p{M}\u0640]/gu;

export interface TestAnalyzerOptions {
  /** Also strip a leading ب (بالعاصمة → عاصمه-style): lets a test change the analyzer. */
  stripBa?: boolean;
}

export function termOf(word: string, options: TestAnalyzerOptions = {}): string {
  let t = word.replace(MARKS, '').replace(/[أإآ]/g, 'ا').toLowerCase();
  if (t.startsWith('و') && t.length > 3) t = t.slice(1);
  if (options.stripBa && t.startsWith('ب') && t.length > 3) t = t.slice(1);
  if (t.startsWith('ال') && t.length > 3) t = t.slice(2);
  return t;
}

export function makeTestAnalyzer(options: TestAnalyzerOptions = {}): SearchAnalyzer {
  return {
    version: `test/${JSON.stringify(options)}`,
    tokens(text: string): SearchToken[] {
      const out: SearchToken[] = [];
      for (const m of text.matchAll(WORD)) {
        const term = termOf(m[0], options);
        if (term !== '') out.push({ term, start: m.index, end: m.index + m[0].length });
      }
      return out;
    },
  };
}

export const testAnalyzer = makeTestAnalyzer();
