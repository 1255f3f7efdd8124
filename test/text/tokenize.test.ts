import { describe, expect, it } from 'vitest';
import { cleanText, cliticAnalyses, type Token, tokenize } from '../../src/text/index.js';

const texts = (ts: Token[]): string[] => ts.map((t) => t.text);

describe('tokenize', () => {
  const sample = cleanText(
    'وقالَ المُتحدّث باسم الجيش، الأحد، إنّ «القوات» سيطرت على ٣ قرى… وبلغ عدد النازحين 1,500 شخص (٧٫٩%).',
  );

  it('round-trips every token: text.slice(start, end) === token.text', () => {
    for (const t of tokenize(sample)) expect(sample.slice(t.start, t.end)).toBe(t.text);
  });

  it('keeps harakat and tatweel inside the word', () => {
    expect(texts(tokenize('قالَ المُتحدّث بـ 7.9 مليارات'))).toEqual(['قالَ', 'المُتحدّث', 'بـ', '7.9', 'مليارات']);
  });

  it('classifies words, numbers, punctuation and symbols', () => {
    const ts = tokenize('بلغ ٣٫٥ و1,500، ارتفاع 20% ... 🙂');
    expect(ts.map((t) => [t.text, t.kind])).toEqual([
      ['بلغ', 'word'],
      ['٣٫٥', 'number'],
      ['و', 'word'],
      ['1,500', 'number'],
      ['،', 'punct'],
      ['ارتفاع', 'word'],
      ['20', 'number'],
      ['%', 'punct'],
      ['...', 'punct'],
      ['🙂', 'symbol'],
    ]);
  });

  it('splits punctuation off words and keeps dotted numbers whole', () => {
    expect(texts(tokenize('«فاغنر»: في 12.08.2014؟'))).toEqual([
      '«',
      'فاغنر',
      '»',
      ':',
      'في',
      '12.08.2014',
      '؟',
    ]);
  });

  it('gives each token its matching form', () => {
    const [t] = tokenize('الأُمَم');
    expect(t?.norm).toBe('الامم');
    expect(tokenize('٢٠٢٤')[0]?.norm).toBe('2024');
  });

  it('keeps Latin alphanumerics such as G20 in one word', () => {
    expect(texts(tokenize('قمة G20 في روما'))).toEqual(['قمة', 'G20', 'في', 'روما']);
  });

  it('attaches the likely clitic reading with stem offsets into the text', () => {
    const text = 'دخلوا وبالمدينة';
    const t = tokenize(text)[1]!;
    expect(t.clitics?.prefix).toEqual(['و', 'ب', 'ال']);
    expect(text.slice(t.clitics!.stem.start, t.clitics!.stem.end)).toBe('مدينة');
  });

  it('leaves ambiguous words unsegmented on the token (candidates come from cliticAnalyses)', () => {
    for (const w of ['ولد', 'بلال', 'كيدال', 'فاغنر', 'ليبيا', 'لبنان'])
      expect(tokenize(w)[0]?.clitics).toBeUndefined();
  });
});

describe('cliticAnalyses', () => {
  const readings = (w: string): string[] =>
    cliticAnalyses(w).map((a) =>
      [...a.prefix, w.slice(a.stem.start, a.stem.end), a.suffix ?? ''].filter(Boolean).join('+'),
    );

  it('segments وبالمدينة as و+ب+ال+مدينة first, keeping the other readings', () => {
    const r = readings('وبالمدينة');
    expect(r[0]).toBe('و+ب+ال+مدينة');
    expect(r).toContain('وبالمدينة');
    expect(r).toContain('و+بالمدينة');
  });

  it('reads لل as ل + ال', () => {
    expect(readings('للمتمردين')[0]).toBe('ل+ال+متمردين');
    expect(readings('وللمتمردين')[0]).toBe('و+ل+ال+متمردين');
  });

  it('never leaves fewer than 3 stem letters after a bare proclitic: ولد has only the whole reading', () => {
    expect(readings('ولد')).toEqual(['ولد']);
  });

  it('ranks the whole word first for names that start with a proclitic letter, yet offers the split', () => {
    for (const [w, split] of [
      ['بلال', 'ب+لال'],
      ['كيدال', 'ك+يدال'],
      ['فاغنر', 'ف+اغنر'],
      ['ليبيا', 'ل+يبيا'],
      ['لبنان', 'ل+بنان'],
    ] as const) {
      const r = readings(w);
      expect(r[0]).toBe(w);
      expect(r).toContain(split);
    }
  });

  it('does not read hamza-initial words as the article: ألمانيا', () => {
    expect(readings('ألمانيا').some((r) => r.startsWith('ال+'))).toBe(false);
  });

  it('keeps relative pronouns and الله whole, but splits و off them', () => {
    expect(readings('الذين')[0]).toBe('الذين');
    expect(readings('والذي')[0]).toBe('و+الذي');
    expect(readings('الله')[0]).toBe('الله');
  });

  it('prefers و + a hamza-initial stem: وأضاف', () => {
    expect(readings('وأضاف')[0]).toBe('و+أضاف');
  });

  it('offers pronoun suffixes; a ta marbuta in construct wins: قواتها', () => {
    expect(readings('قواتها')[0]).toBe('قوات+ها');
    expect(readings('مالي')[0]).toBe('مالي'); // «my money» is only a candidate: Mali comes first
    expect(readings('كتابهم')).toContain('كتاب+هم');
  });

  it('keeps harakat on the stem and offsets into the diacritised word', () => {
    const w = 'وَبِالمَدِينَةِ';
    const a = cliticAnalyses(w)[0]!;
    expect(w.slice(a.stem.start, a.stem.end)).toBe('مَدِينَةِ');
  });

  it('has only the whole reading for Latin or short words', () => {
    expect(cliticAnalyses('Wagner')).toHaveLength(1);
    expect(cliticAnalyses('في')).toHaveLength(1);
  });
});
