import { describe, expect, it } from 'vitest';
import { analyzeArticle, createPipeline } from '../../../src/extract/index.js';
import type { RawArticle } from '../../../src/model/index.js';
import { analyseText } from '../../helpers/analyse.js';

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
const rels = (text: string) =>
  analyzeArticle(raw(text), pipeline).relations.map((r) => `${r.source} ${r.type} ${r.target}`);

describe('relations', () => {
  it('affiliated_with: X الموالية لـ Y', () => {
    expect(rels('هاجمت جماعة نصرة الإسلام والمسلمين الموالية لتنظيم القاعدة موقعاً للجيش.')).toContain(
      'ent-jnim affiliated_with ent-al-qaeda',
    );
  });
  it('allied_with is symmetric: X المتحالفة مع Y', () => {
    const r = rels('تقدمت مجموعة فاغنر المتحالفة مع الجيش المالي نحو الشمال.');
    expect(
      r.some((x) => x.includes('allied_with') && x.includes('ent-wagner') && x.includes('ent-mali-army')),
    ).toBe(true);
  });
  it('supports with direction, active and passive', () => {
    expect(rels('وزودت روسيا الجيش المالي بمروحيات جديدة.')).toContain('ent-russia supports ent-mali-army');
    expect(
      rels('شاركت القوة المدعومة من فرنسا في العملية، وهي مجموعة دول الساحل الخمس المدعومة من فرنسا.'),
    ).toContain('ent-france supports ent-g5-sahel');
  });
  it('hostile_to: قتال / ضد', () => {
    const r = rels('تخوض مالي حرباً ضد جماعة نصرة الإسلام والمسلمين منذ سنوات.');
    expect(r.some((x) => x.includes('hostile_to') && x.includes('ent-jnim'))).toBe(true);
  });
  it('severed_ties_with: قطع العلاقات مع', () => {
    expect(rels('وأعلنت مالي قطع العلاقات مع أوكرانيا.')).toContain('ent-mali severed_ties_with ent-ukraine');
  });
  it('leader_of from a title: رئيس X P', () => {
    expect(rels('استقبل رئيس مالي أسيمي غويتا الوفد.')).toContain('ent-assimi-goita leader_of ent-mali');
  });
  it('member_of with a list of members', () => {
    const r = rels('وكانت مالي والنيجر أعضاء في مجموعة دول الساحل الخمس.');
    expect(r).toEqual(
      expect.arrayContaining(['ent-mali member_of ent-g5-sahel', 'ent-niger member_of ent-g5-sahel']),
    );
  });
  it('located_in: a town in a country', () => {
    expect(rels('وقع الهجوم في مدينة كيدال في شمال مالي.')).toContain('ent-kidal located_in ent-mali');
  });
});

describe('relations: titles, lists and places', () => {
  it('minister + nationality adjective: member of the country, or leader of the named ministry', () => {
    expect(rels('وفي مالي، التقى وزير الخارجية المالي عبدالله ديوب بالصحفيين.')).toContain(
      'ent-abdoulaye-diop member_of ent-mali',
    );
    expect(
      rels('أصدرت وزارة الدفاع المالية بياناً. وقال وزير الدفاع المالي ساديو كامارا إن الجيش مستعد.'),
    ).toContain('ent-sadio-camara leader_of ent-mali-mod');
    expect(rels('وفي زيارة إلى روسيا، التقى عبدالله ديوب نظيره الروسي سيرجي لافروف.')).toContain(
      'ent-sergey-lavrov member_of ent-russia',
    );
  });
  it('a listed subject: مالي والنيجر حليفتان لروسيا', () => {
    expect(rels('وتعتبر مالي والنيجر حليفتان لروسيا.')).toEqual(
      expect.arrayContaining(['ent-mali allied_with ent-russia', 'ent-niger allied_with ent-russia']),
    );
  });
  it('a noun coordinated with the VSO subject is not its object', () => {
    expect(rels('كبدت الجيش المالي وقوات فاغنر خسائر فادحة.')).not.toContain(
      'ent-mali-army hostile_to ent-wagner',
    );
  });
  it('an adjectival cue describes the noun right before it; «لـ» is written on the next word', () => {
    expect(rels('وصل وفد من مالي إلى مقر البعثة التابعة للأمم المتحدة.')).not.toContain(
      'ent-mali affiliated_with ent-un',
    );
    expect(rels('هاجمت جماعة نصرة الإسلام والمسلمين التابعة لتنظيم القاعدة موقعاً.')).toContain(
      'ent-jnim affiliated_with ent-al-qaeda',
    );
  });
  it('located_in: «شمال البلاد» through the KB country, and «X بـY»', () => {
    expect(rels('شهدت مالي هجمات جديدة. ووقع الهجوم الأخير في كيدال شمال البلاد.')).toContain(
      'ent-kidal located_in ent-mali',
    );
    expect(rels('قتل مدنيون في مورا بمالي.')).toContain('ent-moura located_in ent-mali');
  });
  it('member_of: a parenthesised list of states, and «الدول الثلاث» referring back', () => {
    expect(rels('ووقعت الدول (مالي، بوركينا فاسو، النيجر) ميثاق تحالف دول الساحل.')).toEqual(
      expect.arrayContaining([
        'ent-mali member_of ent-aes',
        'ent-burkina-faso member_of ent-aes',
        'ent-niger member_of ent-aes',
      ]),
    );
    const r = rels(
      'وقعت مالي والنيجر وبوركينا فاسو اتفاقاً. وكانت الدول الثلاث أعضاء في مجموعة الساحل الخمس.',
    );
    expect(r).toEqual(
      expect.arrayContaining(['ent-mali member_of ent-g5-sahel', 'ent-burkina-faso member_of ent-g5-sahel']),
    );
  });
  it('a state and its own army are never hostile or supporting', () => {
    expect(rels('دعمت مالي الجيش المالي بأسلحة جديدة.')).not.toContain('ent-mali supports ent-mali-army');
  });
  it('a pronoun subject after إنها is the speaker of the claim', () => {
    const r = rels(
      'وقالت جماعة نصرة الإسلام والمسلمين الموالية لتنظيم القاعدة إنها هاجمت قوات فاغنر قرب الحدود.',
    );
    expect(r).toContain('ent-jnim hostile_to ent-wagner');
    expect(r).not.toContain('ent-al-qaeda hostile_to ent-wagner');
  });
});

describe('relations the knowledge base knows', () => {
  // Sentences written for this test.
  const kbRun = (text: string) => analyseText(text);
  it('a KB link between two entities named far apart in one sentence is a relation, with that sentence', () => {
    const d = kbRun(
      'أصدرت جماعة نصرة الإسلام والمسلمين بيانا طويلا عن الهجمات الأخيرة في وسط البلاد وأشاد به تنظيم القاعدة.',
    );
    const r = d.relations.find((x) => x.type === 'affiliated_with' && x.source === 'ent-jnim');
    expect(r?.target).toBe('ent-al-qaeda');
    expect(d.text.slice(r!.evidence[0]!.start, r!.evidence[0]!.end)).toContain('القاعدة');
  });
  it('not when the two are in different sentences', () => {
    const d = kbRun('أصدرت جماعة نصرة الإسلام والمسلمين بيانا طويلا. وأشاد به تنظيم القاعدة في تسجيل.');
    expect(d.relations.some((x) => x.type === 'affiliated_with' && x.source === 'ent-jnim')).toBe(false);
  });
});
