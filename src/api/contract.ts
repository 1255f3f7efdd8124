// The HTTP API's response shapes, declared once: the routes validate against them, the OpenAPI
// document is generated from them, and the web app imports the TypeScript types (`import type`
// only). Shapes the project already declares elsewhere (corpus interfaces, the document model) are
// mirrored here and checked against the originals at compile time (see the end of the file), so
// the two cannot drift apart silently.
import { z } from '@hono/zod-openapi';
import type {
  AggregatedRelation as CorpusAggregatedRelation,
  ClaimGroup as CorpusClaimGroup,
  EntityDossier as CorpusEntityDossier,
  EntitySummary as CorpusEntitySummary,
  GraphEdge as CorpusGraphEdge,
  GraphNode as CorpusGraphNode,
} from '../corpus/index.js';
import type { IngestReport as JobIngestReport } from '../jobs/index.js';
import {
  DATE_PRECISIONS,
  ENTITY_KINDS,
  ENTITY_TYPES,
  ERROR_CODES,
  EVENT_TYPES,
  Claim as ModelClaim,
  DateRange as ModelDateRange,
  Entity as ModelEntity,
  Event as ModelEvent,
  Relation as ModelRelation,
  type SearchHit as ModelSearchHit,
  type TemporalMention as ModelTemporalMention,
  RELATION_TYPES,
  SOURCE_KINDS,
  STANCES,
} from '../model/index.js';
import type { DocumentSummary as StoreDocumentSummary } from '../store/index.js';

// ---- building blocks

// Model schemas are rebuilt from their shapes: a schema made before zod-openapi extended zod (the
// model is loaded first) has no .openapi().

export const Span = z.object({ start: z.number().int(), end: z.number().int() }).openapi('Span');
export type Span = z.infer<typeof Span>;

export const DateRange = z.object(ModelDateRange.shape).openapi('DateRange');
export type DateRange = z.infer<typeof DateRange>;

export const EntityType = z.enum(ENTITY_TYPES).openapi('EntityType');
export const EntityKind = z.enum(ENTITY_KINDS).openapi('EntityKind');
export const EventType = z.enum(EVENT_TYPES).openapi('EventType');
export const RelationType = z.enum(RELATION_TYPES).openapi('RelationType');
export const Stance = z.enum(STANCES).openapi('Stance');

export const ApiError = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES).or(z.enum(['E_UNAUTHORIZED', 'E_FORBIDDEN', 'E_BUSY'])),
      message: z.string(),
    }),
  })
  .openapi('Error');
export type ApiError = z.infer<typeof ApiError>;

/** Every list: `?limit=` (default 50, max 500) and `?offset=` (default 0). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    total: z.number().int(),
    offset: z.number().int(),
    limit: z.number().int(),
    items: z.array(item),
  });
}
export interface Page<T> {
  total: number;
  offset: number;
  limit: number;
  items: T[];
}

/** Enough of an entity to name it next to an id (actors, places, speakers). */
export const EntityRef = z
  .object({
    id: z.string(),
    type: EntityType,
    kind: EntityKind.nullable(),
    name: z.string().nullable(),
    name_ar: z.string().nullable(),
  })
  .openapi('EntityRef');
export type EntityRef = z.infer<typeof EntityRef>;

// ---- health

export const Health = z
  .object({
    ok: z.literal(true),
    version: z.string(),
    documents: z.number().int(),
    entities: z.number().int(),
    events: z.number().int(),
  })
  .openapi('Health');
export type Health = z.infer<typeof Health>;

// ---- documents

export const DocumentSummary = z
  .object({
    id: z.string(),
    source: z.string(),
    title: z.string().nullable(),
    published: z.string().nullable(),
    ingestedAt: z.string(),
    chars: z.number().int(),
  })
  .openapi('DocumentSummary');
export type DocumentSummary = z.infer<typeof DocumentSummary>;
export const DocumentPage = pageOf(DocumentSummary).openapi('DocumentPage');
export type DocumentPage = Page<DocumentSummary>;

export const Entity = z.object(ModelEntity.shape).openapi('Entity');
export type Entity = z.infer<typeof Entity>;
export const Event = z.object(ModelEvent.shape).openapi('Event');
export type Event = z.infer<typeof Event>;
export const Claim = z.object(ModelClaim.shape).openapi('Claim');
export type Claim = z.infer<typeof Claim>;
export const Relation = z.object(ModelRelation.shape).openapi('Relation');
export type Relation = z.infer<typeof Relation>;

