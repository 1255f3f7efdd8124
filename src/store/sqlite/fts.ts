import type { ParsedQuery } from '../query.js';

// FTS5 query syntax is never built from user text: only from analyzer terms, each wrapped as an
// FTS5 string ("…", with " doubled), which FTS5 reads as a phrase of whatever tokens it contains.
// So AND, NEAR, *, ^, ( and : typed by a user are just characters of a term — or, more often,
// already gone, because the analyzer keeps only words.

const quote = (s: string): string => `"${s.replaceAll('"', '""')}"`;

/** The MATCH expression for a parsed query, or null when there is nothing to search for. */
export function toFtsMatch(parsed: ParsedQuery): string | null {
  const parts = parsed.parts.map((p) => (p.kind === 'term' ? quote(p.term) : quote(p.terms.join(' '))));
  return parts.length === 0 ? null : parts.join(' AND ');
}
