import { describe, expect, it } from 'vitest';
import {
  charLmCounts,
  charLmFromCounts,
  charLmScore,
  nameLikenessBucket,
  trainCharLm,
} from '../../../src/extract/ner/charlm.js';
import {
  buildTriggerMap,
  localFeatures,
  neighbourFeatures,
  tokenInfo,
} from '../../../src/extract/ner/features.js';
import { normalizeWord } from '../../../src/extract/ner/normalize.js';

// Transliterated names and ordinary words, written for these tests.
const NAMES = [
  'فرانكفورت',
  'شتوتغارت',
  'هامبورغ',
  'ستراسبورغ',
  'كوبنهاغن',
  'غوتنبرغ',
  'لوكسمبورغ',
  'نورمبرغ',
];
const WORDS = ['مكتبة', 'مدرسة', 'مكتوب', 'كاتب', 'مدارس', 'مكاتب', 'دراسة', 'كتابة', 'درس', 'مدرس'];
const likeness = { names: trainCharLm(NAMES), common: trainCharLm(WORDS) };

describe('letter models of spellings', () => {
  it('score a spelling like the ones they learnt above an unlike one', () => {
    const names = likeness.names;
    expect(charLmScore(names, 'فرايبورغ')).toBeGreaterThan(charLmScore(names, 'مكتبات'));
    expect(charLmScore(likeness.common, 'مكتبات')).toBeGreaterThan(charLmScore(likeness.common, 'فرايبورغ'));
  });

  it('give every spelling a finite score, letters never seen included', () => {
    for (const w of ['', 'ث', 'ظظظظ', 'abc'])
      expect(Number.isFinite(charLmScore(likeness.names, w))).toBe(true);
  });

  it('count each letter sequence once per spelling that has it', () => {
    const counts = new Map(charLmCounts(likeness.names));
    expect(counts.get('بور')).toBe(3); // هامبورغ ستراسبورغ لوكسمبورغ
    expect(counts.get('رغ$')).toBe(5); // the three, غوتنبرغ and نورمبرغ
    expect(counts.get('^^^ف')).toBe(1);
  });

  it('come back the same from their stored counts', () => {
    const again = charLmFromCounts(new Map(charLmCounts(likeness.names)), likeness.names.order);
    for (const w of ['فرايبورغ', 'مكتبات', 'x'])
      expect(charLmScore(again, w)).toBeCloseTo(charLmScore(likeness.names, w), 12);
  });

  it('bucket a new transliterated name above a new ordinary word', () => {
    expect(nameLikenessBucket(likeness, 'براندنبورغ')).toBeGreaterThan(
      nameLikenessBucket(likeness, 'مدرستنا'),
    );
    for (const w of ['براندنبورغ', 'مدرستنا', 'ؤؤؤؤؤؤؤؤؤؤؤ']) {
      const b = nameLikenessBucket(likeness, w);
      expect(Number.isInteger(b) && b >= -6 && b <= 6).toBe(true);
    }
  });
});

describe('name-likeness features', () => {
  const ctx = {
    vocab: new Map([[normalizeWord('مدرسة'), 4]]),
    triggers: buildTriggerMap({}),
    nameLikeness: likeness,
  };

  it('are written for the word and its near neighbours, and marked when the word is new', () => {
    const unseen = tokenInfo('وبراندنبورغ', ctx);
    const f = localFeatures(unseen);
    expect(f.some((x) => x.startsWith('nl='))).toBe(true);
    expect(f).toContain(`nlo=${unseen.nl}`);
    expect(neighbourFeatures(unseen, 1)).toContain(`nl+1=${unseen.nl}`);
    expect(neighbourFeatures(unseen, 2).some((x) => x.startsWith('nl'))).toBe(false);
    const known = localFeatures(tokenInfo('مدرسة', ctx));
    expect(known.some((x) => x.startsWith('nl='))).toBe(true);
    expect(known.some((x) => x.startsWith('nlo='))).toBe(false);
  });

  it('are absent without the models and for words without Arabic letters', () => {
    expect(
      localFeatures(tokenInfo('براندنبورغ', { ...ctx, nameLikeness: undefined })).some((x) =>
        x.startsWith('nl'),
      ),
    ).toBe(false);
    expect(localFeatures(tokenInfo('2024', ctx)).some((x) => x.startsWith('nl'))).toBe(false);
  });
});
