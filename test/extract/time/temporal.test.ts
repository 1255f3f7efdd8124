import { describe, expect, it } from 'vitest';
import {
  dateForSpan,
  findTemporalExpressions,
  hijriToGregorian,
  resolveSpec,
  type TemporalExpression,
} from '../../../src/extract/time/index.js';

// Published Wednesday 7 August 2024 unless a test says otherwise.
const PUB = { published: '2024-08-07' };

function only(text: string, anchor: { published: string | null } = PUB): TemporalExpression {
  const found = findTemporalExpressions(text, anchor);
  expect(found, `${text}: ${found.map((e) => e.text).join(' | ')}`).toHaveLength(1);
  return found[0]!;
}
const range = (e: TemporalExpression) => e.value && [e.value.start, e.value.end, e.value.precision];

describe('absolute dates', () => {
  it.each([
    ['قررت الحكومة الأحد 4 أغسطس 2024 قطع العلاقات', 'الأحد 4 أغسطس 2024', '2024-08-04'],
    ['نُشر في 07 أغسطس، 2024', '07 أغسطس، 2024', '2024-08-07'],
    ['وصل الوفد بتاريخ 2024/8/4', '2024/8/4', '2024-08-04'],
    ['وقع الهجوم في 04-08-2024', '04-08-2024', '2024-08-04'],
    ['وقع الهجوم في ٤ آب/أغسطس ٢٠٢٤', '٤ آب/أغسطس ٢٠٢٤', '2024-08-04'],
    ['اندلعت الاشتباكات في 12 تموز/يوليو 2023', '12 تموز/يوليو 2023', '2023-07-12'],
    ['وقعت المعركة في 10 جويلية 2024 قرب الحدود', '10 جويلية 2024', '2024-07-10'],
    ['وصلت القوات في 15 كانون الثاني 2022', '15 كانون الثاني 2022', '2022-01-15'],
    ['اجتمع المجلس في الرابع من أكتوبر 2021', 'الرابع من أكتوبر 2021', '2021-10-04'],
    ['بدأ الهجوم في 3 غشت 2020', '3 غشت 2020', '2020-08-03'],
  ])('%s', (text, span, day) => {
    const e = only(text);
    expect(e.text).toBe(span);
    expect(e.kind).toBe('date');
    expect(range(e)).toEqual([day, day, 'day']);
    expect(text.slice(e.start, e.end)).toBe(span);
  });

  it('reads a month and year as the whole month, double forms included', () => {
    expect(range(only('سيطر الجيش على السلطة في يوليو (تموز) 2023'))).toEqual([
      '2023-07-01',
      '2023-07-31',
      'month',
    ]);
    expect(range(only('وقع الانقلاب في آب/أغسطس 2023'))).toEqual(['2023-08-01', '2023-08-31', 'month']);
    expect(range(only('وصلت القوات في فيفري 2024'))).toEqual(['2024-02-01', '2024-02-29', 'month']);
  });

  it('reads a year alone after عام or a preposition, and not a bare count', () => {
    expect(range(only('تحالفت الجماعتان عام 2013'))).toEqual(['2013-01-01', '2013-12-31', 'year']);
    expect(only('تحالفت الجماعتان في 2017 لتشكيل قوة').text).toBe('2017');
    expect(range(only('منذ الانقلاب العسكري لعام ٢٠٢٠'))).toEqual(['2020-01-01', '2020-12-31', 'year']);
    expect(findTemporalExpressions('نشر الجيش 2000 جندي', PUB)).toEqual([]);
  });

  it('converts Hijri dates with the tabular calendar', () => {
    const e = only('بدأ الهجوم في 1 رمضان 1445 هـ');
    expect(e.calendar).toBe('hijri');
    expect(range(e)).toEqual(['2024-03-11', '2024-03-11', 'day']);
    expect(hijriToGregorian(1446, 1, 1)).toEqual({ y: 2024, m: 7, d: 8 }); // Umm al-Qura: 7 July (±1 day)
    expect(range(only('خلال شهر رمضان 1445'))).toEqual(['2024-03-11', '2024-04-09', 'month']);
  });

  it('reads ranges of days and years', () => {
    expect(range(only('استمرت المعارك من 25 إلى 27 يوليو 2024'))).toEqual([
      '2024-07-25',
      '2024-07-27',
      'day',
    ]);
    expect(range(only('الفترة بين 2014 و2018'))).toEqual(['2014-01-01', '2018-12-31', 'year']);
  });

  it('does not take a verb for a month', () => {
    expect(findTemporalExpressions('مارس الجيش ضغوطا على المتمردين', PUB)).toEqual([]);
  });
});

