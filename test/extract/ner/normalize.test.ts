import { describe, expect, it } from 'vitest';
import {
  buildGazetteer,
  kbNameEntries,
  lightNormalizeWord,
  matchGazetteer,
  normalizeWord,
  stripProclitics,
  wordShape,
} from '../../../src/extract/ner/index.js';

describe('normalizeWord', () => {
  it('drops harakat and tatweel and folds alef, ya and ta marbuta', () => {
    expect(normalizeWord('أُسامةُ')).toBe('اسامه');
    expect(normalizeWord('مدينـــة')).toBe('مدينه');
    expect(normalizeWord('إلى')).toBe('الي');
    expect(normalizeWord('٢٠٢٤')).toBe('2024');
  });
  it('has a light form that keeps ى and ة', () => {
    expect(lightNormalizeWord('على')).toBe('على');
    expect(lightNormalizeWord('أسامة')).toBe('اسامة');
  });
});

describe('stripProclitics', () => {
  const vocab = new Map([
    ['محمد', 50],
    ['ومحمد', 2],
    ['مال', 20],
    ['كمال', 15],
  ]);
  const count = (w: string) => vocab.get(w) ?? 0;
  it('always splits article clitics', () => {
    expect(stripProclitics('والجزائر', count)).toEqual({ stem: 'جزائر', clitic: 'وال', article: true });
    expect(stripProclitics('للرئيس', count)).toMatchObject({ stem: 'رئيس', article: true });
  });
  it('splits bare clitics only when the rest is a much better-known word', () => {
    expect(stripProclitics('ومحمد', count).stem).toBe('محمد');
    expect(stripProclitics('كمال', count).stem).toBe('كمال');
    expect(stripProclitics('بغداد', count).stem).toBe('بغداد');
  });
});

describe('wordShape', () => {
  it('classes script and length', () => {
    expect(wordShape('نيامي')).toBe('Al');
    expect(wordShape('2024')).toBe('Dm');
    expect(wordShape('Niamey')).toBe('Lul');
    expect(wordShape('،')).toBe('Ps');
  });
});

describe('gazetteer', () => {
  const gaz = buildGazetteer([
    { name: 'الأمم المتحدة', type: 'ORG' },
    { name: 'نيامي', type: 'LOC' },
  ]);
  it('matches longest first, through proclitics, as B-/I- flags', () => {
    expect(matchGazetteer(gaz, ['قالت', 'للأمم', 'المتحدة', 'في', 'ونيامي'])).toEqual([
      null,
      'B-ORG',
      'I-ORG',
      null,
      'B-LOC',
    ]);
  });

  it('prefers the longer of two names that start at the same word, on every call', () => {
    const two = buildGazetteer([
      { name: 'البنك', type: 'ORG' },
      { name: 'البنك الدولي', type: 'ORG' },
      { name: 'الدولي', type: 'LOC' },
    ]);
    const words = ['وقال', 'البنك', 'الدولي', 'إن'];
    const expected = [null, 'B-ORG', 'I-ORG', null];
    expect(matchGazetteer(two, words)).toEqual(expected);
    expect(matchGazetteer(two, words)).toEqual(expected);
    // the per-word memo belongs to one gazetteer: another list reads the same words afresh
    expect(matchGazetteer(gaz, words)).toEqual([null, null, null, null]);
    expect(matchGazetteer(two, ['البنك'])).toEqual(['B-ORG']);
  });

  it('takes every Arabic name of knowledge-base entities, typed for the tagger', () => {
    const entries = kbNameEntries([
      { type: 'organization', name_ar: 'البنك الدولي', aliases_ar: ['البنك العالمي'] },
      { type: 'person', name_ar: 'أسيمي غويتا', aliases_ar: ['غويتا'] },
      { type: 'location', name_ar: 'كيدال', aliases_ar: [] },
    ]);
    expect(entries).toEqual([
      { name: 'البنك الدولي', type: 'ORG' },
      { name: 'البنك العالمي', type: 'ORG' },
      { name: 'أسيمي غويتا', type: 'PERS' },
      { name: 'غويتا', type: 'PERS' },
      { name: 'كيدال', type: 'LOC' },
    ]);
    const kb = buildGazetteer(entries);
    expect(matchGazetteer(kb, ['التقى', 'غويتا', 'وفدا', 'من', 'للبنك', 'العالمي', 'في', 'كيدال'])).toEqual([
      null,
      'B-PERS',
      null,
      null,
      'B-ORG',
      'I-ORG',
      null,
      'B-LOC',
    ]);
  });
});
