import { describe, expect, it } from 'vitest';
import { analyzeArticle, createPipeline } from '../../../src/extract/index.js';
import type { RawArticle } from '../../../src/model/index.js';

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
