import { describe, expect, it } from 'vitest';
import { arabicSearchAnalyzer, searchTerm } from '../../src/text/index.js';

const same = (words: string[]): void => {
  const terms = new Set(words.map(searchTerm));
  expect([...terms], words.join(' ')).toHaveLength(1);
};

describe('searchTerm', () => {
  it('gives one term for every spelling of «المتمردين»', () => {
    same(['المتمردين', 'متمردين', 'والمتمردين', 'متمرد', 'مُتمرّدين', 'للمتمردين', 'المتمردون', 'وللمتمردين']);
  });

  it('gives one term for Wagner with any proclitic', () => {
    same(['فاغنر', 'وفاغنر', 'لفاغنر', 'بفاغنر', 'ڤاغنر']);
  });

  it('finds a name by itself and with proclitics', () => {
    same(['بلال', 'وبلال']);
    same(['كيدال', 'وكيدال', 'بكيدال']);
    same(['مالي', 'بمالي', 'ومالي', 'لمالي']);
    same(['مصر', 'ومصر', 'فمصر']);
    same(['القاهرة', 'القاهره', 'بالقاهرة', 'والقاهرة']);
    same(['الولايات', 'ولايات', 'والولايات']);
    same(['لبنان', 'للبنان']);
  });

  it('folds harakat, hamza, alef maksura, digits and Latin case', () => {
    same(['أعلنَ', 'اعلن', 'إعلن']);
    same(['مستشفى', 'مستشفي']);
    expect(searchTerm('٢٠٢٤')).toBe('2024');
    expect(searchTerm('Wagner')).toBe('wagner');
  });

  it('strips feminine plural ات conservatively', () => {
    same(['الانتخابات', 'انتخابات', 'وانتخاب', 'بالانتخابات']);
  });

  it('does not collapse different words into one term', () => {
    const pairs: [string, string][] = [
      ['مالي', 'مال'], // Mali / money
      ['مالية', 'مالي'], // finance / Mali
      ['كمال', 'مال'], // Kamal / money
      ['كريم', 'ريم'],
      ['كامل', 'أمل'],
      ['كتاب', 'تاب'],
      ['لجنة', 'جنة'], // committee / paradise
      ['فيصل', 'يصل'],
      ['فكرة', 'كرة'], // idea / ball
      ['وزارة', 'زار'], // ministry / visited
      ['الولايات', 'آيات'], // states / verses
      ['البحرين', 'البحر'], // Bahrain / the sea
      ['لبنان', 'لبن'], // Lebanon / milk
      ['سليمان', 'سليم'],
      ['عرفات', 'عرف'],
      ['ثلاثين', 'ثلاث'], // 30 / 3
      ['ثمانين', 'ثمان'],
      ['بلال', 'لال'],
      ['ولد', 'لد'],
      ['الله', 'اللة'.slice(0, 3)],
    ];
    for (const [a, b] of pairs) expect(searchTerm(a), `${a} vs ${b}`).not.toBe(searchTerm(b));
  });

  it('keeps short words whole rather than stripping them to nothing', () => {
    expect(searchTerm('في')).toBe('في');
    expect(searchTerm('الدم')).toBe('الدم');
    expect(searchTerm('ولد')).toBe('ولد');
    expect(searchTerm('ـ')).toBe('');
  });
});

describe('arabicSearchAnalyzer', () => {
  it('returns a term for each word and number with offsets into the text', () => {
    const text = 'وقالَ المتمردون، في ٢٠٢٤: «فاغنر» انسحبت.';
    const tokens = arabicSearchAnalyzer.tokens(text);
    expect(tokens.map((t) => t.term)).toEqual(['قال', 'متمرد', 'في', '2024', 'اغنر', 'انسحبت']);
    for (const t of tokens) expect(searchTerm(text.slice(t.start, t.end))).toBe(t.term);
    expect(text.slice(tokens[4]!.start, tokens[4]!.end)).toBe('فاغنر');
  });

  it('gives a query and a document the same terms', () => {
    const doc = arabicSearchAnalyzer.tokens('اشتبك الجيش مع المُتمرّدين قرب كيدال').map((t) => t.term);
    for (const q of ['متمردين', 'كيدال', 'الجيش']) expect(doc).toContain(searchTerm(q));
  });
});
