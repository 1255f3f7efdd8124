import type { AnalysedDocument, Entity, EntityKind, EntityType } from '../../src/model/index.js';
import { makeDoc } from './fixtures.js';

// Made-up Sahel news items with hand-built entity records, for the entity index, the dossier,
// edits and clustering. Mentions are found in the text, so their offsets are always right.

export interface EntitySpec {
  id: string;
  type: EntityType;
  kind?: EntityKind;
  name: string | null;
  name_ar: string | null;
  /** Surface forms, longest first: each occurrence in the text not yet taken becomes a mention. */
  forms: string[];
  wikidata?: string;
}

export function withEntities(doc: AnalysedDocument, specs: readonly EntitySpec[]): AnalysedDocument {
  const taken: [number, number][] = [];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
  const entities: Entity[] = specs.map((spec) => {
    const mentions: Entity['mentions'] = [];
    for (const form of spec.forms) {
      for (let at = doc.text.indexOf(form); at >= 0; at = doc.text.indexOf(form, at + 1)) {
        if (!free(at, at + form.length)) continue;
        taken.push([at, at + form.length]);
        mentions.push({ start: at, end: at + form.length, text: form });
      }
    }
    if (mentions.length === 0) throw new Error(`fixture: no mention of ${spec.id} in ${doc.source}`);
    mentions.sort((a, b) => a.start - b.start);
    return {
      id: spec.id,
      type: spec.type,
      ...(spec.kind ? { kind: spec.kind } : {}),
      name: spec.name,
      name_ar: spec.name_ar,
      aliases: [...new Set(mentions.map((m) => m.text))],
      ...(spec.wikidata ? { wikidata: spec.wikidata } : {}),
      mentions,
    };
  });
  return { ...doc, entities };
}

export const WAGNER: EntitySpec = {
  id: 'ent-wagner',
  type: 'organization',
  kind: 'private_military_company',
  name: 'Wagner Group',
  name_ar: 'فاغنر',
  forms: ['مجموعة فاغنر', 'فاغنر'],
  wikidata: 'Q19885956',
};
export const MALI: EntitySpec = {
  id: 'ent-mali',
  type: 'location',
  kind: 'country',
  name: 'Mali',
  name_ar: 'مالي',
  forms: ['باماكو', 'مالي'],
};
export const MALI_ARMY: EntitySpec = {
  id: 'ent-mali-army',
  type: 'organization',
  kind: 'military',
  name: 'Malian Armed Forces',
  name_ar: 'الجيش المالي',
  forms: ['الجيش المالي'],
};
export const TIMBUKTU: EntitySpec = {
  id: 'ent-timbuktu',
  type: 'location',
  kind: 'city',
  name: 'Timbuktu',
  name_ar: 'تمبكتو',
  forms: ['تمبكتو'],
};
export const ALGERIA: EntitySpec = {
  id: 'ent-algeria',
  type: 'location',
  kind: 'country',
  name: 'Algeria',
  name_ar: 'الجزائر',
  forms: ['الجزائر'],
};
/** A name the KB does not know, minted by the linker (made up: «فاجنر» as one paper spells it). */
export const FAJNER: EntitySpec = {
  id: 'ent-new-fajner',
  type: 'organization',
  name: null,
  name_ar: 'فاجنر',
  forms: ['فاجنر'],
};

export const withdrawal = withEntities(
  makeDoc({
    source: 'files/withdrawal.txt',
    title: 'انسحاب من الشمال',
    body: 'أعلنت مجموعة فاغنر انسحابها من مواقع في مالي، وقالت باماكو إن عناصر فاغنر غادروا.',
    published: '2024-03-01',
  }),
  [WAGNER, MALI],
);

export const arrival = withEntities(
  makeDoc({
    source: 'https://news.example.org/arrival',
    kind: 'url',
    title: 'وصول مقاتلين',
    body: 'وصل مقاتلو فاجنر إلى تمبكتو حيث ينتشر الجيش المالي منذ أسابيع.',
    published: '2024-04-10',
  }),
  [FAJNER, TIMBUKTU, MALI_ARMY],
);

export const operation = withEntities(
  makeDoc({
    source: 'files/operation.txt',
    title: 'عملية عسكرية',
    body: 'قال الجيش المالي إن فاغنر شاركت في العملية قرب تمبكتو شمال مالي.',
    published: '2024-02-15',
  }),
  [MALI_ARMY, WAGNER, TIMBUKTU, MALI],
);

export const talks = withEntities(
  makeDoc({
    source: 'feeds/talks.xml#1',
    kind: 'feed',
    title: null,
    body: 'التقى مسؤولون من مالي في الجزائر لبحث اتفاق السلام.',
    published: null,
  }),
  [MALI, ALGERIA],
);

/** In ingest order. */
export const entityCorpus = [withdrawal, arrival, operation, talks];