/** A temporal expression in the text («أواخر يوليو», «أمس») and the range it resolves to. */
export const DateMention = z
  .object({
    start: z.number().int(),
    end: z.number().int(),
    text: z.string(),
    /** date: absolute; relative: resolved on an anchor; vague: «مؤخراً»; duration: «لمدة ثلاثة أيام». */
    kind: z.enum(['date', 'relative', 'vague', 'duration']),
    /** Null when it does not resolve (an unanchored relative, a vague one, a duration). */
    value: DateRange.nullable(),
  })
  .openapi('DateMention');
export type DateMention = z.infer<typeof DateMention>;

/** A stored document: the marsad.document/v1 content, flat, with what a reader view needs. */
export const DocumentView = z
  .object({
    id: z.string(),
    source: z.string(),
    kind: z.enum(SOURCE_KINDS),
    url: z.string().nullable(),
    title: z.string().nullable(),
    published: z.string().nullable(),
    language: z.string(),
    /** The cleaned text; every offset in this response points into it. */
    text: z.string(),
    /** Where the body starts in `text` (after the title and a blank line). */
    bodyStart: z.number().int(),
    entities: z.array(Entity),
    events: z.array(Event),
    claims: z.array(Claim),
    relations: z.array(Relation),
    warnings: z.array(z.string()),
  })
  .openapi('Document');
export type DocumentView = z.infer<typeof DocumentView>;

export const DocumentDetail = z
  .object({
    document: DocumentView,
    sentences: z.array(Span),
    dates: z.array(DateMention),
  })
  .openapi('DocumentDetail');
export type DocumentDetail = z.infer<typeof DocumentDetail>;

// ---- search

export const SearchHit = z
  .object({
    id: z.string(),
    source: z.string(),
    title: z.string().nullable(),
    published: z.string().nullable(),
    score: z.number(),
    /** A passage of the cleaned text around the best match. */
    snippet: z.string(),
    /** Matched words inside `snippet`, as offsets into the snippet string. */
    snippetHighlights: z.array(Span),
    /** Every matched word in the document, as offsets into its cleaned text. */
    highlights: z.array(Span),
  })
  .openapi('SearchHit');
export type SearchHit = z.infer<typeof SearchHit>;
export const SearchPage = pageOf(SearchHit).openapi('SearchPage');
export type SearchPage = Page<SearchHit>;

// ---- entities

export const EntitySummary = z
  .object({
    id: z.string(),
    type: EntityType,
    kind: EntityKind.nullable(),
    name: z.string().nullable(),
    name_ar: z.string().nullable(),
    documents: z.number().int(),
    mentions: z.number().int(),
    firstSeen: z.string().nullable(),
    lastSeen: z.string().nullable(),
  })
  .openapi('EntitySummary');
export type EntitySummary = z.infer<typeof EntitySummary>;
export const EntityPage = pageOf(EntitySummary).openapi('EntityPage');
export type EntityPage = Page<EntitySummary>;

export const EntityDossier = EntitySummary.extend({
  wikidata: z.string().nullable(),
  names: z.array(z.object({ form: z.string(), documents: z.number().int() })),
  documentList: z.array(
    z.object({
      id: z.string(),
      source: z.string(),
      title: z.string().nullable(),
      published: z.string().nullable(),
      mentions: z.number().int(),
    }),
  ),
  coOccurring: z.array(
    z.object({
      id: z.string(),
      type: EntityType,
      kind: EntityKind.nullable(),
      name: z.string().nullable(),
      name_ar: z.string().nullable(),
      shared: z.number().int(),
    }),
  ),
  alsoMatches: z.array(z.string()),
}).openapi('EntityDossier');
export type EntityDossier = z.infer<typeof EntityDossier>;

// ---- claims

export const ClaimRecord = z
  .object({
    key: z.string(),
    claimId: z.string(),
    documentId: z.string(),
    source: z.string(),
    outlet: z.string(),
    published: z.string().nullable(),
    speaker: z.string().nullable(),
    speakerName: z.string().nullable(),
    stance: Stance,
    cue: z.string(),
    quote: z.string(),
    /** Offsets of the quote in the document's cleaned text. */
    content: Span,
    about: z.array(z.string()),
    stems: z.array(z.string()),
  })
  .openapi('ClaimRecord');
export type ClaimRecord = z.infer<typeof ClaimRecord>;

const GroupSpeaker = z
  .object({ id: z.string().nullable(), name: z.string().nullable(), claims: z.number().int() })
  .openapi('GroupSpeaker');

export const ClaimGroup = z
  .object({
    id: z.string(),
    claims: z.array(ClaimRecord),
    about: z.array(z.string()),
    asserting: z.array(GroupSpeaker),
    denying: z.array(GroupSpeaker),
    alleging: z.array(GroupSpeaker),
    hedging: z.array(GroupSpeaker),
    documents: z.number().int(),
    outlets: z.number().int(),
    speakers: z.number().int(),
    independentSources: z.number().int(),
    firstSeen: z.string().nullable(),
    lastSeen: z.string().nullable(),
    contested: z.boolean(),
  })
  .openapi('ClaimGroup');
