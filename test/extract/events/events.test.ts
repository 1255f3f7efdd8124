import { describe, expect, it } from 'vitest';
import {
  compileLexicon,
  eventLexicon,
  findTriggers,
  inflectVerb,
  wordsOf,
} from '../../../src/extract/events/index.js';
import { analyseText } from '../../helpers/analyse.js';

// Sentences written for these tests (not from any corpus).
const analyse = (body: string, published: string | null = '2024-03-10') => analyseText(body, published);
const types = (text: string) => {
  const lex = eventLexicon();
  return findTriggers(wordsOf(text, { start: 0, end: text.length }), lex).map((h) => h.pattern.type);
};

describe('triggers', () => {
  it('inflects verbs for person, number and tense', () => {
    const f = inflectVerb('هاجم/هاجم');
    for (const w of ['هاجم', 'هاجمت', 'هاجموا', 'يهاجم', 'تهاجم', 'يهاجمون']) expect(f.has(w)).toBe(true);
    expect(inflectVerb('التقى/لتقي').has('التقت')).toBe(true);
  });
  it('finds trigger forms with clitics', () => {
    expect(types('وهاجمت الجماعة القرية')).toContain('armed_clash');
    expect(types('بعد الاشتباكات العنيفة')).toContain('armed_clash');
    expect(types('شنّت الطائرات غارةً على المخزن')).toContain('remote_violence');
    expect(types('وقعت مجزرة في السوق')).toContain('violence_against_civilians');
    expect(types('قطعت الحكومة العلاقات مع جارتها')).toContain('diplomatic_break');
    expect(types('وتدرّبهم على القتال')).toContain('military_aid');
    expect(types('وبالانسحاب الكامل')).toContain('withdrawal');
    expect(types('خلال زيارته للعاصمة')).toContain('meeting');
    expect(types('امتنعت عن التصويت')).toContain('vote');
    expect(types('أعلنوا توقيع معاهدة')).toContain('agreement');
  });
  it('prefers the longer trigger: seizing power is a coup', () => {
    expect(types('سيطر الجيش على السلطة')).toEqual(['coup']);
  });
  it('compiles a lexicon given as data', () => {
    const lex = compileLexicon({
      types: { meeting: [{ facet: 'meeting', words: ['قمة'] }] },
      factuality: {
        window: 5,
        negation: [],
        negationBeforeVerb: [],
        future: [],
        modal: [],
        present: [],
        denial: [],
        rumour: [],
      },
      agentAfter: [],
      locationPrepositions: [],
    } as never);
    expect(lex.patterns).toHaveLength(1);
  });
});

describe('events stage', () => {
  it('a made-up article with a clash, a denied attack and a prediction yields exactly one event', () => {
    const doc = analyse(
      'اشتبك الجيش المالي مع مقاتلي جماعة نصرة الإسلام والمسلمين في مدينة كيدال يوم 8 مارس 2024، وقُتل 12 شخصاً. ' +
        'ونفت فاغنر أن تكون قواتها قد هاجمت قرية قرب تمبكتو. ' +
        'ومن المتوقع أن تهاجم الجماعة مواقع الجيش في الأسابيع المقبلة.',
    );
    expect(doc.events).toHaveLength(1);
    const e = doc.events[0]!;
    expect(e.type).toBe('armed_clash');
    expect(e.actors[0]).toBe('ent-mali-army');
    expect(e.actors).toContain('ent-jnim');
    expect(e.location).toBe('ent-kidal');
    expect(e.date).toEqual({ start: '2024-03-08', end: '2024-03-08', precision: 'day' });
    expect(e.fatalities).toEqual({ min: 12, max: 12 });
    expect(doc.text.slice(e.evidence[0]!.start, e.evidence[0]!.end)).toContain('اشتبك');
  });
  it('negation, future, modal and hypothetical give no event', () => {
    for (const s of [
      'لم يهاجم الجيش المالي مدينة كيدال.',
      'سيهاجم الجيش المالي مدينة كيدال.',
      'قد يهاجم الجيش المالي مدينة كيدال.',
      'إذا هاجم الجيش المالي مدينة كيدال فإن الوضع سيتغير.',
      'نفت الحكومة المالية أنها قطعت العلاقات مع فرنسا.',
    ])
      expect(analyse(s).events, s).toEqual([]);
  });
  it('anchors relative dates on the publication date', () => {
    const doc = analyse('زار وزير الخارجية الروسي باماكو أمس والتقى المسؤولين في مالي.', '2024-03-10');
    const e = doc.events.find((x) => x.type === 'meeting');
    expect(e?.date?.start).toBe('2024-03-09');
    expect(e?.location).toBe('ent-bamako');
  });
  it('keeps ids deterministic', () => {
    const s = 'اشتبك الجيش المالي مع جماعة نصرة الإسلام والمسلمين في كيدال يوم 8 مارس 2024.';
    expect(analyse(s).events[0]!.id).toBe(analyse(s).events[0]!.id);
    expect(analyse(s).events[0]!.id).toMatch(/^ev-armed_clash\.fighting-2024-03-08-kidal-/);
  });
});

describe('events stage: more rules', () => {
  it('a purpose («لاستعادة») is not an event; «تعرّضت لهجوم» is', () => {
    expect(analyse('أرسل الجيش المالي قافلة لاستعادة مدينة كيدال.').events.map((e) => e.type)).not.toContain(
      'territory_change',
    );
    expect(analyse('تعرّضت قافلة للجيش المالي لهجوم في مدينة كيدال.').events.map((e) => e.type)).toContain(
      'armed_clash',
    );
  });
  it('an agreement undone is a diplomatic break', () => {
    const doc = analyse('ألغت بوركينا فاسو يوم 10 أغسطس 2023 اتفاقية مع فرنسا.');
    expect(doc.events.map((e) => e.type)).toEqual(['diplomatic_break']);
  });
  it('a coup is located in its country; «كما» adds a second event', () => {
    const doc = analyse('شهدت مالي انقلاباً عسكرياً عام 2021. كما شهدت النيجر انقلاباً عام 2023.');
    const coups = doc.events.filter((e) => e.type === 'coup');
    expect(coups.map((e) => e.location)).toEqual(['ent-mali', 'ent-niger']);
  });
  it('agent first: the subject after the verb', () => {
    const doc = analyse('هاجمت جماعة نصرة الإسلام والمسلمين الجيش المالي قرب مدينة تمبكتو أمس.');
    expect(doc.events[0]!.actors.slice(0, 2)).toEqual(['ent-jnim', 'ent-mali-army']);
    expect(doc.events[0]!.location).toBe('ent-timbuktu');
  });
});

describe('the dates stage', () => {
  it('keeps every temporal expression of the text, resolved on the publication date', () => {
    const doc = analyse('وصل الوفد إلى نيامي أمس، بعد زيارة قصيرة في 4 مارس 2024 إلى واغادوغو.');
    const byText = new Map(doc.dates.map((d) => [d.text, d]));
    expect(byText.get('أمس')?.value).toEqual({ start: '2024-03-09', end: '2024-03-09', precision: 'day' });
    expect(byText.get('4 مارس 2024')?.kind).toBe('date');
    for (const d of doc.dates) expect(doc.text.slice(d.start, d.end)).toBe(d.text);
  });
  it('leaves a relative date unresolved when nothing anchors it', () => {
    const doc = analyse('وقعت الاشتباكات يوم السبت قرب الحدود.', null);
    const saturday = doc.dates.find((d) => d.text.includes('السبت'));
    expect(saturday?.kind).toBe('relative');
    expect(saturday?.value).toBeNull();
  });
});