describe('relative dates anchored on the publication date', () => {
  it.each([
    ['قال المتحدث أمس إن', 'أمس', '2024-08-06'],
    ['وقع الانفجار البارحة', 'البارحة', '2024-08-06'],
    ['وصل الوفد أول أمس', 'أول أمس', '2024-08-05'],
    ['يعقد المجلس اجتماعا اليوم', 'اليوم', '2024-08-07'],
    ['يصل الوزير غداً', 'غداً', '2024-08-08'],
    ['هاجم المسلحون القرية مساء أمس', 'مساء أمس', '2024-08-06'],
    ['أعلن الجيش السبت مقتل جنديين', 'السبت', '2024-08-03'],
    ['وقع الهجوم يوم الجمعة الماضي', 'الجمعة الماضي', '2024-08-02'],
    ['أعلن الرئيس الأربعاء', 'الأربعاء', '2024-08-07'],
    ['قتل ثلاثة قبل يومين', 'قبل يومين', '2024-08-05'],
    ['انسحبت القوات قبل ثلاثة أيام', 'قبل ثلاثة أيام', '2024-08-04'],
    ['انسحبت القوات قبل أسبوع', 'قبل أسبوع', '2024-07-31'],
  ])('%s', (text, span, day) => {
    const e = only(text);
    expect(e.text).toBe(span);
    expect(e.kind).toBe('relative');
    expect(e.anchoredOn).toBe('published');
    expect(range(e)).toEqual([day, day, 'day']);
  });

  it('resolves week, month and year offsets', () => {
    expect(range(only('زار الوزير باماكو الأسبوع الماضي'))).toEqual(['2024-07-29', '2024-08-04', 'day']);
    expect(range(only('وقع الاتفاق الشهر الماضي'))).toEqual(['2024-07-01', '2024-07-31', 'month']);
    expect(range(only('وكان هناك انقلاب العام الماضي'))).toEqual(['2023-01-01', '2023-12-31', 'year']);
    expect(range(only('في السنة الماضية'))).toEqual(['2023-01-01', '2023-12-31', 'year']);
    expect(range(only('خلال العام الحالي'))).toEqual(['2024-01-01', '2024-12-31', 'year']);
    expect(range(only('يزور الرئيس موسكو الشهر المقبل'))).toEqual(['2024-09-01', '2024-09-30', 'month']);
  });

  it('takes «في مارس الماضي» as the last March before publication', () => {
    expect(range(only('زار الوزير موسكو في مارس الماضي'))).toEqual(['2024-03-01', '2024-03-31', 'month']);
    expect(range(only('في سبتمبر الماضي', { published: '2024-08-07' }))).toEqual([
      '2023-09-01',
      '2023-09-30',
      'month',
    ]);
    expect(range(only('تكبدت خسائر في 5 يناير الماضي', { published: '2022-04-20' }))).toEqual([
      '2022-01-05',
      '2022-01-05',
      'day',
    ]);
  });

  it('gives a date without a year the year of publication, unless that puts it well ahead', () => {
    expect(range(only('ألغت الاتفاقية في 10 أغسطس'))).toEqual(['2024-08-10', '2024-08-10', 'day']);
    expect(range(only('ألغت الاتفاقية في 10 ديسمبر'))).toEqual(['2023-12-10', '2023-12-10', 'day']);
  });

  it('reads parts of months and years as the whole unit, with the narrower reading apart', () => {
    const late = only('في أواخر يوليو');
    expect(range(late)).toEqual(['2024-07-01', '2024-07-31', 'month']);
    expect(late.part).toBe('late');
    expect(late.narrow).toEqual({ start: '2024-07-21', end: '2024-07-31', precision: 'day' });
    const mid = only('أعلنت فرنسا في منتصف فبراير الماضي');
    expect(range(mid)).toEqual(['2024-02-01', '2024-02-29', 'month']);
    expect(mid.narrow?.start).toBe('2024-02-11');
    expect(range(only('وقع الاتفاق مطلع العام'))).toEqual(['2024-01-01', '2024-12-31', 'year']);
    expect(range(only('انسحبت البعثة أواخر 2023'))).toEqual(['2023-01-01', '2023-12-31', 'year']);
    expect(only('أوائل سبتمبر الماضي').narrow).toEqual({
      start: '2023-09-01',
      end: '2023-09-10',
      precision: 'day',
    });
  });

  it('gives null when there is no publication date', () => {
    const none = { published: null };
    for (const t of [
      'أمس',
      'السبت',
      'الأسبوع الماضي',
      'في مارس الماضي',
      'أواخر يوليو',
      'قبل يومين',
      'في 10 أغسطس',
    ]) {
      const e = only(t, none);
      expect(e.value, t).toBeNull();
      expect(e.kind).toBe('relative');
    }
    // an absolute date needs no anchor
    expect(range(only('في 25 يوليو 2024', none))).toEqual(['2024-07-25', '2024-07-25', 'day']);
  });

  it('reads Arabic-Indic digits', () => {
    expect(range(only('قبل ٣ أيام'))).toEqual(['2024-08-04', '2024-08-04', 'day']);
    expect(range(only('في ٢٠٢٤/٠٨/٠٤'))).toEqual(['2024-08-04', '2024-08-04', 'day']);
  });
});

