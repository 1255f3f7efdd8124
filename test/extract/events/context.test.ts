import { describe, expect, it } from 'vitest';
import { analyzeArticle, createPipeline } from '../../../src/extract/index.js';
import type { AnalysedDocument } from '../../../src/model/index.js';

// Sentences written for these tests (not from any corpus).
const pipeline = createPipeline({ ner: false });
const analyse = (body: string, published: string | null = '2024-11-20'): AnalysedDocument =>
  analyzeArticle(
    {
      source: 't.txt',
      kind: 'text',
      title: null,
      published,
      url: null,
      body,
      encoding: 'utf-8',
      warnings: [],
    },
    pipeline,
  );

describe('event arguments from the context', () => {
  it('a bare group noun is the group the article named with it', () => {
    const doc = analyse(
      'أعلن متمردو أزواد سيطرتهم على مواقع جديدة. وقال شهود إن هجوم المتمردين على الجيش المالي قرب غاو استمر ساعات يوم الأحد.',
    );
    const clash = doc.events.find((e) => e.type === 'armed_clash');
    expect(clash?.actors).toEqual(expect.arrayContaining(['ent-azawad-rebels', 'ent-mali-army']));
  });
  it('a bare group noun stays unlinked when two groups could be meant', () => {
    const doc = analyse(
      'التقى متمردو أزواد بمسلحي جبهة تحرير ماسينا ثم انفصلوا. وقال مسؤول إن هجوم المسلحين على الجيش المالي قرب غاو استمر ساعات.',
    );
    const clash = doc.events.find((e) => e.actors.includes('ent-mali-army'));
    expect(clash).toBeDefined();
    expect(clash?.actors.some((a) => a.includes('masina') || a.includes('macina'))).toBe(false);
    expect(clash?.actors).not.toContain('ent-azawad-rebels');
  });
  it('an expected attack is not an event', () => {
    const doc = analyse('ورغم التوقعات بحدوث هجوم كبير على كيدال، بقيت المدينة هادئة.');
    expect(doc.events.filter((e) => e.type === 'armed_clash')).toEqual([]);
  });
  it('the date after the trigger in its clause wins over an earlier verb’s date', () => {
    const doc = analyse(
      'بدأت العملية في أوائل أكتوبر ردا على الهجوم الذي تعرضت له قافلة للجيش المالي قرب كيدال في يوليو الماضي.',
    );
    const clash = doc.events.find((e) => e.type === 'armed_clash');
    expect(clash?.date?.start.slice(0, 7)).toBe('2024-07');
  });
});
