import { z } from 'zod';
import {
  type AnalysedDocument,
  type Claim,
  ENTITY_KINDS,
  ENTITY_TYPES,
  type Entity,
  type EntityKind,
  type EntityType,
  type Event,
  type Relation,
} from '../model/index.js';

// The cross-document views of entities and the analyst's edits. The store (a later layer) keeps
// and answers them; these declarations live here so that corpus logic and the store share them.

export interface EntityQuery {
  type?: EntityType;
  kind?: EntityKind;
  /** A substring of a name, an alias or the id (matched on the normalised form too). */
  q?: string;
  /** Only ids starting with this (`ent-new-` = the minted ones). */
  idPrefix?: string;
  limit?: number;
  offset?: number;
}

/** One entity across the corpus. Names and type are those of its latest document. */
export interface EntitySummary {
  id: string;
  type: EntityType;
  kind: EntityKind | null;
  name: string | null;
  name_ar: string | null;
  /** Documents mentioning it. */
  documents: number;
  /** Mentions over all documents. */
  mentions: number;
  /** Earliest and latest publication date of those documents (null when none is dated). */
  firstSeen: string | null;
  lastSeen: string | null;
}

export interface EntityList {
  total: number;
  entities: EntitySummary[];
}

export interface DossierOptions {
  /** Documents listed (the count is always complete). */
  documentsLimit?: number;
  /** Co-occurring entities listed. */
  coLimit?: number;
}

export interface DossierDocument {
  id: string;
  source: string;
  title: string | null;
  published: string | null;
  mentions: number;
}

export interface CoOccurrence {
  id: string;
  type: EntityType;
  kind: EntityKind | null;
  name: string | null;
  name_ar: string | null;
  /** Documents that mention both. */
  shared: number;
}

export interface EntityDossier extends EntitySummary {
  wikidata: string | null;
  /** Every name, alias and mention text seen for it, with how many documents used it. */
  names: { form: string; documents: number }[];
  /** In publication order (undated last), at most documentsLimit. */
  documentList: DossierDocument[];
  /** Ranked by shared documents. */
  coOccurring: CoOccurrence[];
  /** Other entities the reference also names (when it was a name, not an id). */
  alsoMatches: string[];
}

// ---- analyst edits

/** An entity as the edit saw it: enough to write KB patches without looking anything up again. */
export const EditEntity = z.object({
  id: z.string().min(1),
  type: z.enum(ENTITY_TYPES),
  kind: z.enum(ENTITY_KINDS).nullable(),
  name: z.string().nullable(),
  name_ar: z.string().nullable(),
  wikidata: z.string().nullable(),
  /** The KB entry the edit patches: the entity's own, or the one it is promoted to. */
  kbId: z.string(),
  /** True when kbId already existed in the KB (shipped, user or an earlier edit). */
  inKb: z.boolean(),
  /** Names and surface forms seen in the corpus. */
  forms: z.array(z.string()),
});
export type EditEntity = z.infer<typeof EditEntity>;

export const MergeEdit = z.object({
  op: z.literal('merge'),
  /** Survives. */
  target: EditEntity,
  /** Absorbed into target. */
  absorbed: EditEntity,
});
export const SplitEdit = z.object({
  op: z.literal('split'),
  from: EditEntity,
  /** The surface form whose mentions leave `from`. */
  form: z.string().min(1),
  created: z.object({
    id: z.string().min(1),
    kbId: z.string(),
    name: z.string().nullable(),
    name_ar: z.string().nullable(),
  }),
});
export const RenameEdit = z.object({
  op: z.literal('rename'),
  entity: EditEntity,
  name: z.string().nullable(),
  name_ar: z.string().nullable(),
});
export const EntityEdit = z.discriminatedUnion('op', [MergeEdit, SplitEdit, RenameEdit]);
export type MergeEdit = z.infer<typeof MergeEdit>;
export type SplitEdit = z.infer<typeof SplitEdit>;
export type RenameEdit = z.infer<typeof RenameEdit>;
export type EntityEdit = z.infer<typeof EntityEdit>;

export interface EntityEditRecord {
  /** 1, 2, 3… in the order the edits were made. */
  seq: number;
  at: string;
  edit: EntityEdit;
  /** When it was undone, or null while it applies. */
  undoneAt: string | null;
  /** Documents rewritten when it was made. */
  documents: number;
}

/** What a document's entity-bearing arrays were before an edit touched it (for undo). */
export interface EntitySnapshot {
  entities: Entity[];
  events: Event[];
  claims: Claim[];
  relations: Relation[];
}

export interface EntityEditChange {
  /** The document after the edit. */
  doc: AnalysedDocument;
  before: EntitySnapshot;
}

/**
 * The part of the Store the corpus jobs use (declared here, structurally: the store is a later
 * layer; every Store satisfies it).
 */
export interface CorpusStore {
  getDocument(ref: string): Promise<AnalysedDocument | null>;
  updateDocument(doc: AnalysedDocument): Promise<boolean>;
  listEntities(query?: EntityQuery): Promise<EntityList>;
  getEntityDossier(ref: string, options?: DossierOptions): Promise<EntityDossier | null>;
  documentsWithEntities(entityIds: readonly string[]): Promise<string[]>;
  recordEntityEdit(edit: EntityEdit, changes: readonly EntityEditChange[]): Promise<EntityEditRecord>;
  listEntityEdits(): Promise<EntityEditRecord[]>;
  getEntityEditSnapshots(seq: number): Promise<{ documentId: string; before: EntitySnapshot }[]>;
  undoEntityEdit(seq: number, docs: readonly AnalysedDocument[]): Promise<EntityEditRecord>;
}
