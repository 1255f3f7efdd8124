// Tokens for the quantity and time grammars: the text layer's tokens (offsets into the original
// text, `norm` for matching) without the empty ones a lone tatweel leaves, plus clitic-aware
// lookup: «وبالأمس» finds «الامس», «وعشرين» finds «عشرين», «للثاني» finds «الثاني».
import { type Token, tokenize } from '../../text/index.js';

export interface Tok extends Token {
  /** The word's clitic readings, computed on first use (readingsOf): asked for by many rules. */
  readings?: { word: string; skip: number }[] | undefined;
}

export function scan(text: string): Tok[] {
  const out: Tok[] = [];
  for (const t of tokenize(text)) if (t.norm.length > 0) out.push(Object.assign(t, { readings: undefined }));
  return out;
}

/** cliticReadings of a token's folded form, kept on the token. */
export function readingsOf(t: Tok): { word: string; skip: number }[] {
  t.readings ??= cliticReadings(t.norm);
  return t.readings;
}

/** Readings of a folded word with its proclitics stripped, longest word first; `skip` is how many
 * characters of the word the clitics took (a span then starts after them). */
// Readings are asked for the same word once per phrase tried: compute each word's once.
const readingCache = new Map<string, { word: string; skip: number }[]>();
const CACHE_LIMIT = 50_000;

export function cliticReadings(word: string, allowArticle = false): { word: string; skip: number }[] {
  const key = allowArticle ? `a:${word}` : word;
  const cached = readingCache.get(key);
  if (cached) return cached;
  const out = computeReadings(word, allowArticle);
  if (readingCache.size >= CACHE_LIMIT) readingCache.clear();
  readingCache.set(key, out);
  return out;
}

function computeReadings(word: string, allowArticle: boolean): { word: string; skip: number }[] {
  const out: { word: string; skip: number }[] = [{ word, skip: 0 }];
  const seen = new Set([word]);
  const add = (w: string, skip: number) => {
    if (w.length >= 2 && !seen.has(w)) {
      seen.add(w);
      out.push({ word: w, skip });
    }
  };
  for (const first of [0, 1]) {
    if (first === 1 && !/^[وف]/.test(word)) continue;
    const w = word.slice(first);
    if (first) add(w, 1);
    if (/^[بلك]/.test(w)) {
      add(w.slice(1), first + 1);
      // ل + ال: «للثاني» is ل + «الثاني»
      if (w.startsWith('لل')) add(`ا${w.slice(1)}`, first + 1);
    }
  }
  if (allowArticle) for (const r of [...out]) if (r.word.startsWith('ال')) add(r.word.slice(2), r.skip + 2);
  return out;
}

/** Does tokens[i..] spell `words` (folded), the first word possibly with proclitics? Returns the
 * index after the match and the clitic skip, or -1. */
export function matchPhrase(
  toks: Tok[],
  i: number,
  words: string[],
  clitics = true,
): { end: number; skip: number } | null {
  const first = toks[i];
  if (!first || words.length === 0) return null;
  let skip = -1;
  if (first.norm === words[0]) skip = 0;
  else if (clitics) {
    const r = readingsOf(first).find((c) => c.word === words[0]);
    if (r) skip = r.skip;
  }
  if (skip < 0) return null;
  for (let k = 1; k < words.length; k++) if (toks[i + k]?.norm !== words[k]) return null;
  return { end: i + words.length, skip };
}

/** Lexicon phrase lists by first word, built once per list (the lists are module constants). */
const byFirstWord = new WeakMap<readonly string[][], Map<string, string[][]>>();
/** Below this many phrases a plain loop is cheaper than an index. */
const INDEX_FROM = 6;

function firstWordIndex(phrases: readonly string[][]): Map<string, string[][]> {
  let index = byFirstWord.get(phrases);
  if (!index) {
    index = new Map();
    for (const p of phrases) {
      const head = p[0];
      if (head === undefined) continue;
      const list = index.get(head);
      if (list) list.push(p);
      else index.set(head, [p]);
    }
    byFirstWord.set(phrases, index);
  }
  return index;
}

/** The longest of `phrases` at tokens[i] (on a tie, the one with fewer clitics, then the first listed). */
export function matchAny(
  toks: Tok[],
  i: number,
  phrases: string[][],
  clitics = true,
): { end: number; skip: number; words: string[] } | null {
  if (phrases.length < INDEX_FROM) {
    let best: { end: number; skip: number; words: string[] } | null = null;
    for (const p of phrases) {
      const m = matchPhrase(toks, i, p, clitics);
      if (m && (!best || m.end > best.end || (m.end === best.end && m.skip < best.skip)))
        best = { ...m, words: p };
    }
    return best;
  }
  const first = toks[i];
  if (!first) return null;
  // each reading of the first word is looked up once, instead of every phrase trying every reading
  const index = firstWordIndex(phrases);
  const readings = clitics ? readingsOf(first) : [{ word: first.norm, skip: 0 }];
  let best: { end: number; skip: number; words: string[] } | null = null;
  for (const r of readings) {
    const list = index.get(r.word);
    if (!list) continue;
    for (const p of list) {
      let k = 1;
      while (k < p.length && toks[i + k]?.norm === p[k]) k++;
      if (k < p.length) continue;
      const end = i + p.length;
      if (!best || end > best.end || (end === best.end && r.skip < best.skip))
        best = { end, skip: r.skip, words: p };
    }
  }
  return best;
}

/** True when nothing but spaces separates two adjacent tokens (so «2016/02/22» is one date). */
export function touching(a: Tok | undefined, b: Tok | undefined): boolean {
  return !!a && !!b && a.end === b.start;
}
