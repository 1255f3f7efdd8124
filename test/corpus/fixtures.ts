import { withEntities } from '../store/entity-fixtures.js';
import { makeDoc } from '../store/fixtures.js';

// Made-up news items for the corpus tests, with the entities a linker would have produced.

export const faghnerzDoc = withEntities(
  makeDoc({
    source: 'files/faghnerz.txt',
    body: 'قال مصدر إن فاغنرز وصلت إلى مالي، وإن عناصر فاغنرز انتشروا قرب الحدود.',
    published: '2024-06-01',
  }),
  [
    { id: 'ent-new-faghnerz', type: 'organization', name: null, name_ar: 'فاغنرز', forms: ['فاغنرز'] },
    { id: 'ent-mali', type: 'location', kind: 'country', name: 'Mali', name_ar: 'مالي', forms: ['مالي'] },
  ],
);

const handover = withEntities(
  makeDoc({
    source: 'files/handover.txt',
    body: 'أعلنت مجموعة فاغنر أن الفيلق الأفريقي سيحل محلها في مالي، وأكد فيلق أفريقيا ذلك.',
    published: '2024-06-05',
  }),
  [
    {
      id: 'ent-wagner',
      type: 'organization',
      kind: 'private_military_company',
      name: 'Wagner Group',
      name_ar: 'مجموعة فاغنر',
      forms: ['مجموعة فاغنر'],
    },
    {
      id: 'ent-africa-corps',
      type: 'organization',
      kind: 'military',
      name: 'Africa Corps',
      name_ar: 'الفيلق الأفريقي',
      forms: ['الفيلق الأفريقي', 'فيلق أفريقيا'],
    },
    { id: 'ent-mali', type: 'location', kind: 'country', name: 'Mali', name_ar: 'مالي', forms: ['مالي'] },
  ],
);
export const handoverDoc = {
  ...handover,
  events: [
    {
      id: 'ev-handover',
      type: 'deployment' as const,
      date: null,
      location: 'ent-mali',
      actors: ['ent-africa-corps', 'ent-wagner'],
      fatalities: null,
      evidence: [{ start: 0, end: 30 }],
    },
  ],
  relations: [
    {
      type: 'affiliated_with' as const,
      source: 'ent-africa-corps',
      target: 'ent-wagner',
      date: null,
      evidence: [{ start: 0, end: 30 }],
    },
  ],
};

export const frontDoc = withEntities(
  makeDoc({
    source: 'files/front.txt',
    body: 'هاجمت جبهة الساحل الحرة موقعا للجيش، وقالت الجبهة الشمالية إنها لم تشارك في الهجوم.',
    published: '2024-06-09',
  }),
  [
    {
      id: 'ent-sahel-front',
      type: 'organization',
      kind: 'armed_group',
      name: 'Sahel Front',
      name_ar: 'جبهة الساحل',
      forms: ['جبهة الساحل الحرة', 'الجبهة الشمالية'],
    },
  ],
);

/** Another paper's spelling of the made-up group of faghnerzDoc. */
export const fajnerzDoc = withEntities(
  makeDoc({
    source: 'https://paper.example.org/fajnerz',
    kind: 'url',
    body: 'نفت فاجنرز مشاركتها في الاشتباكات التي وقعت في مالي.',
    published: '2024-06-12',
  }),
  [
    { id: 'ent-new-fajnerz', type: 'organization', name: null, name_ar: 'فاجنرز', forms: ['فاجنرز'] },
    { id: 'ent-mali', type: 'location', kind: 'country', name: 'Mali', name_ar: 'مالي', forms: ['مالي'] },
  ],
);
