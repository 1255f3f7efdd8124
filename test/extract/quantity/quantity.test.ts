import { describe, expect, it } from 'vitest';
import {
  casualtyCounts,
  findNumbers,
  findQuantities,
  parseArabicNumber,
} from '../../../src/extract/quantity/index.js';

describe('parseArabicNumber', () => {
  it.each([
    ['واحد', 1],
    ['عشرة', 10],
    ['ثلاث', 3],
    ['أحد عشر', 11],
    ['اثنا عشر', 12],
    ['تسعة عشر', 19],
    ['عشرون', 20],
    ['عشرين', 20],
    ['ثلاثة وعشرين', 23],
    ['ثلاث وعشرون', 23],
    ['مئة', 100],
    ['مائة', 100],
    ['مئتان', 200],
    ['مائتين', 200],
    ['ثلاثمائة', 300],
    ['ثلاث مئة', 300],
    ['ألف', 1000],
    ['ألفاً', 1000],
    ['ألفين', 2000],
    ['ثلاثة آلاف', 3000],
    ['ألف وتسعمائة وثمانية وسبعون', 1978],
    ['خمسة وعشرين ألفا', 25000],
    ['مائة ألف', 100000],
    ['مليون', 1_000_000],
    ['مليون ونصف', 1_500_000],
    ['3 آلاف', 3000],
    ['1,200', 1200],
    ['١٬٢٠٠', 1200],
    ['٧٫٥', 7.5],
    ['٢٠', 20],
  ])('%s → %d', (words, value) => {
    expect(parseArabicNumber(words)).toBe(value);
  });

  it('returns null for what is not only a number', () => {
    expect(parseArabicNumber('ثلاثة جنود')).toBeNull();
    expect(parseArabicNumber('جنود')).toBeNull();
    expect(parseArabicNumber(['ثلاثة', 'وعشرين'])).toBe(23);
  });
});

const one = (text: string) => {
  const q = findQuantities(text);
  expect(q, text).toHaveLength(1);
  return q[0]!;
};
const bounds = (text: string) => {
  const q = one(text);
  return [q.min, q.max, q.approximate];
};

describe('findQuantities', () => {
  it('reads exact counts in digits and words', () => {
    expect(bounds('قتل ثلاثة جنود')).toEqual([3, 3, false]);
    expect(bounds('قتل ٢٠ مدنياً')).toEqual([20, 20, false]);
    expect(one('قتل ثلاثة وعشرين شخصا').text).toBe('ثلاثة وعشرين');
    expect(one('قتل ثلاثة جنود').noun?.text).toBe('جنود');
  });

  it('reads approximations', () => {
    expect(bounds('فر نحو ألف شخص')).toEqual([1000, 1000, true]);
    expect(bounds('نزح حوالي 500 شخص')).toEqual([500, 500, true]);
    expect(bounds('قرابة 30 قتيلا')).toEqual([30, 30, true]);
    expect(bounds('زهاء مئتي مقاتل')).toEqual([200, 200, true]);
  });

  it('reads lower and upper bounds as stated (ACLED: «more than 50» is 50)', () => {
    expect(bounds('قتل ما لا يقل عن 20 شخصا')).toEqual([20, null, false]);
    expect(bounds('قتل أكثر من 50 جنديا')).toEqual([50, null, false]);
    expect(bounds('قتل ٢٠ شخصاً على الأقل')).toEqual([20, null, false]);
    expect(bounds('أصيب أقل من 10 أشخاص')).toEqual([null, 10, false]);
  });

  it('reads ranges', () => {
    expect(bounds('قتل بين 10 و20 مدنيا')).toEqual([10, 20, false]);
    expect(bounds('قتل ما بين ١٠ و ٢٠ مدنيا')).toEqual([10, 20, false]);
    expect(bounds('قتل من 10 إلى 15 شخصا')).toEqual([10, 15, false]);
  });

  it('reads vague counts conservatively', () => {
    expect(bounds('قتل عشرات المدنيين')).toEqual([10, null, true]);
    expect(bounds('سقط العشرات من القتلى')).toEqual([10, null, true]);
    expect(bounds('دزينات من الجثث')).toEqual([12, null, true]);
    expect(bounds('قتل مئات المدنيين')).toEqual([100, null, true]);
    expect(bounds('نزح آلاف السكان')).toEqual([1000, null, true]);
    expect(bounds('نزح عشرات الآلاف')).toEqual([10000, null, true]);
    expect(bounds('أصيب بضعة أشخاص')).toEqual([3, 9, true]);
    expect(bounds('سقط العديد من الضحايا')).toEqual([null, null, true]);
    expect(bounds('قتل عدد من الجنود')).toEqual([null, null, true]);
  });

  it('reads dual nouns as two', () => {
    expect(bounds('قتل جنديين')).toEqual([2, 2, false]);
    expect(bounds('سقط قتيلين')).toEqual([2, 2, false]);
    expect(bounds('اعتقل شخصين')).toEqual([2, 2, false]);
    expect(bounds('انتقلت الحملة إلى منطقتيْن منفصلتيْن')).toEqual([2, 2, false]);
    expect(bounds('تسلمت مروحيتين')).toEqual([2, 2, false]);
    // undotted «مدنيين» is a plural as often as a dual
    expect(findQuantities('قتل مدنيين')).toEqual([]);
  });

  it('leaves years out unless asked', () => {
    expect(findQuantities('في 4 أغسطس 2024').map((q) => q.text)).toEqual(['4']);
    expect(findQuantities('في 2024', { years: true }).map((q) => q.min)).toEqual([2024]);
  });
});

