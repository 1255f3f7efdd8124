import type { SearchAnalyzer, SearchToken, Span } from '../model/index.js';
import type { ParsedQuery } from './query.js';

// Highlights and snippets come from the ORIGINAL cleaned text: the analyzer is run again over the
// hit's text and every token whose term is a query term (or that starts a phrase) is marked, so a
// query for متمردين highlights «والمتمرّدين» exactly as the reader sees it.

/** Index terms are compared the way the full-text index compares them (Latin case-folded). */
const fold = (term: string): string => term.toLowerCase();

export function findHighlights(text: string, parsed: ParsedQuery, analyzer: SearchAnalyzer): Span[] {
  const tokens: SearchToken[] = analyzer.tokens(text);
  const terms = new Set<string>();
  const phrases: string[][] = [];
  for (const part of parsed.parts) {
    if (part.kind === 'term') terms.add(fold(part.term));
    else phrases.push(part.terms.map(fold));
  }
  const marked = new Array<boolean>(tokens.length).fill(false);
  const folded = tokens.map((t) => fold(t.term.trim()));
  folded.forEach((term, i) => {
    if (terms.has(term)) marked[i] = true;
  });
  for (const phrase of phrases) {
    for (let i = 0; i + phrase.length <= folded.length; i++) {
      let match = true;
      for (let k = 0; k < phrase.length && match; k++) match = folded[i + k] === phrase[k];
      if (match) for (let k = 0; k < phrase.length; k++) marked[i + k] = true;
    }
  }
  const spans: Span[] = [];
  tokens.forEach((t, i) => {
    if (marked[i]) spans.push({ start: t.start, end: t.end });
  });
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  return spans.filter((s, i) => i === 0 || s.start !== spans[i - 1]!.start || s.end !== spans[i - 1]!.end);
}

export interface Snippet {
  snippet: string;
  snippetHighlights: Span[];
}

const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/.test(ch);
const ELLIPSIS = '…';
/** How far a cut may move to reach a word boundary before we give up and cut mid-word. */
const MAX_SHIFT = 30;

/**
 * A window of about `width` characters around the densest cluster of highlights, cut at word
 * boundaries, with … where text was cut. Runs of whitespace (line breaks) become one space.
 * Without highlights the window starts at `fallbackStart` (the body, after the title).
 */
export function makeSnippet(
  text: string,
  highlights: readonly Span[],
  width = 200,
  fallbackStart = 0,
): Snippet {
  const len = text.length;
  let start: number;
  let end: number;
  // The window must keep [keepStart, keepEnd) whole while moving to word boundaries.
  let keepStart: number;
  let keepEnd: number;
  if (len <= width) {
    start = 0;
    end = len;
    keepStart = 0;
    keepEnd = len;
  } else if (highlights.length === 0) {
    start = Math.min(fallbackStart, Math.max(0, len - width));
    end = start + width;
    keepStart = start;
    keepEnd = start;
  } else {
    let best = 0;
    let bestCount = 0;
    let j = 0;
    for (let i = 0; i < highlights.length; i++) {
      j = Math.max(j, i + 1);
      while (j < highlights.length && highlights[j]!.end - highlights[i]!.start <= width) j++;
      if (j - i > bestCount) {
        best = i;
        bestCount = j - i;
      }
    }
    keepStart = highlights[best]!.start;
    keepEnd = Math.max(keepStart, highlights[best + bestCount - 1]!.end);
    const slack = Math.max(0, width - (keepEnd - keepStart));
    start = keepStart - Math.floor(slack / 2);
    end = start + Math.max(width, keepEnd - keepStart);
    if (end > len) {
      start -= end - len;
      end = len;
    }
    if (start < 0) {
      end = Math.min(len, end - start);
      start = 0;
    }
  }
  // Start: mid-word? move right to the next space if that keeps the cluster, else left.
  if (start > 0 && !isSpace(text[start - 1]) && !isSpace(text[start])) {
    let s = start;
    while (s < keepStart && s - start < MAX_SHIFT && !isSpace(text[s])) s++;
    if (s < len && isSpace(text[s]) && s <= keepStart) start = s;
    else {
      s = start;
      while (s > 0 && start - s < MAX_SHIFT && !isSpace(text[s - 1])) s--;
      if (s === 0 || isSpace(text[s - 1])) start = s;
    }
  }
  if (end < len && !isSpace(text[end - 1]) && !isSpace(text[end])) {
    let e = end;
    while (e > keepEnd && end - e < MAX_SHIFT && !isSpace(text[e - 1])) e--;
    if (e > start && isSpace(text[e - 1]) && e >= keepEnd) end = e;
    else {
      e = end;
      while (e < len && e - end < MAX_SHIFT && !isSpace(text[e])) e++;
      if (e === len || isSpace(text[e])) end = e;
    }
  }
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  const prefix = start > 0 ? ELLIPSIS : '';
  const suffix = end < len ? ELLIPSIS : '';
  // Whitespace runs (the blank line after the title, line breaks) become one space; `at[i]` is
  // where text[start + i] landed in the snippet, so highlight offsets follow.
  let body = '';
  const at = new Array<number>(end - start + 1);
  for (let i = start; i < end; i++) {
    at[i - start] = prefix.length + body.length;
    const ch = text[i]!;
    if (!isSpace(ch)) body += ch;
    else if (!body.endsWith(' ')) body += ' ';
  }
  at[end - start] = prefix.length + body.length;
  const snippetHighlights = highlights
    .filter((h) => h.start >= start && h.end <= end)
    .map((h) => ({ start: at[h.start - start]!, end: at[h.end - start]! }));
  return { snippet: prefix + body + suffix, snippetHighlights };
}