describe('anaphoric and event-relative dates', () => {
  it('measures «في اليوم التالي» and «في الشهر نفسه» from the date before', () => {
    const [a, b] = findTemporalExpressions(
      'هاجم المسلحون القافلة في 25 يوليو 2024، وفي اليوم التالي انسحبوا',
      { published: null },
    );
    expect(a!.text).toBe('25 يوليو 2024');
    expect(b!.anchoredOn).toBe('explicit');
    expect(range(b!)).toEqual(['2024-07-26', '2024-07-26', 'day']);
    const [, same] = findTemporalExpressions('في سبتمبر 2023 أعلن التحالف. وفي الشهر نفسه عقد اجتماع', {
      published: null,
    });
    expect(range(same!)).toEqual(['2023-09-01', '2023-09-30', 'month']);
  });

  it('leaves «بعد يومين من الهجوم» unresolved without the event date, and resolves it with one', () => {
    const e = only('وبعد يومين من الهجوم أعلنت الحكومة');
    expect(e.text).toBe('بعد يومين من الهجوم');
    expect(e.value).toBeNull();
    const event = { start: '2024-07-25', end: '2024-07-27', precision: 'day' as const };
    const withEvent = findTemporalExpressions('وبعد يومين من الهجوم أعلنت الحكومة', PUB, { event });
    expect(range(withEvent[0]!)).toEqual(['2024-07-29', '2024-07-29', 'day']);
    expect(resolveSpec(e.spec, { published: null, event })?.value.start).toBe('2024-07-29');
  });
});

describe('vague expressions and durations', () => {
  it('gives vague periods no range', () => {
    const e = only('تصاعدت الهجمات خلال الأشهر الماضية');
    expect(e.kind).toBe('vague');
    expect(e.value).toBeNull();
    expect(only('تزايدت الهجمات مؤخراً').kind).toBe('vague');
  });

  it('resolves a counted past period as a range up to publication', () => {
    expect(range(only('في الأسابيع الثلاثة الماضية'))).toEqual(['2024-07-17', '2024-08-07', 'day']);
  });

  it('reads durations as how long, not when', () => {
    const e = only('استمر القتال لمدة ثلاثة أيام');
    expect(e.text).toBe('لمدة ثلاثة أيام');
    expect(e.kind).toBe('duration');
    expect(e.duration).toEqual({ amount: 3, unit: 'day' });
    expect(e.value).toBeNull();
  });
});

describe('dateForSpan', () => {
  const text =
    'في 25 يوليو 2024، صد المسلحون قافلة عسكرية. واستمر القتال قرب تينزاوتين. وفي أمس أعلن الجيش انسحابه.';
  const expressions = findTemporalExpressions(text, PUB);
  const sentences = [
    { start: 0, end: text.indexOf('.') + 1 },
    { start: text.indexOf('.') + 2, end: text.indexOf('.', text.indexOf('.') + 1) + 1 },
    { start: text.lastIndexOf('وفي'), end: text.length },
  ];
  const at = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length });

  it('takes the date of the same sentence', () => {
    const d = dateForSpan(expressions, at('قافلة'), sentences);
    expect(d?.how).toBe('same-sentence');
    expect(d?.value.start).toBe('2024-07-25');
    expect(dateForSpan(expressions, at('انسحابه'), sentences)?.value.start).toBe('2024-08-06');
  });

  it('falls back on the explicit date of the previous sentence', () => {
    const d = dateForSpan(expressions, at('القتال'), sentences);
    expect(d?.how).toBe('previous-sentence');
    expect(d?.value.start).toBe('2024-07-25');
  });

  it('gives null when no date is near', () => {
    expect(dateForSpan([], at('القتال'), sentences)).toBeNull();
  });
});
