import { describe, expect, it } from 'vitest';
import { type SentenceOptions, splitSentences } from '../../src/text/index.js';

const split = (t: string, o?: SentenceOptions): string[] =>
  splitSentences(t, o).map((s) => t.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits on . ! ? ؟ and keeps the terminator', () => {
    expect(split('وصل الوفد. هل تبدأ المفاوضات؟ نعم! هذا مؤكد?')).toEqual([
      'وصل الوفد.',
      'هل تبدأ المفاوضات؟',
      'نعم!',
      'هذا مؤكد?',
    ]);
  });

  it('does not split after د. or other abbreviations and initials', () => {
    expect(split('التقى د. سامر الحلبي بالوزير. ثم غادر.')).toEqual([
      'التقى د. سامر الحلبي بالوزير.',
      'ثم غادر.',
    ]);
    expect(split('حاضر أ.د. نبيل عمران في الجامعة. وحضر الطلاب.')).toEqual([
      'حاضر أ.د. نبيل عمران في الجامعة.',
      'وحضر الطلاب.',
    ]);
    expect(split('راسلونا على ص.ب. 1234 في عمّان. شكرا.')).toEqual([
      'راسلونا على ص.ب. 1234 في عمّان.',
      'شكرا.',
    ]);
    expect(split('كتب J. R. Smith تقريرا. ونشره.')).toEqual(['كتب J. R. Smith تقريرا.', 'ونشره.']);
  });

  it('does not split inside decimals, dates, URLs or e-mails', () => {
    expect(
      split('ارتفع المؤشر 3.5 بالمئة في 12.08.2024 بحسب example.com و info@example.org. انتهى.'),
    ).toEqual(['ارتفع المؤشر 3.5 بالمئة في 12.08.2024 بحسب example.com و info@example.org.', 'انتهى.']);
  });

  it('keeps closing quotes and brackets with the sentence they end', () => {
    expect(split('قال الناطق: «لن نتراجع.» وأضاف أن الهدنة قائمة (حتى الآن.) ثم صمت.')).toEqual([
      'قال الناطق: «لن نتراجع.»',
      'وأضاف أن الهدنة قائمة (حتى الآن.)',
      'ثم صمت.',
    ]);
  });

  it('does not end a sentence at ؛ or at an ellipsis', () => {
    expect(split('أغلق المعبر؛ لأن القصف استمر. وقال إن... الوضع صعب.')).toEqual([
      'أغلق المعبر؛ لأن القصف استمر.',
      'وقال إن... الوضع صعب.',
    ]);
  });

  it('groups ؟! and splits between Arabic words with no space after the dot', () => {
    expect(split('ماذا حدث؟! لا أحد يعرف.وقال آخرون شيئا')).toEqual([
      'ماذا حدث؟!',
      'لا أحد يعرف.',
      'وقال آخرون شيئا',
    ]);
  });

  it('makes each line, bullet and numbered item its own sentence', () => {
    expect(split('العنوان الرئيسي\n\n- البند الأول\n• البند الثاني\n1. البند الثالث\nنص أخير')).toEqual([
      'العنوان الرئيسي',
      '- البند الأول',
      '• البند الثاني',
      '1. البند الثالث',
      'نص أخير',
    ]);
  });

  it('excludes leading and trailing white space and empty pieces', () => {
    const t = '  جملة أولى.   جملة ثانية.  \n\n  ***  \n';
    const spans = splitSentences(t);
    expect(spans.map((s) => t.slice(s.start, s.end))).toEqual(['جملة أولى.', 'جملة ثانية.']);
  });

  it('ends a sentence with a number', () => {
    expect(split('بلغ عدد القتلى 12. وأصيب آخرون.')).toEqual(['بلغ عدد القتلى 12.', 'وأصيب آخرون.']);
  });

  it('accepts a custom abbreviation list', () => {
    expect(split('وصل م. الشرقاوي.', { abbreviations: [] })).toEqual(['وصل م. الشرقاوي.']); // single letter
    expect(split('قال لواء. ركن', { abbreviations: ['لواء.'] })).toEqual(['قال لواء. ركن']);
  });
});
