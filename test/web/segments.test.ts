import { describe, expect, it } from 'vitest';
import { type Mark, openedBy, primaryMark, runs, sentenceOf } from '../../web/src/reader/segments.js';

const text = 'قال المتحدث باسم الجيش المالي إن القوات استعادت كيدال.';
const at = (word: string) => {
  const start = text.indexOf(word);
  return { start, end: start + word.length };
};

describe('reader runs', () => {
  it('covers the text exactly once, in order, whatever the marks', () => {
    const marks: Mark[] = [
      { kind: 'claim', ...at('إن القوات استعادت كيدال'), ref: 'cl-1', variant: 'assert' },
      { kind: 'entity', ...at('الجيش المالي'), ref: 'ent-mali-army', variant: 'organization' },
      { kind: 'entity', ...at('كيدال'), ref: 'ent-kidal', variant: 'location' },
      { kind: 'event', start: 0, end: text.length, ref: 'ev-1' },
    ];
    const out = runs(text, marks);
    expect(out.map((r) => r.text).join('')).toBe(text);
    for (let i = 1; i < out.length; i++) expect(out[i]!.start).toBe(out[i - 1]!.end);
  });

  it('a run inside both a claim and an entity opens the entity; the rest of the claim opens the claim', () => {
    const marks: Mark[] = [
      { kind: 'claim', ...at('إن القوات استعادت كيدال'), ref: 'cl-1' },
      { kind: 'entity', ...at('كيدال'), ref: 'ent-kidal' },
    ];
    const out = runs(text, marks);
    const kidal = out.find((r) => r.text === 'كيدال')!;
    expect(kidal.marks.map((m) => m.kind).sort()).toEqual(['claim', 'entity']);
    expect(primaryMark(kidal)?.ref).toBe('ent-kidal');
    const forces = out.find((r) => r.text.includes('القوات'))!;
    expect(primaryMark(forces)?.ref).toBe('cl-1');
    expect(out[0]!.marks).toEqual([]);
  });

  it('a passage that is both a claim and an event opens both', () => {
    const span = at('إن القوات استعادت كيدال');
    const out = runs(text, [
      { kind: 'event', ...span, ref: 'ev-1' },
      { kind: 'claim', ...span, ref: 'cl-1' },
      { kind: 'target', ...span, ref: 'target' },
    ]);
    const run = out.find((r) => r.start === span.start)!;
    expect(openedBy(run)).toEqual([
      { kind: 'claim', ref: 'cl-1' },
      { kind: 'event', ref: 'ev-1' },
    ]);
  });

  it('the highlighted target never decides what a click opens', () => {
    const out = runs(text, [{ kind: 'target', start: 0, end: 10, ref: 'target' }]);
    expect(out[0]!.marks[0]!.kind).toBe('target');
    expect(primaryMark(out[0]!)).toBeUndefined();
  });

  it('drops empty marks and clamps marks that run past the text', () => {
    const out = runs(text, [
      { kind: 'entity', start: 5, end: 5, ref: 'empty' },
      { kind: 'date', start: text.length - 3, end: text.length + 40, ref: '0' },
    ]);
    expect(out.map((r) => r.text).join('')).toBe(text);
    expect(out.flatMap((r) => r.marks.map((m) => m.ref))).toEqual(['0']);
    expect(out[out.length - 1]!.end).toBe(text.length);
  });

  it('an empty text gives no runs', () => {
    expect(runs('', [{ kind: 'entity', start: 0, end: 3, ref: 'x' }])).toEqual([]);
  });
});

describe('sentenceOf', () => {
  const sentences = [
    { start: 0, end: 20 },
    { start: 21, end: 50 },
    { start: 51, end: 80 },
  ];
  it('finds the sentence holding a span', () => {
    expect(sentenceOf(sentences, { start: 25, end: 30 })).toEqual({ start: 21, end: 50 });
  });
  it('widens a span across sentences to the sentences it touches', () => {
    expect(sentenceOf(sentences, { start: 30, end: 60 })).toEqual({ start: 21, end: 80 });
  });
  it('keeps a span outside every sentence as it is', () => {
    expect(sentenceOf([], { start: 3, end: 9 })).toEqual({ start: 3, end: 9 });
  });
});
