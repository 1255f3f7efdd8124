import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/text/index.js';

describe('cleanText', () => {
  it('turns CRLF and CR into LF', () => {
    expect(cleanText('السطر الأول\r\nالسطر الثاني\rالثالث')).toBe('السطر الأول\nالسطر الثاني\nالثالث');
  });

  it('removes zero-width and bidi controls that split a word invisibly', () => {
    // A RLM inside «الحكومة» would otherwise make it two tokens that look like one word.
    expect(cleanText('الحك\u200Fومة\u200B أعلنت\u202B اليوم\u202C\uFEFF')).toBe('الحكومة أعلنت اليوم');
    expect(cleanText('ال\u2066قدس\u2069 \u061Cو\u00ADغزة')).toBe('القدس وغزة');
  });

  it('removes C0/C1 controls but keeps line structure', () => {
    expect(cleanText('خبر\u0000 عاجل\u0007\nتفاصيل\u009F')).toBe('خبر عاجل\nتفاصيل');
    // NEL (U+0085) is a line break: after \n it makes a paragraph break.
    expect(cleanText('خبر عاجل\n\u0085تفاصيل')).toBe('خبر عاجل\n\nتفاصيل');
    // A form feed between paragraphs becomes a line break rather than gluing two words.
    expect(cleanText('الأولى\fالثانية')).toBe('الأولى\nالثانية');
  });

  it('turns NBSP and other Unicode spaces into one plain space and collapses runs', () => {
    expect(cleanText('١٢\u00A0أيار\u2009\u2009٢٠٢٤\t\tفي  دمشق')).toBe('١٢ أيار ٢٠٢٤ في دمشق');
  });

  it('trims lines, keeps at most one blank line, trims the whole', () => {
    expect(cleanText('  \n  العنوان  \n\n\n\n   الفقرة الأولى   \n \n \n الفقرة الثانية \n\n')).toBe(
      'العنوان\n\nالفقرة الأولى\n\nالفقرة الثانية',
    );
  });

  it('keeps harakat, hamza forms, tatweel, digits and presentation forms as written', () => {
    const s = 'قالَ المُتحدّثُ إنّ «ﻻ» تعني ٣٫٥ ـــ نعم';
    expect(cleanText(s)).toBe(s.normalize('NFC'));
    expect(cleanText('أإآى ة ؤئ')).toBe('أإآى ة ؤئ');
  });

  it('applies NFC (a decomposed hamza becomes أ), also across a removed bidi mark', () => {
    expect(cleanText('ا\u0654حمد')).toBe('أحمد');
    expect(cleanText('ا\u200F\u0654حمد')).toBe('أحمد');
  });

  it('is idempotent on random mixtures of the tricky characters', () => {
    const pool = [
      'ا',
      'ٔ',
      'ً',
      'ب',
      ' ',
      '\t',
      '\n',
      '\r',
      '\u200B',
      '\u200F',
      '\u00A0',
      '\u2028',
      '\u2029',
      '\f',
      '\u0085',
      '\u2000',
      'ﻻ',
      'e',
      '\u0301',
      '\u0000',
      '«',
      '.',
      '\u00AD',
    ];
    let seed = 42;
    const rand = (k: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % k;
    };
    for (let round = 0; round < 2000; round++) {
      let s = '';
      const len = rand(30);
      for (let i = 0; i < len; i++) s += pool[rand(pool.length)];
      const once = cleanText(s);
      expect(cleanText(once)).toBe(once);
    }
  });
});
