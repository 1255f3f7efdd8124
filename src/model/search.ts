import { z } from 'zod';
import { IsoDate } from './article.js';
import type { Span } from './span.js';

/**
 * One searchable token: its index term (normalised, clitics stripped, lightly stemmed, so that
 * والمتمردين and مُتمرّدين give the same term) and where it sits in the cleaned text.
 */
export interface SearchToken {
  term: string;
  start: number;
  end: number;
}

/** Turns text into index terms. The text layer provides the Arabic one; stores only call it. */
export interface SearchAnalyzer {
  /**
   * Changes whenever the terms it produces change: a store indexed by another version rebuilds
   * its index on open, so a query and the index never disagree on what a term is.
   */
  readonly version: string;
  tokens(text: string): SearchToken[];
}

export const SearchQuery = z.object({
  /** Words (all must match) and "quoted phrases". */
  q: z.string().min(1),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** Substring of the document source (file name, URL, host). */
  source: z.string().optional(),
  limit: z.number().int().positive().max(1000).default(20),
  offset: z.number().int().nonnegative().default(0),
});
export type SearchQuery = z.input<typeof SearchQuery>;

export interface SearchHit {
  id: string;
  source: string;
  title: string | null;
  published: string | null;
  /** Higher is better. */
  score: number;
  /** A passage of the cleaned text around the best match. */
  snippet: string;
  /** Matched words inside `snippet`, as offsets into the snippet string. */
  snippetHighlights: Span[];
  /** Every matched word in the document, as offsets into its cleaned text. */
  highlights: Span[];
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
}
