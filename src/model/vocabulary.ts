// The closed vocabularies of marsad.document/v1 (see ../shared/eval/FORMAT.md), with labels.
// Types, the JSON Schema, database CHECKs and UI labels all derive from these arrays.

export const ENTITY_TYPES = ['person', 'organization', 'location'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const ENTITY_KINDS = [
  'country',
  'city',
  'region',
  'geographic_feature',
  'facility',
  'person_official',
  'armed_group',
  'terrorist_group',
  'military',
  'government_body',
  'political_alliance',
  'international_org',
  'private_military_company',
  'company',
  'media',
  'think_tank',
  'ngo',
  'mission',
  'other',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Event types with their ACLED event type and PLOVER category. */
export const EVENT_TYPE_TABLE = {
  armed_clash: { acled: 'Battles', plover: 'FIGHT', ar: 'اشتباك مسلح', en: 'Armed clash' },
  territory_change: { acled: 'Battles', plover: 'FIGHT', ar: 'تغير السيطرة', en: 'Territory change' },
  remote_violence: {
    acled: 'Explosions/Remote violence',
    plover: 'FIGHT',
    ar: 'عنف عن بعد',
    en: 'Remote violence',
  },
  violence_against_civilians: {
    acled: 'Violence against civilians',
    plover: 'ASSAULT',
    ar: 'عنف ضد المدنيين',
    en: 'Violence against civilians',
  },
  coup: { acled: 'Strategic developments', plover: 'COERCE', ar: 'انقلاب', en: 'Coup' },
  agreement: { acled: 'Strategic developments', plover: 'AGREE', ar: 'اتفاق', en: 'Agreement' },
  diplomatic_break: {
    acled: 'Strategic developments',
    plover: 'REDUCE',
    ar: 'قطع العلاقات',
    en: 'Diplomatic break',
  },
  accusation: { acled: 'Strategic developments', plover: 'ACCUSE', ar: 'اتهام', en: 'Accusation' },
  military_aid: { acled: 'Strategic developments', plover: 'AID', ar: 'دعم عسكري', en: 'Military aid' },
  deployment: { acled: 'Strategic developments', plover: 'MOBILIZE', ar: 'انتشار', en: 'Deployment' },
  withdrawal: { acled: 'Strategic developments', plover: 'RETREAT', ar: 'انسحاب', en: 'Withdrawal' },
  meeting: { acled: 'Strategic developments', plover: 'CONSULT', ar: 'لقاء', en: 'Meeting' },
  vote: { acled: 'Strategic developments', plover: null, ar: 'تصويت', en: 'Vote' },
  other: { acled: 'Strategic developments', plover: 'OTHER', ar: 'أخرى', en: 'Other' },
} as const;
export type EventType = keyof typeof EVENT_TYPE_TABLE;
export const EVENT_TYPES = Object.keys(EVENT_TYPE_TABLE) as [EventType, ...EventType[]];

export const RELATION_TYPES = [
  'member_of',
  'leader_of',
  'spokesperson_of',
  'affiliated_with',
  'allied_with',
  'supports',
  'hostile_to',
  'severed_ties_with',
  'located_in',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];
/** Relations that hold both ways: (a, b) and (b, a) are the same relation. */
export const SYMMETRIC_RELATIONS: ReadonlySet<RelationType> = new Set(['allied_with', 'hostile_to']);

export const STANCES = ['assert', 'deny', 'allege', 'hedge'] as const;
export type Stance = (typeof STANCES)[number];

export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
