import { z } from 'zod';
import {
  ENTITY_KINDS,
  ENTITY_TYPES,
  type EntityKind,
  type EntityType,
  RELATION_TYPES,
} from '../model/index.js';

// One knowledge-base entry as written in data/kb/*.yaml (or a user's file). A file entry is a
// *patch*: only `id` is required, so a user file can say `- {id: wagner, aliases_ar: [فاغنرز]}`.
// After every file is merged, each entity must satisfy the complete shape (KbEntity).

/** A stable slug: lower-case ASCII words joined by hyphens (`wagner`, `burkina-faso`). */
export const KbId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a slug of lower-case letters, digits and hyphens');

const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3]/;
const ArabicText = z
  .string()
  .trim()
  .min(1)
  .refine((s) => ARABIC_LETTER.test(s), 'expected Arabic script');
const LatinText = z.string().trim().min(1);

/** A year (2017) or an ISO date with optional month/day ('2021-05', '2021-05-24'). */
const Validity = z.union([
  z.number().int().min(1000).max(2999),
  z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a year or YYYY[-MM[-DD]]'),
]);

const OneOrMany = z.union([ArabicText, z.array(ArabicText)]);

export const Demonyms = z.strictObject({
  /** masculine singular: مالي (المالي) */
  m: OneOrMany.optional(),
  /** feminine singular: مالية (المالية) */
  f: OneOrMany.optional(),
  /** masculine plural, both cases: ماليون / ماليين */
  pl: OneOrMany.optional(),
  /** feminine plural: ماليات */
  pl_f: OneOrMany.optional(),
});

export const KbLink = z.strictObject({
  type: z.enum(RELATION_TYPES),
  target: KbId,
  from: Validity.optional(),
  until: Validity.optional(),
});
export type KbLink = z.infer<typeof KbLink>;

export const KbEntryPatch = z.strictObject({
  id: KbId,
  type: z.enum(ENTITY_TYPES).optional(),
  kind: z.enum(ENTITY_KINDS).optional(),
  name: LatinText.optional(),
  name_ar: ArabicText.optional(),
  aliases_ar: z.array(ArabicText).optional(),
  aliases: z.array(LatinText).optional(),
  name_fr: LatinText.optional(),
  wikidata: z
    .string()
    .regex(/^Q[1-9]\d*$/, 'expected a Wikidata id like Q912')
    .optional(),
  country: KbId.optional(),
  coordinates: z.tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)]).optional(),
  stands_for: KbId.optional(),
  demonyms_ar: Demonyms.optional(),
  links: z.array(KbLink).optional(),
  from: Validity.optional(),
  until: Validity.optional(),
  cca2: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  cca3: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  /** A short English gloss for people reading the KB and for disambiguation UIs. */
  description: z.string().optional(),
  /** In an override: list fields given here replace the earlier lists instead of adding to them. */
  replace: z.boolean().optional(),
});
export type KbEntryPatch = z.infer<typeof KbEntryPatch>;

export interface KbDemonyms {
  readonly m: readonly string[];
  readonly f: readonly string[];
  readonly pl: readonly string[];
  readonly pl_f: readonly string[];
}

/** A merged, validated entity of the knowledge base. */
export interface KbEntity {
  readonly id: string;
  readonly type: EntityType;
  readonly kind: EntityKind;
  readonly name: string;
  readonly name_ar: string;
  readonly aliases_ar: readonly string[];
  readonly aliases: readonly string[];
  readonly name_fr?: string;
  readonly wikidata?: string;
  readonly country?: string;
  readonly coordinates?: readonly [number, number];
  readonly stands_for?: string;
  readonly demonyms_ar?: KbDemonyms;
  readonly links: readonly KbLink[];
  readonly from?: number | string;
  readonly until?: number | string;
  readonly cca2?: string;
  readonly cca3?: string;
  readonly description?: string;
  /** The files that defined or overrode this entity, in load order. */
  readonly sources: readonly string[];
}

/** Which entity type each kind belongs to (`other` fits any type). */
export const KIND_TYPE: Readonly<Record<EntityKind, EntityType | null>> = {
  country: 'location',
  city: 'location',
  region: 'location',
  geographic_feature: 'location',
  facility: 'location',
  person_official: 'person',
  armed_group: 'organization',
  terrorist_group: 'organization',
  military: 'organization',
  government_body: 'organization',
  political_alliance: 'organization',
  international_org: 'organization',
  private_military_company: 'organization',
  company: 'organization',
  media: 'organization',
  think_tank: 'organization',
  ngo: 'organization',
  mission: 'organization',
  other: null,
};

/** The corpus-wide entity id derived from a KB id (`wagner` → `ent-wagner`). */
export function kbEntityId(kbId: string): string {
  return `ent-${kbId}`;
}