describe('findNumbers', () => {
  it('finds plain numbers and percentages', () => {
    expect(findNumbers('ارتفع بنسبة ٢٠ في المئة').map((n) => [n.text, n.value, n.percent])).toEqual([
      ['٢٠ في المئة', 20, true],
    ]);
    expect(findNumbers('ثلاثة آلاف و 20%').map((n) => [n.value, n.percent])).toEqual([
      [3000, false],
      [20, true],
    ]);
  });
});

describe('casualtyCounts', () => {
  it('reads killed and wounded from their cues', () => {
    const text = 'أسفر الهجوم عن مقتل 20 جنديا وإصابة 15 آخرين';
    const c = casualtyCounts(text);
    expect([c.killed?.min, c.killed?.max]).toEqual([20, 20]);
    expect([c.wounded?.min, c.wounded?.max]).toEqual([15, 15]);
    expect(c.captured).toBeUndefined();
    const ev = c.killed!.evidence[0]!;
    expect(text.slice(ev.start, ev.end)).toBe('20 جنديا');
  });

  it('reads counts whose noun says the category', () => {
    expect(casualtyCounts('سقط ما لا يقل عن 20 قتيلا').killed).toMatchObject({ min: 20, max: null });
    expect(casualtyCounts('سقط عشرات الجرحى').wounded).toMatchObject({
      min: 10,
      max: null,
      approximate: true,
    });
    expect(casualtyCounts('أفرج عن ثلاثة أسرى').captured).toMatchObject({ min: 3, max: 3 });
  });

  it('reads duals and cues after the noun', () => {
    expect(casualtyCounts('أسر المتمردون جنديين').captured).toMatchObject({ min: 2, max: 2 });
    expect(casualtyCounts('لقي 12 شخصا حتفهم').killed).toMatchObject({ min: 12, max: 12 });
  });

  it('adds coordinated counts and keeps the lowest of separate reports', () => {
    expect(casualtyCounts('مقتل 5 جنود و3 مدنيين').killed).toMatchObject({ min: 8, max: 8 });
    const c = casualtyCounts('قال الجيش إن 20 مسلحا قتلوا، بينما قال المتمردون إن 50 جنديا قتلوا');
    expect(c.killed).toMatchObject({ min: 20, max: 20 });
  });

  it('looks only inside the span, with offsets into the whole text', () => {
    const text = 'مقتل 3 جنود في غاو. وفي تمبكتو أصيب 7 أشخاص.';
    const start = text.indexOf('وفي');
    const c = casualtyCounts(text, { start, end: text.length });
    expect(c.killed).toBeUndefined();
    expect(c.wounded?.min).toBe(7);
    const ev = c.wounded!.evidence[0]!;
    expect(text.slice(ev.start, ev.end)).toBe('7 أشخاص');
  });

  it('gives nothing when no count is attached to a casualty word', () => {
    const c = casualtyCounts('نشر الجيش 200 جندي في المنطقة');
    expect(c.killed).toBeUndefined();
    expect(c.hits).toEqual([]);
  });
});
