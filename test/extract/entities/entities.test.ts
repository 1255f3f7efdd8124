import { describe, expect, it } from 'vitest';
import {
  analyzeArticle,
  buildEntityResources,
  createPipeline,
  defaultPipeline,
  linkMentions,
  mintedId,
  recognizeMentions,
  skeleton,
  variantOf,
} from '../../../src/extract/index.js';
import { trainNer } from '../../../src/extract/ner/train.js';
import { loadKnowledgeBase, SHIPPED_KB_DIR } from '../../../src/kb/index.js';
import type { Entity, RawArticle } from '../../../src/model/index.js';
import { splitSentences } from '../../../src/text/index.js';
import { s } from '../ner/toy-corpus.js';

// Sentences written for these tests (not taken from any article).

const kb = loadKnowledgeBase({ dirs: [SHIPPED_KB_DIR] });
const res = buildEntityResources(kb);

function entities(text: string, r = res): Entity[] {
  return linkMentions(r, recognizeMentions(r, text, splitSentences(text)));
}
const ids = (text: string) => entities(text).map((e) => e.id);
const byId = (list: Entity[], id: string) => list.find((e) => e.id === id);

function expectOffsets(text: string, list: Entity[]): void {
  for (const e of list)
    for (const m of e.mentions) {
      expect(m.end).toBeGreaterThan(m.start);
      expect(text.slice(m.start, m.end)).toBe(m.text);
    }
}

describe('clitics', () => {
  it('finds names behind و ب ل and keeps the proclitic out of the mention', () => {
    const text = 'تدهورت العلاقة بين مالي وفاغنر، ووجهت باماكو انتقادات للجزائر بعد اجتماع عقد بباماكو.';
    const list = entities(text);
    expectOffsets(text, list);
    expect(byId(list, 'ent-wagner')!.mentions.map((m) => m.text)).toEqual(['فاغنر']);
    const algeria = byId(list, 'ent-algeria')!;
    expect(algeria.mentions.map((m) => m.text)).toEqual(['جزائر']);
    expect(algeria.aliases).toContain('الجزائر');
    // «بباماكو» after «عقد»: a place (ب on a city is «in»)
    expect(byId(list, 'ent-bamako')!.mentions.map((m) => m.text)).toEqual(['باماكو']);
  });

  it('takes the longest multi-word name', () => {
    const text =
      'تبنت جماعة نصرة الإسلام والمسلمين الهجوم، فيما نفى الإطار الاستراتيجي الدائم للدفاع عن شعب أزواد أي صلة.';
    const list = entities(text);
    expect(list.map((e) => e.id)).toEqual(['ent-jnim', 'ent-azawad-rebels']);
    expect(list[0]!.mentions[0]!.text).toBe('جماعة نصرة الإسلام والمسلمين');
    expectOffsets(text, list);
  });
});

describe('spelling variants', () => {
  it('links the g-letter variants of one name to one entity', () => {
    const text = 'وصل عناصر فاجنر إلى غاو، ثم قال الكولونيل أسيمي جويتا إن قوات فاغنر باقية في جاو.';
    const list = entities(text);
    expect(byId(list, 'ent-wagner')!.mentions).toHaveLength(2);
    expect(byId(list, 'ent-gao')!.mentions).toHaveLength(2);
    expect(byId(list, 'ent-assimi-goita')).toBeDefined();
  });

  it('matches a spelling the KB does not list by its skeleton, spaces inside the name too', () => {
    expect(skeleton('تين زاوتين')).toBe(skeleton('تينزواتين'));
    expect(variantOf(res, 'بريقوجين')).toBe('yevgeny-prigozhin');
    const text = 'قتل العشرات قرب تين زواتين، وقال بريقوجين إن رجاله انسحبوا.';
    expect(ids(text)).toEqual(expect.arrayContaining(['ent-tinzaouaten', 'ent-yevgeny-prigozhin']));
  });

  it('does not take a common word for a look-alike name', () => {
    // «الأمن» is not «اليمن», «إطار» is not the town «أطار», «أن تأسيس» is not «إيناتس»
    expect(ids('ناقش الوزراء الأمن في إطار التعاون، وأكدوا أن تأسيس القوة ضروري.')).toEqual([]);
  });
});

