import { z } from 'zod';
import { IsoDate, SourceKind } from './article.js';
import { Span } from './span.js';
import {
  DATE_PRECISIONS,
  ENTITY_KINDS,
  ENTITY_TYPES,
  EVENT_TYPES,
  RELATION_TYPES,
  STANCES,
} from './vocabulary.js';

// marsad.document/v1 — the export contract of ../shared/eval/FORMAT.md, declared once.
// The JSON Schema in schema/ is generated from these (npm run gen:schema).

export const SCHEMA_ID = 'marsad.document/v1' as const;

/** An ISO date with optional month/day: 2024, 2024-07 or 2024-07-25. */
const PartialIsoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY[-MM[-DD]]');

export const DateRange = z.object({
  start: PartialIsoDate,
  end: PartialIsoDate,
  precision: z.enum(DATE_PRECISIONS),
});
export type DateRange = z.infer<typeof DateRange>;

/** A temporal expression of the text («الأحد 4 أغسطس 2024», «أواخر يوليو», «أمس»), for the reader. */
export const TemporalMention = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  /** date: absolute; relative: resolved on an anchor; vague: «مؤخراً»; duration: «لمدة ثلاثة أيام». */
  kind: z.enum(['date', 'relative', 'vague', 'duration']),
  /** The range it resolves to, or null (unresolved relative, vague, duration). */
  value: DateRange.nullable(),
});
export type TemporalMention = z.infer<typeof TemporalMention>;

export const Mention = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Mention = z.infer<typeof Mention>;

export const Entity = z.object({
  /** Corpus-wide id: the same real-world entity has the same id in every document. */
  id: z.string().min(1),
  type: z.enum(ENTITY_TYPES),
  kind: z.enum(ENTITY_KINDS).optional(),
  name: z.string().nullable(),
  name_ar: z.string().nullable(),
  aliases: z.array(z.string()),
  wikidata: z
    .string()
    .regex(/^Q\d+$/)
    .optional(),
  mentions: z.array(Mention),
});
export type Entity = z.infer<typeof Entity>;

export const Fatalities = z.object({
  min: z.number().int().nonnegative().nullable(),
  max: z.number().int().nonnegative().nullable(),
});

export const Event = z.object({
  id: z.string().min(1),
  type: z.enum(EVENT_TYPES),
  date: DateRange.nullable(),
  location: z.string().nullable(),
  actors: z.array(z.string()),
  fatalities: Fatalities.nullable(),
  evidence: z.array(Span),
});
export type Event = z.infer<typeof Event>;

export const Claim = z.object({
  id: z.string().min(1),
  speaker: z.string().nullable(),
  stance: z.enum(STANCES),
  cue: z.string(),
  content: Span,
  about: z.array(z.string()),
});
export type Claim = z.infer<typeof Claim>;

export const Relation = z.object({
  type: z.enum(RELATION_TYPES),
  source: z.string(),
  target: z.string(),
  date: DateRange.nullable(),
  evidence: z.array(Span),
});
export type Relation = z.infer<typeof Relation>;

export const DocumentHeader = z.object({
  /** `sha256:<hex>` of the cleaned text. */
  id: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  source: z.string(),
  title: z.string().nullable(),
  published: IsoDate.nullable(),
  language: z.string(),
});

/** One line of a marsad.document/v1 JSONL export. */
export const ExportDocument = z.object({
  schema: z.literal(SCHEMA_ID),
  document: DocumentHeader,
  text: z.string(),
  entities: z.array(Entity),
  events: z.array(Event),
  claims: z.array(Claim),
  relations: z.array(Relation),
});
export type ExportDocument = z.infer<typeof ExportDocument>;

/** What the analysis pipeline produces: the export content plus what Marsad keeps for itself. */
export const AnalysedDocument = z.object({
  id: DocumentHeader.shape.id,
  source: z.string(),
  kind: SourceKind,
  url: z.string().nullable(),
  title: z.string().nullable(),
  published: IsoDate.nullable(),
  language: z.string(),
  encoding: z.string().nullable(),
  /** The cleaned text: title, blank line, body. Never changes after ingest; offsets point into it. */
  text: z.string(),
  /** Where the body starts in `text` (0 when there is no title). */
  bodyStart: z.number().int().nonnegative(),
  sentences: z.array(Span),
  tokenCount: z.number().int().nonnegative(),
  /** Temporal expressions (Marsad's own: not in the export). Absent in documents stored before them. */
  dates: z.array(TemporalMention).default([]),
  entities: z.array(Entity),
  events: z.array(Event),
  claims: z.array(Claim),
  relations: z.array(Relation),
  warnings: z.array(z.string()),
});
export type AnalysedDocument = z.infer<typeof AnalysedDocument>;

export function toExportDocument(doc: AnalysedDocument): ExportDocument {
  return {
    schema: SCHEMA_ID,
    document: {
      id: doc.id,
      source: doc.source,
      title: doc.title,
      published: doc.published,
      language: doc.language,
    },
    text: doc.text,
    entities: doc.entities,
    events: doc.events,
    claims: doc.claims,
    relations: doc.relations,
  };
}