export type ClaimGroup = z.infer<typeof ClaimGroup>;

/** A claim group with the entities its `about` and speakers name. */
export const ClaimGroupView = ClaimGroup.extend({ entities: z.array(EntityRef) }).openapi('ClaimGroupView');
export type ClaimGroupView = z.infer<typeof ClaimGroupView>;
export const ClaimPage = pageOf(ClaimGroupView).openapi('ClaimPage');
export type ClaimPage = Page<ClaimGroupView>;

// ---- relations

export const RelationEvidence = z
  .object({
    documentId: z.string(),
    source: z.string(),
    published: z.string().nullable(),
    start: z.number().int(),
    end: z.number().int(),
    quote: z.string(),
  })
  .openapi('RelationEvidence');

export const AggregatedRelation = z
  .object({
    id: z.string(),
    type: RelationType,
    source: z.string(),
    target: z.string(),
    symmetric: z.boolean(),
    evidence: z.array(RelationEvidence),
    documents: z.number().int(),
    sources: z.number().int(),
    start: z.string().nullable(),
    end: z.string().nullable(),
    firstSeen: z.string().nullable(),
    lastSeen: z.string().nullable(),
    deniedBy: z.array(z.string()),
    denials: z.number().int(),
    confidence: z.number(),
  })
  .openapi('AggregatedRelation');
export type AggregatedRelation = z.infer<typeof AggregatedRelation>;

/** An aggregated relation with its two ends named. */
export const RelationView = AggregatedRelation.extend({
  sourceEntity: EntityRef.nullable(),
  targetEntity: EntityRef.nullable(),
}).openapi('RelationView');
export type RelationView = z.infer<typeof RelationView>;
export const RelationPage = pageOf(RelationView).openapi('RelationPage');
export type RelationPage = Page<RelationView>;

// ---- events

export const EventEvidence = z
  .object({
    document: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    /** The evidence passage's text. */
    sentence: z.string(),
  })
  .openapi('EventEvidence');

/** One real event: its reports in every document merged (one corpus id). */
export const CorpusEvent = z
  .object({
    id: z.string(),
    type: EventType,
    date: DateRange.nullable(),
    /** Entity id of the place, or null. */
    location: z.string().nullable(),
    /** Entity ids, agent first. */
    actors: z.array(z.string()),
    fatalities: z.object({ min: z.number().int().nullable(), max: z.number().int().nullable() }).nullable(),
    /** Document sources (file names, URLs). */
    sources: z.array(z.string()),
    /** Document ids. */
    documents: z.array(z.string()),
    evidence: z.array(EventEvidence),
    /** The actors and the place, named. */
    entities: z.array(EntityRef),
  })
  .openapi('CorpusEvent');
export type CorpusEvent = z.infer<typeof CorpusEvent>;
export const EventPage = pageOf(CorpusEvent).openapi('EventPage');
export type EventPage = Page<CorpusEvent>;

export const TimelineItem = z
  .object({
    id: z.string(),
    type: EventType,
    date: DateRange,
    /** A short passage reporting the event. */
    label: z.string(),
    location: z.string().nullable(),
    actors: z.array(z.string()),
    documents: z.array(z.string()),
    entities: z.array(EntityRef),
  })
  .openapi('TimelineItem');
export type TimelineItem = z.infer<typeof TimelineItem>;
export const TimelinePage = pageOf(TimelineItem).openapi('TimelinePage');
export type TimelinePage = Page<TimelineItem>;

// ---- entity detail

export const EntityDetail = z
  .object({
    entity: EntityDossier,
    /** Relations with this entity at either end (at most 500; `counts` has the totals). */
    relations: z.array(RelationView),
    /** Corpus events it is an actor or the location of (at most 500). */
    events: z.array(CorpusEvent),
    claims: z.object({
      /** Groups where it speaks (at most 500). */
      by: z.array(ClaimGroupView),
      /** Groups about it (at most 500). */
      about: z.array(ClaimGroupView),
    }),
    counts: z.object({
      relations: z.number().int(),
      events: z.number().int(),
      claimsBy: z.number().int(),
      claimsAbout: z.number().int(),
    }),
  })
  .openapi('EntityDetail');
export type EntityDetail = z.infer<typeof EntityDetail>;

// ---- graph

export const GraphNode = z
  .object({
    id: z.string(),
    label: z.string(),
    name: z.string().nullable(),
    name_ar: z.string().nullable(),
    type: EntityType,
    kind: EntityKind.nullable(),
    aliases: z.array(z.string()),
    wikidata: z.string().nullable(),
    documents: z.number().int(),
  })
  .openapi('GraphNode');