describe('metonyms', () => {
  it('reads a capital as its state when it acts, and as the city when it is a place', () => {
    const actor = entities('قالت باماكو إنها لن تتراجع، واتهمت كييف بدعم المتمردين.');
    expect(actor.map((e) => e.id)).toEqual(['ent-mali', 'ent-ukraine']);
    const place = entities('وصل الوزير إلى باماكو، ثم عقد لقاء في العاصمة باماكو.');
    expect(place.map((e) => e.id)).toEqual(['ent-bamako']);
    expect(place[0]!.mentions).toHaveLength(2);
  });

  it('reads a dateline and a visit as places, a party to relations as the state', () => {
    const list = entities(
      'باماكو- زار وزير الدفاع موسكو الأسبوع الماضي.\nوتقترب باماكو من موسكو أكثر فأكثر.',
    );
    expect(byId(list, 'ent-bamako')!.mentions).toHaveLength(1);
    expect(byId(list, 'ent-moscow')!.mentions).toHaveLength(1);
    expect(byId(list, 'ent-mali')!.mentions).toHaveLength(1);
    expect(byId(list, 'ent-russia')!.mentions).toHaveLength(1);
  });

  it('reads a capital after a direction or an institution of the city as the city', () => {
    // «شمال باماكو» is a place north of the city; «جامعة باماكو», «سكان باماكو» belong to it
    const list = entities('انفجرت عبوة شمال باماكو، وتظاهر سكان باماكو أمام جامعة باماكو.');
    expect(list.map((e) => e.id)).toEqual(['ent-bamako']);
    expect(list[0]!.mentions).toHaveLength(3);
  });
});

describe('nationality adjectives and state phrases', () => {
  it('does not make a country of a nationality adjective', () => {
    expect(ids('قال الصحفي الفرنسي إن القوات الروسية انتشرت قرب المطار.')).toEqual([]);
  });

  it('reads government phrases as the state', () => {
    const text =
      'أعلنت السلطات المالية، ثم قررت الحكومة الانتقالية في مالي، ورحبت سلطات النيجر، ونفى النظام العسكري الحاكم في باماكو.';
    const list = entities(text);
    expect(list.map((e) => e.id)).toEqual(['ent-mali', 'ent-niger']);
    expect(byId(list, 'ent-mali')!.mentions.map((m) => m.text)).toEqual([
      'السلطات المالية',
      'الحكومة الانتقالية في مالي',
      'النظام العسكري الحاكم في باماكو',
    ]);
    expectOffsets(text, list);
  });

  it('reads army phrases as the army, not the country', () => {
    const text = 'اشتبك الجيش المالي مع المسلحين، وانتشرت قوات الجيش الموريتاني على الحدود.';
    expect(ids(text)).toEqual(['ent-mali-army', 'ent-mauritania-army']);
  });

  it('reads a plural demonym standing alone as the state, not one qualifying a noun', () => {
    expect(ids('رحب الروس بالقرار.')).toEqual(['ent-russia']);
    expect(ids('حذر الخبراء الروس من التصعيد.')).toEqual([]);
  });

  it('keeps «شمال مالي» a mention of Mali', () => {
    const list = entities('تنشط الجماعات المسلحة في شمال مالي.');
    expect(list.map((e) => e.id)).toEqual(['ent-mali']);
    expect(list[0]!.mentions[0]!.text).toBe('مالي');
  });
});

describe('people', () => {
  it('links a family name alone to the full name met earlier', () => {
    const text =
      'قال المتحدث باسم الاستخبارات الأوكرانية أندريه يوسوف إن بلاده تدعم الحركة. وأضاف يوسوف أن الدعم مستمر.';
    const yusov = byId(entities(text), 'ent-andriy-yusov')!;
    expect(yusov.mentions.map((m) => m.text)).toEqual(['أندريه يوسوف', 'يوسوف']);
  });

  it('finds a new name after a title, without the title, and its family name later', () => {
    const text = 'قال الباحث المالي سليمان كوناتي، إن الوضع خطير. وأضاف كوناتي أن الحل سياسي.';
    const list = entities(text);
    expect(list).toHaveLength(1);
    const p = list[0]!;
    expect(p.type).toBe('person');
    expect(p.name_ar).toBe('سليمان كوناتي');
    expect(p.mentions.map((m) => m.text)).toEqual(['سليمان كوناتي', 'كوناتي']);
    expect(p.id).toBe(mintedId('سليمان كوناتي'));
  });

  it('keeps أغ inside a name', () => {
    const text = 'وقال القيادي الطوارقي موسى أغ محمد، إن الحركة مستعدة للحوار.';
    const list = entities(text);
    expect(list.map((e) => e.name_ar)).toContain('موسى أغ محمد');
  });
});

