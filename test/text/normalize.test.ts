import { describe, expect, it } from 'vitest';
import { normalizeArabic, normalizeForMatch } from '../../src/text/index.js';

/** normalizeArabic and normalizeForMatch must agree; returns the shared text. */
function both(s: string, options?: Parameters<typeof normalizeForMatch>[1]): string {
  const a = normalizeArabic(s, options).text;
  expect(normalizeForMatch(s, options)).toBe(a);
  return a;
}

describe('normalizeArabic / normalizeForMatch', () => {
  it('removes harakat, shadda, superscript alef, Quranic marks and tatweel', () => {
    expect(both('مُتَمَرِّدِينَ')).toBe('متمردين');
    expect(both('هٰذا')).toBe('هذا');
    expect(both('الرحمـــن')).toBe('الرحمن');
    expect(both('الصلاةِۖ')).toBe('الصلاه');
  });

  it('folds hamza alefs, alef maksura, hamza on waw and ya', () => {
    expect(both('أحمد إبراهيم آمنة ٱلقدس')).toBe('احمد ابراهيم امنه القدس');
    expect(both('مصطفى')).toBe('مصطفي');
    expect(both('مؤتمر رئيس')).toBe('موتمر رييس');
  });

  it('folds ة to ه by default and keeps it on request', () => {
    expect(both('القاهرة')).toBe(both('القاهره'));
    expect(both('القاهرة', { taMarbuta: false })).toBe('القاهرة');
  });

  it('turns Arabic-Indic and Persian digits and separators into ASCII', () => {
    expect(both('٣٫٥ و١٬٢٠٠ و۱۲۳')).toBe('3.5 و1,200 و123');
    expect(both('٣٫٥', { digits: false })).toBe('٣٫٥');
  });

  it('maps Arabic punctuation (optionally)', () => {
    expect(both('لماذا؟ لأنه، ببساطة؛ انتهى')).toBe('لماذا? لانه, ببساطه; انتهي');
    expect(both('لماذا؟', { punctuation: false })).toBe('لماذا؟');
  });

  it('decomposes presentation forms, including the ﻻ ligature (1 → 2 characters)', () => {
    // «ﺍﻟﻘﺪﺱ» as a PDF gives it: isolated/initial/medial/final forms.
    expect(both('ﺍﻟﻘﺪﺱ')).toBe('القدس');
    expect(both('ﻻ ﻷ ﻵ')).toBe('لا لا لا');
    expect(both('ﷲ')).toBe('الله');
    // An isolated-form haraka is dropped like the haraka itself.
    expect(both('ﺏﹰ')).toBe('ب');
  });

  it('folds Persian/Urdu letters', () => {
    expect(both('کابل')).toBe('كابل');
    expect(both('علی')).toBe('علي');
    expect(both('ۀ')).toBe('ه');
    expect(both('ڤاغنر')).toBe('فاغنر');
  });

  it('drops zero-width and bidi characters and lowercases ASCII Latin', () => {
    expect(both('\u200Fالأمم\u200B المتحدة UN')).toBe('الامم المتحده un');
  });

  it('maps a normalised range back to the diacritised original', () => {
    const input = 'قالَ المُتَحَدِّثُ باسمِ الأُمَمِ المُتَّحِدَةِ';
    const n = normalizeArabic(input);
    expect(n.text).toBe('قال المتحدث باسم الامم المتحده');
    for (const word of ['قال', 'المتحدث', 'باسم', 'الامم', 'المتحده']) {
      const s = n.text.indexOf(word);
      const r = n.toOriginalRange(s, s + word.length);
      // The original span includes the word's trailing haraka, and nothing of the next word.
      expect(normalizeForMatch(input.slice(r.start, r.end))).toBe(word);
      expect(input.slice(r.start, r.end).startsWith(' ')).toBe(false);
      expect(input.slice(r.start, r.end).endsWith(' ')).toBe(false);
    }
    const phrase = n.text.indexOf('الامم المتحده');
    const r = n.toOriginalRange(phrase, phrase + 'الامم المتحده'.length);
    expect(input.slice(r.start, r.end)).toBe('الأُمَمِ المُتَّحِدَةِ');
  });

  it('maps both letters of an expanded ligature to the one original character', () => {
    const input = 'قال ﻻ للحرب';
    const n = normalizeArabic(input);
    expect(n.text).toBe('قال لا للحرب');
    expect(n.toOriginalRange(4, 6)).toEqual({ start: 4, end: 5 });
    expect(n.toOriginalRange(5, 6)).toEqual({ start: 4, end: 5 });
    const w = n.text.indexOf('للحرب');
    expect(n.toOriginalRange(w, w + 5)).toEqual({ start: 6, end: 11 });
    expect(n.toOriginal(n.text.length)).toBe(input.length);
  });

  it('skips leading zero-width characters in the map', () => {
    const n = normalizeArabic('\u200F\u200Fمصر');
    expect(n.text).toBe('مصر');
    expect(n.toOriginalRange(0, 3)).toEqual({ start: 2, end: 5 });
  });

  it('gives an identity map for text that needs no change', () => {
    const n = normalizeArabic('كتب الصحفي');
    expect(n.text).toBe('كتب الصحفي');
    expect(n.toOriginalRange(4, 10)).toEqual({ start: 4, end: 10 });
  });

  it('is NFC-insensitive: decomposed and composed hamza give the same key', () => {
    expect(both('ا\u0654حمد')).toBe(both('أحمد'));
    expect(both('سو\u0654ال')).toBe(both('سؤال'));
  });

  it('agrees with normalizeForMatch on every map round trip of random text', () => {
    const pool = ['ا', 'أ', 'ُ', 'ّ', 'ـ', 'ﻻ', 'ة', '٣', '\u200B', ' ', 'ى', 'ﺏ', 'ﷲ', 'A', '؟', 'ک'];
    let seed = 7;
    const rand = (k: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % k;
    };
    for (let round = 0; round < 500; round++) {
      let s = '';
      for (let i = rand(25); i > 0; i--) s += pool[rand(pool.length)];
      const n = normalizeArabic(s);
      expect(n.text).toBe(normalizeForMatch(s));
      const r = n.toOriginalRange(0, n.text.length);
      // The whole normalised text maps to a slice that normalises to the same text.
      expect(normalizeForMatch(s.slice(r.start, r.end))).toBe(n.text);
    }
  });
});
