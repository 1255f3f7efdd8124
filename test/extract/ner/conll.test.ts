import { describe, expect, it } from 'vitest';
import {
  AQMAR_TYPES,
  parseConll,
  repairBio,
  scoreConll,
  spansFromTags,
} from '../../../src/extract/ner/index.js';

describe('spansFromTags (conlleval chunking)', () => {
  it('reads B/I runs as half-open spans', () => {
    expect(spansFromTags(['B-PERS', 'I-PERS', 'O', 'B-LOC'])).toEqual([
      { start: 0, end: 2, type: 'PERS' },
      { start: 3, end: 4, type: 'LOC' },
    ]);
  });
  it('starts a chunk at I-X after O or another type, and at B-X after I-X', () => {
    expect(spansFromTags(['O', 'I-LOC', 'I-LOC', 'I-ORG', 'B-ORG'])).toEqual([
      { start: 1, end: 3, type: 'LOC' },
      { start: 3, end: 4, type: 'ORG' },
      { start: 4, end: 5, type: 'ORG' },
    ]);
  });
  it('repairs chunk-initial I- as B-', () => {
    expect(repairBio(['I-LOC', 'I-LOC', 'O', 'I-PERS', 'I-ORG'])).toEqual([
      'B-LOC',
      'I-LOC',
      'O',
      'B-PERS',
      'B-ORG',
    ]);
  });
});

describe('scoreConll', () => {
  it('scores exact span + type matches, micro-averaged, like conlleval', () => {
    // gold: PERS[0,2) LOC[4,5) ORG[6,8)   pred: PERS[0,2) ✓, LOC[4,5) typed ORG ✗, ORG[6,7) boundary ✗, MISC[9,10) ✗
    const gold = [['B-PERS', 'I-PERS', 'O', 'O', 'B-LOC', 'O', 'B-ORG', 'I-ORG', 'O', 'O']];
    const pred = [['B-PERS', 'I-PERS', 'O', 'O', 'B-ORG', 'O', 'B-ORG', 'O', 'O', 'B-MISC']];
    const s = scoreConll(gold, pred);
    expect(s.overall).toMatchObject({ gold: 3, predicted: 4, correct: 1 });
    expect(s.overall.precision).toBeCloseTo(1 / 4);
    expect(s.overall.recall).toBeCloseTo(1 / 3);
    expect(s.overall.f1).toBeCloseTo((2 * (1 / 4) * (1 / 3)) / (1 / 4 + 1 / 3));
    expect(s.byType.PERS).toMatchObject({ gold: 1, predicted: 1, correct: 1, f1: 1 });
    expect(s.byType.LOC).toMatchObject({ gold: 1, predicted: 0, correct: 0, precision: 0, f1: 0 });
    expect(s.byType.ORG).toMatchObject({ gold: 1, predicted: 2, correct: 0 });
    expect(s.byType.MISC).toMatchObject({ gold: 0, predicted: 1, correct: 0, recall: 0 });
    expect(s.accuracy).toBeCloseTo(7 / 10);
  });
  it('counts chunks across sentences and is perfect on identical input', () => {
    const g = [
      ['B-LOC', 'O'],
      ['O', 'B-PERS', 'I-PERS'],
    ];
    expect(scoreConll(g, g).overall).toMatchObject({ gold: 2, correct: 2, f1: 1 });
  });
  it('treats O I-X in the prediction as a chunk (conlleval, not strict IOB2)', () => {
    const s = scoreConll([['O', 'B-LOC', 'I-LOC']], [['O', 'I-LOC', 'I-LOC']]);
    expect(s.overall.f1).toBe(1);
  });
  it('rejects mismatched lengths', () => {
    expect(() => scoreConll([['O']], [['O', 'O']])).toThrow();
  });
});

describe('parseConll', () => {
  it('reads token TAG lines, blank-line sentences, and maps AQMAR tag names', () => {
    const s = parseConll('ابن B-PER\nسينا I-PER\nفي O\n\nالأندلس B-LOC\nكتاب B-MIS\n', AQMAR_TYPES);
    expect(s).toEqual([
      { words: ['ابن', 'سينا', 'في'], tags: ['B-PERS', 'I-PERS', 'O'] },
      { words: ['الأندلس', 'كتاب'], tags: ['B-LOC', 'B-MISC'] },
    ]);
  });
});
