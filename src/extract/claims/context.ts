// Per-sentence view of a document for the claim and relation rules: word tokens with their
// clitic readings, and entity mentions mapped onto token indices.
import type { AnalysedDocument, Entity, EntityKind, EntityType, Span } from '../../model/index.js';
import { type Token, tokenize } from '../../text/index.js';
import { type Phrase, readings } from './lexicon.js';

export interface Tok extends Token {
  /** The folded word and its readings without proclitics. */
  forms: string[];
}

export interface MentionRef {
  entity: string;
  type: EntityType;
  kind: EntityKind | undefined;
  start: number;
  end: number;
  /** First and last token index (inclusive) within the sentence. */
  first: number;
  last: number;
}

export interface SentenceView {
  span: Span;
  tokens: Tok[];
  mentions: MentionRef[];
}

export function sentenceViews(doc: AnalysedDocument): SentenceView[] {
  const all = tokenize(doc.text).map((t) => ({ ...t, forms: readings(t.norm) }) as Tok);
  const mentions: Omit<MentionRef, 'first' | 'last'>[] = [];
  for (const e of doc.entities as Entity[])
    for (const m of e.mentions)
      mentions.push({ entity: e.id, type: e.type, kind: e.kind, start: m.start, end: m.end });
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  const spans = doc.sentences.length ? doc.sentences : [{ start: 0, end: doc.text.length }];
  const views: SentenceView[] = [];
  let ti = 0;
  let mi = 0;
  for (const span of spans) {
    while (ti < all.length && all[ti]!.end <= span.start) ti++;
    const tokens: Tok[] = [];
    let j = ti;
    while (j < all.length && all[j]!.start < span.end) tokens.push(all[j++]!);
    while (mi < mentions.length && mentions[mi]!.end <= span.start) mi++;
    const refs: MentionRef[] = [];
    let lastEnd = -1;
    for (let k = mi; k < mentions.length && mentions[k]!.start < span.end; k++) {
      const m = mentions[k]!;
      if (m.start < lastEnd) continue; // nested or overlapping: keep the outer one
      const first = tokens.findIndex((t) => t.end > m.start);
      let last = first;
      while (last + 1 < tokens.length && tokens[last + 1]!.start < m.end) last++;
      if (first < 0) continue;
      refs.push({ ...m, first, last });
      lastEnd = m.end;
    }
    views.push({ span, tokens, mentions: refs });
  }
  return views;
}

/** Does `phrase` match the tokens at index i? (each word matches any reading of the token) */
export function matchAt(tokens: readonly Tok[], i: number, p: Phrase): boolean {
  if (i + p.length > tokens.length) return false;
  for (let k = 0; k < p.length; k++) {
    const t = tokens[i + k]!;
    const w = p[k]!;
    // A closing one-letter preposition («الموالية لـ», «المرتبطة بـ») is written on the next word.
    if (w.length === 1 && k === p.length - 1 && k > 0) {
      if (t.kind !== 'word' || !t.norm.startsWith(w) || t.norm.length < 3) return false;
      continue;
    }
    if (!t.forms.includes(w)) return false;
  }
  return true;
}

/** Items of a lexicon list by the first word of their phrase, built once per list. */
const firstWordIndexes = new WeakMap<readonly object[], Map<string, number[]>>();

/**
 * The items of `list` whose phrase matches at token i, in list order: only those whose first word
 * is a reading of the token are tried (the rules ask this at every token of every sentence).
 */
export function matchingAt<T extends object>(
  tokens: readonly Tok[],
  i: number,
  list: readonly T[],
  phraseOf: (item: T) => Phrase,
): T[] {
  let index = firstWordIndexes.get(list);
  if (!index) {
    index = new Map();
    list.forEach((item, n) => {
      const head = phraseOf(item)[0];
      if (head === undefined) return;
      const at = index!.get(head);
      if (at) at.push(n);
      else index!.set(head, [n]);
    });
    firstWordIndexes.set(list, index);
  }
  const t = tokens[i];
  if (!t) return [];
  let hits: number[] | undefined;
  for (const f of t.forms) {
    const at = index.get(f);
    if (at) hits = hits ? [...hits, ...at] : at;
  }
  if (!hits) return [];
  const ordered = hits.length > 1 ? [...new Set(hits)].sort((a, b) => a - b) : hits;
  const out: T[] = [];
  for (const n of ordered) if (matchAt(tokens, i, phraseOf(list[n]!))) out.push(list[n]!);
  return out;
}

/** The mention covering token i, if any. */
export function mentionAt(v: SentenceView, i: number): MentionRef | undefined {
  return v.mentions.find((m) => m.first <= i && i <= m.last);
}

/** Actors: people, organisations and countries (not towns, regions or facilities). */
export function isActor(m: MentionRef): boolean {
  if (m.type !== 'location') return true;
  return m.kind === 'country';
}
