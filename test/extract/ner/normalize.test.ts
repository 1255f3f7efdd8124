import { describe, expect, it } from 'vitest';
import {
  buildGazetteer,
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
});
