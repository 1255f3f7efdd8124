import { describe, expect, it } from 'vitest';
import { propagateSpans } from '../../../src/extract/ner/consistency.js';

const sents = [
  'قال رئيس حزب الأمل الجديد إن الانتخابات قريبة'.split(' '),
  'وأضاف أن حزب الأمل الجديد سيشارك فيها'.split(' '),
  'وسعيد أمس بالنتيجة'.split(' '),
];
const O = (ws: readonly string[]) => ws.map(() => 'O');

describe('one sense per document (span propagation)', () => {
  it('tags a later mention of a name found once, with its type', () => {
    const tags = [O(sents[0]!), O(sents[1]!), O(sents[2]!)];
    tags[0]!.splice(2, 3, 'B-ORG', 'I-ORG', 'I-ORG');
    const out = propagateSpans(sents, tags);
    expect(out[1]!.slice(2, 5)).toEqual(['B-ORG', 'I-ORG', 'I-ORG']);
    expect(out[0]).toEqual(tags[0]);
  });

  it('needs two findings of a single word, and never cuts or retypes a span', () => {
    const ws = [
      ['سعيد', 'قال'],
      ['التقى', 'سعيد'],
      ['سعيد', 'هنا'],
      ['مع', 'سعيد', 'كمال'],
    ];
    const once = [
      ['B-PERS', 'O'],
      ['O', 'O'],
      ['O', 'O'],
      ['O', 'B-LOC', 'I-LOC'],
    ];
    expect(propagateSpans(ws, once)).toEqual(once);
    const twice = [
      ['B-PERS', 'O'],
      ['O', 'B-PERS'],
      ['O', 'O'],
      ['O', 'B-LOC', 'I-LOC'],
    ];
    const out = propagateSpans(ws, twice);
    expect(out[2]).toEqual(['B-PERS', 'O']);
    expect(out[3]).toEqual(['O', 'B-LOC', 'I-LOC']);
  });

  it('looks only within the window', () => {
    const ws = [['حزب', 'الأمل'], ['كلام'], ['حزب', 'الأمل']];
    const tags = [['B-ORG', 'I-ORG'], ['O'], ['O', 'O']];
    expect(propagateSpans(ws, tags, { window: 1 })[2]).toEqual(['O', 'O']);
    expect(propagateSpans(ws, tags, { window: 2 })[2]).toEqual(['B-ORG', 'I-ORG']);
  });

  it('finds a later mention with a proclitic glued on, or with the ل + ال contraction', () => {
    const ws = [
      ['فاز', 'الأهلي', 'أمس'],
      ['وقال', 'مدرب', 'الأهلي', 'إن'],
      ['مبروك', 'للأهلي', 'وللجمهور'],
      ['وشارك', 'والأهلي', 'اليوم'],
    ];
    const tags = [
      ['O', 'B-ORG', 'O'],
      ['O', 'O', 'B-ORG', 'O'],
      ['O', 'O', 'O'],
      ['O', 'O', 'O'],
    ];
    const out = propagateSpans(ws, tags);
    expect(out[2]).toEqual(['O', 'B-ORG', 'O']);
    expect(out[3]).toEqual(['O', 'B-ORG', 'O']);
    // off: only the same spelling counts
    expect(propagateSpans(ws, tags, { clitics: false })[2]).toEqual(['O', 'O', 'O']);
  });

  it('grows a span over a shorter one of the same type inside a name found elsewhere', () => {
    const ws = [
      ['قال', 'طلعت', 'زكريا', 'إنه'],
      ['وكان', 'طلعت', 'زكريا', 'هنا'],
      ['وكان', 'طلعت', 'زكريا', 'هناك'],
    ];
    const tags = [
      ['O', 'B-PERS', 'I-PERS', 'O'],
      ['O', 'O', 'B-PERS', 'O'],
      ['O', 'O', 'B-LOC', 'O'],
    ];
    const out = propagateSpans(ws, tags);
    expect(out[1]).toEqual(['O', 'B-PERS', 'I-PERS', 'O']);
    // a span of another type is not taken over
    expect(out[2]).toEqual(tags[2]);
    expect(propagateSpans(ws, tags, { extend: false })[1]).toEqual(tags[1]);
  });
});
