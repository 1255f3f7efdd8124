import { describe, expect, it } from 'vitest';
import { findHighlights, makeSnippet, parseQuery } from '../../src/store/index.js';
import { testAnalyzer } from './test-analyzer.js';

const words = (n: number, w = 'كلمة'): string => Array.from({ length: n }, () => w).join(' ');

describe('parseQuery', () => {
  it('splits bare words and quoted phrases into analyzer terms', () => {
    expect(parseQuery('والمتمردين "مجلس الأمن" الجيش', testAnalyzer).parts).toEqual([
      { kind: 'term', term: 'متمردين' },
      { kind: 'phrase', terms: ['مجلس', 'امن'] },
      { kind: 'term', term: 'جيش' },
    ]);
  });

  it('reads a one-word phrase as a word, drops repeats and punctuation-only input', () => {
    expect(parseQuery('"الجيش" جيش والجيش ... ؟', testAnalyzer).parts).toEqual([
      { kind: 'term', term: 'جيش' },
    ]);
    expect(parseQuery('"" " ؟', testAnalyzer).parts).toEqual([]);
  });

  it('an unclosed quote makes a phrase of the rest', () => {
    expect(parseQuery('قصف "مدينة حلب', testAnalyzer).parts).toEqual([
      { kind: 'term', term: 'قصف' },
      { kind: 'phrase', terms: ['مدينة', 'حلب'] },
    ]);
  });
});

describe('findHighlights', () => {
  it('marks phrase words only where the whole phrase occurs', () => {
    const text = 'مجلس الوزراء ثم مجلس الأمن';
    const spans = findHighlights(text, parseQuery('"مجلس الأمن"', testAnalyzer), testAnalyzer);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['مجلس', 'الأمن']);
    expect(spans[0]!.start).toBe(text.lastIndexOf('مجلس'));
  });
});

describe('makeSnippet', () => {
  it('centres on the densest cluster of matches, not the first one', () => {
    const text = `هدف ${words(60)} هدف هدف هدف ${words(60)}`;
    const hl = findHighlights(text, parseQuery('هدف', testAnalyzer), testAnalyzer);
    const { snippet, snippetHighlights } = makeSnippet(text, hl, 100);
    expect(snippetHighlights).toHaveLength(3);
    expect(snippet.startsWith('…') && snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(102);
    for (const s of snippetHighlights) expect(snippet.slice(s.start, s.end)).toBe('هدف');
  });

  it('cuts at word boundaries', () => {
    const text = `${words(40, 'طويلةجدا')} هدف ${words(40, 'طويلةجدا')}`;
    const hl = findHighlights(text, parseQuery('هدف', testAnalyzer), testAnalyzer);
    const { snippet } = makeSnippet(text, hl, 50);
    for (const w of snippet.replace(/…/g, '').split(' ')) expect(['طويلةجدا', 'هدف']).toContain(w);
  });

  it('without matches, starts at the body and keeps a short text whole', () => {
    const text = `العنوان\n\n${words(100)}`;
    const { snippet, snippetHighlights } = makeSnippet(text, [], 60, 9);
    expect(snippet.startsWith('…كلمة')).toBe(true); // the title is left out
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippetHighlights).toEqual([]);
    expect(makeSnippet('خبر قصير\n\nجدا', [], 200).snippet).toBe('خبر قصير جدا');
  });

  it('keeps a match longer than the window whole', () => {
    const long = 'ا'.repeat(300);
    const text = `قبل ${long} بعد`;
    const { snippet, snippetHighlights } = makeSnippet(text, [{ start: 4, end: 304 }], 200);
    expect(snippetHighlights).toHaveLength(1);
    expect(snippet.slice(snippetHighlights[0]!.start, snippetHighlights[0]!.end)).toBe(long);
  });
});
