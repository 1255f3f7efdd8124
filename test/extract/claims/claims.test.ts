import { describe, expect, it } from 'vitest';
import { verbForms } from '../../../src/extract/claims/index.js';
import { analyzeArticle, createPipeline } from '../../../src/extract/index.js';
import type { AnalysedDocument, RawArticle } from '../../../src/model/index.js';

const raw = (body: string): RawArticle => ({
  source: 'test.txt',
  kind: 'text',
  title: null,
  published: null,
  url: null,
  body,
  encoding: null,
  warnings: [],
});
// Sentences written for these tests (not taken from any article).
const pipeline = createPipeline({ ner: false });
const run = (text: string): AnalysedDocument => analyzeArticle(raw(text), pipeline);
const content = (d: AnalysedDocument, i = 0) =>
  d.text.slice(d.claims[i]!.content.start, d.claims[i]!.content.end);
const one = (text: string) => {
  const d = run(text);
  expect(d.claims.length).toBeGreaterThan(0);
  return { d, c: d.claims[0]! };
};

describe('claims: reporting forms', () => {
  it('VSO: verb, then the subject, then the content after إن', () => {
    const { d, c } = one('قالت وزارة الخارجية الأوكرانية إن كييف لا تدعم أي جماعة مسلحة في مالي.');
    expect(c.speaker).toBe('ent-ukraine-mfa');
    expect(c.cue).toBe('قالت');
    expect(content(d)).toContain('كييف');
    expect(c.about).toContain('ent-mali');
  });
  it('SVO: the subject before the verb', () => {
    const { c } = one('الجيش المالي أعلن أنه استعاد السيطرة على المدينة.');
    expect(c.speaker).toBe('ent-mali-army');
    expect(c.stance).toBe('assert');
  });
  it('بحسب + source, and نقلاً عن', () => {
    expect(one('وبحسب وزارة الخارجية الروسية، وصلت شحنة جديدة من المعدات إلى مالي.').c.speaker).toBe(
      'ent-russia-mfa',
    );
    expect(one('نقلاً عن الجيش المالي، قتل عشرة مسلحين في الهجوم.').c.speaker).toBe('ent-mali-army');
  });
  it('a long quote in «» after the speaker', () => {
    const { d, c } = one('وقالت روسيا: «سنواصل مساعدة شركائنا في منطقة الساحل مهما كانت الضغوط».');
    expect(c.speaker).toBe('ent-russia');
    expect(content(d)).toContain('سنواصل مساعدة');
  });
  it('unattributed sources give a null speaker', () => {
    expect(one('أفادت تقارير بأن مقاتلين من فاغنر غادروا المنطقة.').c.speaker).toBeNull();
    expect(one('وبحسب مصادر محلية، وقع الهجوم فجراً.').c.speaker).toBeNull();
  });
  it('a pronoun subject takes the previous speaker', () => {
    const d = run('نفت مالي الاتهامات. وأكدت أن قواتها تحترم القانون.');
    expect(d.claims.map((c) => c.speaker)).toEqual(['ent-mali', 'ent-mali']);
  });
  it('joint speakers: one claim per speaker', () => {
    const d = run('وأكدت مالي والنيجر أن الاتفاق سيبقى ساري المفعول.');
    expect(d.claims.map((c) => c.speaker).sort()).toEqual(['ent-mali', 'ent-niger']);
  });
  it('spokesperson: the body when no person is named', () => {
    expect(one('قال المتحدث باسم الجيش المالي إن الهجوم فشل.').c.speaker).toBe('ent-mali-army');
  });
});

describe('claims: stance', () => {
  it('each cue class', () => {
    expect(one('نفت أوكرانيا أي علاقة لها بالهجوم.').c.stance).toBe('deny');
    expect(one('اتهمت مالي أوكرانيا بدعم المتمردين.').c.stance).toBe('allege');
    expect(one('زعمت الجماعة أنها أسقطت طائرة.').c.stance).toBe('allege');
    expect(one('رجّحت فرنسا أن تنسحب القوات قريباً.').c.stance).toBe('hedge');
    expect(one('أكدت روسيا أنها سترسل مدربين.').c.stance).toBe('assert');
  });
  it('hedges: passive opinion verbs, ربما in the content, بحسب ما ورد', () => {
    const p = one('يُعتقد أن مئات من عناصر فاغنر يتمركزون في المدينة.').c;
    expect([p.speaker, p.stance]).toEqual([null, 'hedge']);
    expect(one('قالت فرنسا إن القوات ربما تغادر قبل نهاية العام.').c.stance).toBe('hedge');
    expect(one('وبحسب ما ورد، غادر المقاتلون القاعدة.').c.stance).toBe('hedge');
  });
  it('negation: a negated cue is a hedge, a negative content a denial', () => {
    expect(one('لم تؤكد مالي وصول المعدات.').c.stance).toBe('hedge');
    expect(one('قالت روسيا إن هؤلاء ليسوا مرتزقة.').c.stance).toBe('deny');
  });
  it('a contradiction pair: X asserts, Y denies the same thing', () => {
    const d = run(
      'اتهمت مالي أوكرانيا بتزويد المتمردين بالمعلومات. ونفت أوكرانيا تزويد المتمردين بالمعلومات.',
    );
    const bySpeaker = Object.fromEntries(d.claims.map((c) => [c.speaker, c.stance]));
    expect(bySpeaker).toEqual({ 'ent-mali': 'allege', 'ent-ukraine': 'deny' });
  });
  it('claim ids are deterministic per document', () => {
    const a = run('نفت أوكرانيا أي علاقة لها بالهجوم.').claims.map((c) => c.id);
    const b = run('نفت أوكرانيا أي علاقة لها بالهجوم.').claims.map((c) => c.id);
    expect(a).toEqual(b);
    expect(a[0]).toMatch(/^cl-[0-9a-f]{8}-1$/);
  });
  it('verb forms cover persons and tenses', () => {
    expect(verbForms('قال')).toEqual(expect.arrayContaining(['قال', 'قالت', 'قالوا', 'قالا']));
    expect(verbForms('نفى')).toEqual(expect.arrayContaining(['نفت', 'نفوا']));
    expect(verbForms('يقول')).toEqual(expect.arrayContaining(['تقول', 'يقولون']));
  });
});

