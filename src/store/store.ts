import type {
  DossierOptions,
  EntityDossier,
  EntityEdit,
  EntityEditChange,
  EntityEditRecord,
  EntityList,
  EntityQuery,
  EntitySnapshot,
} from '../corpus/index.js';
import type { AnalysedDocument, IngestFailure, SearchQuery, SearchResult } from '../model/index.js';

export interface DocumentSummary {
  id: string;
  source: string;
  title: string | null;
  published: string | null;
  ingestedAt: string;
  chars: number;
}

export interface ListOptions {
  limit?: number;
  offset?: number;
}

export interface PutResult {
  inserted: number;
  /** Ids already present (same cleaned text): stored once, never twice. */
  skipped: string[];
}

/**
 * What every store (SQLite by default, PostgreSQL later) offers. Async so that a networked
 * implementation fits; the contract tests in test/store/contract.ts run against each one.
 *
 * Errors are MarsadErrors: E_VALIDATION for a document that does not match the model (or whose id
 * is not the hash of its text), E_USAGE for a bad argument (an ambiguous id prefix, a search that
 * cannot be understood), E_STORE when the database refuses.
 */
export interface Store {
  readonly kind: string;
  /**
   * Insert documents atomically (all or none, in one transaction); a document whose id exists —
   * already stored, or earlier in the same batch — is skipped and listed in `skipped`.
   */
  putDocuments(docs: readonly AnalysedDocument[]): Promise<PutResult>;
  /**
   * Replace the stored analysis of an existing document (re-analysis) and re-index it with the
   * store's analyzer; the cleaned text, source and ingest time stay. False if absent.
   */
  updateDocument(doc: AnalysedDocument): Promise<boolean>;
  hasDocument(id: string): Promise<boolean>;
  /**
   * By full id, exact source (the latest document ingested from it), or unique id prefix (at least
   * 8 hex digits, with or without `sha256:`). An ambiguous prefix throws E_USAGE.
   */
  getDocument(ref: string): Promise<AnalysedDocument | null>;
  /** Summaries in ingest order. */
  listDocuments(options?: ListOptions): Promise<DocumentSummary[]>;
  countDocuments(): Promise<number>;
  /** All documents in ingest order, a page at a time, without loading the corpus in memory. */
  iterateDocuments(batchSize?: number): AsyncIterable<AnalysedDocument>;
  /** Record why a source failed; a second failure of the same source replaces the first. */
  recordFailure(failure: IngestFailure): Promise<void>;
  /** Forget the failure of a source (after it was ingested successfully); false if there was none. */
  clearFailure(source: string): Promise<boolean>;
  /** Failures in the order they were (last) recorded. */
  listFailures(options?: ListOptions): Promise<IngestFailure[]>;
  countFailures(): Promise<number>;
  /**
   * Bare words must all match; "quoted text" is a phrase. Any input is safe: nothing the user types
   * reaches the database's query syntax unescaped. A query with no searchable word has total 0.
   */
  search(query: SearchQuery): Promise<SearchResult>;

  // ---- the entity index, kept in step with the documents by putDocuments and updateDocument

  /**
   * Entities across the corpus, most documents first (then most mentions, then id). `q` matches a
   * name, alias or mention text (as typed, or after the analyzer's normalisation) or the id.
   */
  listEntities(query?: EntityQuery): Promise<EntityList>;
  /**
   * One entity's dossier, by id or by a name, alias or mention text (exact, or equal after the
   * analyzer's normalisation; the entity with most documents wins, the others are in alsoMatches).
   * Null when nothing matches.
   */
  getEntityDossier(ref: string, options?: DossierOptions): Promise<EntityDossier | null>;
  /** Ids of the documents mentioning any of these entities, in ingest order. */
  documentsWithEntities(entityIds: readonly string[]): Promise<string[]>;

  // ---- the analyst's entity edits (src/corpus/edits.ts): ordered, durable, reversible

  /**
   * In one transaction: append the edit to the log, rewrite the changed documents (`changes[].doc`)
   * and keep what they were (`changes[].before`) for undo.
   */
  recordEntityEdit(edit: EntityEdit, changes: readonly EntityEditChange[]): Promise<EntityEditRecord>;
  /** The whole log, oldest first, undone edits included (marked). */
  listEntityEdits(): Promise<EntityEditRecord[]>;
  /** The snapshots recorded with edit `seq` ([] for an unknown seq). */
  getEntityEditSnapshots(seq: number): Promise<{ documentId: string; before: EntitySnapshot }[]>;
  /**
   * In one transaction: mark edit `seq` undone and store the restored documents. E_NOT_FOUND for an
   * unknown seq, E_USAGE when it is already undone.
   */
  undoEntityEdit(seq: number, docs: readonly AnalysedDocument[]): Promise<EntityEditRecord>;
  close(): Promise<void>;
}