describe('new names from the tagger', () => {
  // A toy tagger (trained here on sentences written for the test) stands for the committed one.
  const toy = [
    s('وقال كريم/B-PERS سلطاني/I-PERS إن الوضع مستقر'),
    s('وأكد كريم/B-PERS سلطاني/I-PERS أن الاتفاق قريب'),
    s('وصرح حسن/B-PERS بلعيد/I-PERS بأن الهجوم فشل'),
    s('وقال حسن/B-PERS بلعيد/I-PERS إن القافلة وصلت'),
    s('وقال التقرير إن الوضع مستقر'),
  ];
  const ner = trainNer(toy, {
    epochs: 5,
    seed: 1,
    minFeatureCount: 1,
    minVocabCount: 1,
    pruneBelow: 0,
    documentPass: false,
    triggers: { PERS: ['قال'] },
    header: { description: 'toy', created: '2024-01-01', sources: [], settings: {} },
  });
  const withTagger = buildEntityResources(kb, { ner });

  it('gives the same new name the same id in two documents', () => {
    // a name the toy tagger never saw, in the context it learnt («وقال X Y إن»)
    const a = entities('وقال ياسين مختاري إن الوضع مستقر في مالي.', withTagger);
    const b = entities('وقال ياسين مختاري إن القافلة وصلت.', withTagger);
    const pa = a.find((e) => e.type === 'person')!;
    const pb = b.find((e) => e.type === 'person')!;
    expect(pa.name_ar).toBe('ياسين مختاري');
    expect(pa.id).toBe(pb.id);
    expect(pa.id).toMatch(/^ent-new-/);
  });
});

describe('the pipeline', () => {
  const raw = (body: string, source: string): RawArticle => ({
    source,
    kind: 'text',
    url: null,
    title: null,
    published: null,
    body,
    encoding: 'utf-8',
    warnings: [],
  });
  const pipeline = createPipeline({ kb, ner: false });

  it('fills doc.entities with corpus-wide ids and exact offsets', () => {
    const a = analyzeArticle(
      raw('هاجمت فاغنر مواقع المتمردين قرب كيدال، وقالت باماكو إن العملية نجحت.', 'a.txt'),
      pipeline,
    );
    const b = analyzeArticle(raw('انسحبت مجموعة فاجنر من كيدال.', 'b.txt'), pipeline);
    expect(a.entities.map((e) => e.id)).toEqual(['ent-wagner', 'ent-kidal', 'ent-mali']);
    expect(b.entities.map((e) => e.id)).toEqual(['ent-wagner', 'ent-kidal']);
    expectOffsets(a.text, a.entities);
    const w = b.entities[0]!;
    expect(w).toMatchObject({ type: 'organization', kind: 'private_military_company', name: 'Wagner Group' });
    expect(w.aliases).toEqual(['مجموعة فاجنر']);
  });

  it('builds the default pipeline on first use, entity stages after the text ones', () => {
    expect(defaultPipeline.stages.map((st) => st.name).slice(0, 4)).toEqual([
      'sentences',
      'tokens',
      'mentions',
      'linking',
    ]);
  });

  it('skips page furniture: a bulleted list of other articles’ bylines', () => {
    const body = [
      '• د. سامي يكتب: (هل تصمد الهدنة في لبنان؟)',
      '• ليلى تكتب: (تركيا والطاقة)',
      '',
      'أعلنت النيجر إغلاق حدودها.',
    ].join('\n');
    expect(analyzeArticle(raw(body, 'c.txt'), pipeline).entities.map((e) => e.id)).toEqual(['ent-niger']);
  });
});
