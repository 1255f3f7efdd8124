import type { SearchAnalyzer } from '../model/index.js';

// Turning what a user typed into something every store can search for, without any of the
// user's characters ever reaching a database query language: the store only sees analyzer terms.

/** One thing a document must contain: a single term, or a phrase (terms in a row). */
export type QueryPart = { kind: 'term'; term: string } | { kind: 'phrase'; terms: string[] };

export interface ParsedQuery {
  parts: QueryPart[];
}

/** A term worth searching for has a letter or a digit; punctuation-only terms are dropped. */
const SEARCHABLE = /[\p{L}\p{N}]/u;

function termsOf(analyzer: SearchAnalyzer, text: string): string[] {
  const out: string[] = [];
  for (const token of analyzer.tokens(text)) {
    const term = token.term.trim();
    if (term !== '' && SEARCHABLE.test(term)) out.push(term);
  }
  return out;
}

/**
 * Bare words are ANDed; "double-quoted text" is a phrase. A lone quote opens a phrase that runs to
 * the end (`"المجلس العسكري` is read as the phrase المجلس العسكري). Words are analysed exactly as
 * the indexed text was, so والمتمردين in a query finds المتمردين in a document.
 */
export function parseQuery(q: string, analyzer: SearchAnalyzer): ParsedQuery {
  const parts: QueryPart[] = [];
  const seen = new Set<string>();
  const add = (part: QueryPart): void => {
    const key = part.kind === 'term' ? `t:${part.term}` : `p:${part.terms.join(' ')}`;
    if (seen.has(key)) return;
    seen.add(key);
    parts.push(part);
  };
  const pieces = q.split('"');
  pieces.forEach((piece, i) => {
    const terms = termsOf(analyzer, piece);
    const quoted = i % 2 === 1;
    if (quoted && terms.length > 1) add({ kind: 'phrase', terms });
    else for (const term of terms) add({ kind: 'term', term });
  });
  return { parts };
}

/** Every term of the query, phrases included (for a quick "is this a query term" check). */
export function queryTerms(parsed: ParsedQuery): string[] {
  return parsed.parts.flatMap((p) => (p.kind === 'term' ? [p.term] : p.terms));
}