describe('claims: subjects and weak verbs', () => {
  const speakers = (text: string) => run(text).claims.map((c) => c.speaker);
  it('a descriptive subject stands for the last entity of its kind', () => {
    const d = run('هاجمت جماعة نصرة الإسلام والمسلمين موقعاً للجيش. وقالت الجماعة إنها ستواصل عملياتها.');
    expect(d.claims.map((c) => c.speaker)).toContain('ent-jnim');
    expect(
      speakers('نشر مركز الدراسات الاستراتيجية والدولية دراسة جديدة. وبحسب المركز، تتوسع فاغنر في أفريقيا.'),
    ).toEqual(['ent-csis']);
  });
  it('a report of a named source: تقرير لـ X', () => {
    expect(speakers('وكشف تقرير لوكالة فرانس برس أن القوات انسحبت من المدينة.')).toEqual(['ent-afp']);
  });
  it('the antecedent of a relative pronoun speaks: X، التي أعلنت', () => {
    expect(speakers('وكانت الزيارة مهمة لفرنسا، التي أعلنت أنها ستخفض قواتها في المنطقة.')).toEqual([
      'ent-france',
    ]);
  });
  it('وكان X قد أعلن / وسبق لـ X أن أكد: the subject after the auxiliary', () => {
    expect(speakers('وكان الجيش المالي في البداية قد أعلن أنه استعاد السيطرة على المدينة.')).toEqual([
      'ent-mali-army',
    ]);
    expect(speakers('وسبق لروسيا أن أكدت أن قواتها تساعد الجيش.')).toEqual(['ent-russia']);
  });
  it('a quoted name after the verb is the subject, not the content', () => {
    expect(speakers('قالت "جماعة نصرة الإسلام والمسلمين" إنها هاجمت قافلة للجيش المالي.')).toEqual([
      'ent-jnim',
    ]);
  });
  it('weak verbs need an anonymous subject or a complementizer', () => {
    expect(run('تشير التطورات الأخيرة إلى تدهور الوضع الأمني.').claims).toEqual([]);
    expect(run('قالت روسيا إن قواتها باقية، وهو ما يشير إلى أن الانسحاب تأجل.').claims).toHaveLength(1);
    expect(speakers('وتشير تقارير إلى انسحاب فاغنر من المنطقة.')).toEqual([null]);
  });
  it('an anonymous subject before the verb: تقارير تشير', () => {
    expect(speakers('قالت روسيا إن قواتها باقية. تقارير تشير إلى أن فاغنر غادرت المنطقة.')).toEqual([
      'ent-russia',
      null,
    ]);
  });
  it('negation idioms open no denial; «ولم» negates the cue', () => {
    expect(one('وقال الجيش المالي إن هذه ليست المرة الأولى التي يتعرض فيها لهجوم.').c.stance).toBe('assert');
    expect(one('وأعلن الجيش المالي أن ما لا يقل عن عشرين مسلحاً قتلوا.').c.stance).toBe('assert');
    expect(one('ولم تؤكد روسيا أن قواتها تشارك في القتال.').c.stance).toBe('hedge');
  });
});

describe('claims: nouns pointing back', () => {
  it('«تلك الاتهامات» in a denial is the accusation already reported, not a second one', () => {
    const d = run(
      'اتهمت جماعة نصرة الإسلام والمسلمين الجيش المالي بقتل مدنيين. ونفت الحكومة المالية تلك الاتهامات.',
    );
    const stances = d.claims.map((c) => c.stance).sort();
    expect(stances).toEqual(['allege', 'deny']);
  });
});
