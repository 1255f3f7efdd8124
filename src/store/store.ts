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
 */
export interface Store {
  readonly kind: string;
  /** Insert documents atomically (all or none); a document whose id exists is skipped. */
  putDocuments(docs: readonly AnalysedDocument[]): Promise<PutResult>;
  /** Replace the stored analysis of an existing document (re-analysis); false if absent. */
  updateDocument(doc: AnalysedDocument): Promise<boolean>;
  hasDocument(id: string): Promise<boolean>;
  /** By full id, unique id prefix (at least 8 hex digits after `sha256:` or bare), or exact source. */
  getDocument(ref: string): Promise<AnalysedDocument | null>;
  listDocuments(options?: ListOptions): Promise<DocumentSummary[]>;
  countDocuments(): Promise<number>;
  /** All documents in ingest order, a page at a time, without loading the corpus in memory. */
  iterateDocuments(batchSize?: number): AsyncIterable<AnalysedDocument>;
  recordFailure(failure: IngestFailure): Promise<void>;
  listFailures(options?: ListOptions): Promise<IngestFailure[]>;
  search(query: SearchQuery): Promise<SearchResult>;
  close(): Promise<void>;
}