export type GraphNode = z.infer<typeof GraphNode>;

export const GraphEdge = z
  .object({
    id: z.string(),
    source: z.string(),
    target: z.string(),
    type: z.string(),
    directed: z.boolean(),
    weight: z.number(),
    sources: z.number().int(),
    documents: z.number().int(),
    start: z.string().nullable(),
    end: z.string().nullable(),
  })
  .openapi('GraphEdge');
export type GraphEdge = z.infer<typeof GraphEdge>;

export const GraphView = z.object({ nodes: z.array(GraphNode), edges: z.array(GraphEdge) }).openapi('Graph');
export type GraphView = z.infer<typeof GraphView>;

// ---- map

export const MapPlace = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    name_ar: z.string().nullable(),
    lat: z.number(),
    lon: z.number(),
    /** KB id of the country the place is in (the place itself for a country), or null. */
    country: z.string().nullable(),
    kind: EntityKind.nullable(),
    /** Documents mentioning it. */
    documents: z.number().int(),
    /** Corpus events located there. */
    events: z.number().int(),
  })
  .openapi('MapPlace');
export type MapPlace = z.infer<typeof MapPlace>;

export const MapEvent = z
  .object({
    id: z.string(),
    type: EventType,
    date: DateRange.nullable(),
    lat: z.number(),
    lon: z.number(),
    label: z.string(),
    location: z.string(),
  })
  .openapi('MapEvent');
export type MapEvent = z.infer<typeof MapEvent>;

export const MapView = z.object({ places: z.array(MapPlace), events: z.array(MapEvent) }).openapi('Map');
export type MapView = z.infer<typeof MapView>;

// ---- ingest jobs

export const IngestReport = z
  .object({
    seen: z.number().int(),
    stored: z.number().int(),
    duplicates: z.number().int(),
    failed: z.number().int(),
    failures: z.array(z.object({ source: z.string(), code: z.enum(ERROR_CODES), message: z.string() })),
    storedIds: z.array(z.string()),
    corpus: z.object({
      clusters: z.number().int(),
      clustered: z.number().int(),
      edited: z.number().int(),
      eventsMerged: z.number().int(),
    }),
    elapsedMs: z.number(),
  })
  .openapi('IngestReport');
export type IngestReport = z.infer<typeof IngestReport>;

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export const Job = z
  .object({
    id: z.string(),
    status: z.enum(JOB_STATUSES),
    /** Articles processed so far. */
    done: z.number().int(),
    /** Articles expected, once known (null while the inputs are still being read). */
    total: z.number().int().nullable(),
    /** What the job was given: file names, "text" or the URL. */
    inputs: z.array(z.string()),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    /** When done. */
    report: IngestReport.optional(),
    /** When failed as a whole (a bad article is a failure line in the report instead). */
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  })
  .openapi('Job');
export type Job = z.infer<typeof Job>;
export const JobEnvelope = z.object({ job: Job }).openapi('JobEnvelope');
export type JobEnvelope = z.infer<typeof JobEnvelope>;

/** POST /api/ingest with a JSON body: a text, or a URL. */
export const IngestTextBody = z
  .object({
    text: z.string().min(1, 'text must not be empty'),
    title: z.string().optional(),
    source: z.string().optional(),
    published: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
      .optional(),
  })
  .strict();
export const IngestUrlBody = z.object({ url: z.url({ protocol: /^https?$/ }) }).strict();
export const IngestJsonBody = z.union([IngestTextBody, IngestUrlBody]).openapi('IngestJson');
export type IngestJsonBody = z.infer<typeof IngestJsonBody>;

export const EXPORT_FORMATS = ['jsonl', 'acled', 'gexf', 'graphml', 'csv', 'ftm'] as const;
export type ApiExportFormat = (typeof EXPORT_FORMATS)[number];
export const DATE_PRECISION_VALUES = DATE_PRECISIONS;

// ---- compile-time checks: the mirrors above match the project's own types

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type ContractChecks = [
  Assert<Same<DocumentSummary, StoreDocumentSummary>>,
  Assert<Same<SearchHit, ModelSearchHit>>,
  Assert<Same<EntitySummary, CorpusEntitySummary>>,
  Assert<Same<EntityDossier, CorpusEntityDossier>>,
  Assert<Same<ClaimGroup, CorpusClaimGroup>>,
  Assert<Same<AggregatedRelation, CorpusAggregatedRelation>>,
  Assert<Same<GraphNode, CorpusGraphNode>>,
  Assert<Same<GraphEdge, CorpusGraphEdge>>,
  Assert<Same<IngestReport, JobIngestReport>>,
  Assert<Same<DateMention, ModelTemporalMention>>,
];
