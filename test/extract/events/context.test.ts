import { describe, expect, it } from 'vitest';
import { analyseText } from '../../helpers/analyse.js';

// Sentences written for these tests (not from any corpus).
const analyse = (body: string, published: string | null = '2024-11-20') => analyseText(body, published);

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
  it('an event measured from a dated one gets its date («بعد يومين من الهجوم»)', () => {
    const doc = analyse(
      'هاجم مسلحون معسكرا للجيش المالي قرب غاو في 10 مارس 2024، وبعد يومين من الهجوم انسحب الجيش المالي من المعسكر.',
    );
    const withdrawal = doc.events.find((e) => e.type === 'withdrawal');
    expect(withdrawal?.date).toEqual({ start: '2024-03-12', end: '2024-03-12', precision: 'day' });
  });
  it('the event named after «من» is dated back from the one measured from it', () => {
    const doc = analyse(
      'اندلعت اشتباكات بين الجيش المالي ومتمردي أزواد قرب كيدال في 20 مايو 2024. وتأتي تلك الاشتباكات بعد أسبوعين من توقيع مالي والنيجر اتفاقية دفاعية.',
    );
    const agreement = doc.events.find((e) => e.type === 'agreement');
    expect(agreement?.date).toEqual({ start: '2024-05-06', end: '2024-05-06', precision: 'day' });
  });
  it('«تلك الهجمات» points back to the dated attack, not to attacks in general', () => {
    const doc = analyse(
      'هاجم متمردو أزواد قافلة للجيش المالي قرب كيدال في 3 يونيو 2024. ويشن المتمردون هجمات على الجيش المالي منذ سنوات. وتأتي تلك الهجمات بعد أسبوع من توقيع مالي والنيجر اتفاقية أمنية.',
    );
    const agreement = doc.events.find((e) => e.type === 'agreement');
    expect(agreement?.date?.start).toBe('2024-05-27');
  });
  it('a measure in another clause dates nothing there', () => {
    const doc = analyse(
      'هاجم مسلحون معسكرا للجيش المالي قرب غاو في 10 مارس 2024. ودربت روسيا الجيش المالي، وقال متحدث بعد يومين من الهجوم إن الوضع هادئ.',
    );
    const aid = doc.events.find((e) => e.type === 'military_aid');
    expect(aid?.date ?? null).toBeNull();
  });
});
