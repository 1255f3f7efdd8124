import type { Span } from '../../model/index.js';
import { cliticAnalyses, normalizeForMatch, tokenize } from '../../text/index.js';
import type { EntityLexicon } from './lexicon.js';

// The word stream the matchers walk: word and number tokens of the cleaned text with what the
// rules need to know about the gaps between them. Offsets are the text's own (half-open).

export interface Word {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** normalizeForMatch(text) */
  readonly norm: string;
  readonly kind: 'word' | 'number';
  /** Index of this word among all tokens (punctuation included), for the tagger. */
  readonly token: number;
  /** Punctuation other than a dash, or a line break, since the previous word: names do not cross it. */
  readonly barrier: boolean;
  /** First word of its line. */
  readonly lineStart: boolean;
  /** Followed by a dash or a colon: «باماكو- …» (a dateline when the word starts its line). */
  readonly dashAfter: boolean;
  /** In page furniture (a bulleted list of other articles' bylines): no entity comes from it. */
  readonly furniture: boolean;
  /** wordReadings(text), worked out once: the matchers ask for them many times per word */
  readonly readings: readonly Reading[];
}

/** One way to read a word as the start of a name: its proclitics taken off. */
export interface Reading {
  /** The lookup key: the normalised stem, with the article kept when it is written. */
  readonly key: string;
  /** Where the name starts in the text: after و ف ب ل ك (and at the stem for «لل»). */
  readonly start: number;
  /** The name as a reader writes it alone: «للجزائر» → «الجزائر». */
  readonly surface: string;
  /** How many proclitic letters were taken off (0 for the whole word). */
  readonly stripped: number;
}

export interface WordStream {
  readonly text: string;
  readonly words: readonly Word[];
  /** All tokens' texts, and for each sentence the token index range, for the tagger. */
  readonly tokenTexts: readonly string[];
  readonly sentences: readonly { readonly first: number; readonly end: number }[];
  /** Normalised forms of every word of the text (for document-level evidence). */
  readonly vocabulary: ReadonlySet<string>;
}

const DASHES = new Set(['-', '–', '—', 'ـ', '‐']);
/** Quotation marks news put around part of a name (مطار "موديبو كيتا" الدولي): no barrier. */
const QUOTES = new Set(['"', '“', '”', '«', '»', "'", '‘', '’']);
const readingCache = new Map<string, Reading[]>();
const CACHE_MAX = 50_000;

/**
 * The readings of a word as the first word of a name, the whole word first:
 *   «وفاغنر»  → فاغنر (start +1)      «بالجيش» → الجيش (+1)
 *   «للجزائر» → الجزائر (stem at +2)  «وبمالي» → مالي (+2)
 * A pronoun suffix is never a name reading. Offsets are relative to the word.
 */
export function wordReadings(word: string): Reading[] {
  const cached = readingCache.get(word);
  if (cached) return cached;
  const out: Reading[] = [{ key: normalizeForMatch(word), start: 0, surface: word, stripped: 0 }];
  for (const a of cliticAnalyses(word)) {
    if (a.prefix.length === 0 || a.suffix !== undefined) continue;
    const article = a.prefix[a.prefix.length - 1] === 'ال';
    const stem = word.slice(a.stem.start);
    if (article) {
      // «للجزائر»: ل + ال written «لل»; the article's alef is not in the text, so the mention
      // starts at the stem and the surface form gets its article back.
      const elided = a.prefix.includes('ل') && !word.slice(0, a.stem.start).includes('ا');
      const start = elided ? a.stem.start : a.stem.start - 2;
      const surface = elided ? `ال${stem}` : word.slice(start);
      out.push({ key: normalizeForMatch(`ال${stem}`), start, surface, stripped: a.prefix.length - 1 });
    } else {
      out.push({
        key: normalizeForMatch(stem),
        start: a.stem.start,
        surface: stem,
        stripped: a.prefix.length,
      });
    }
  }
  const unique = out.filter((r, i) => out.findIndex((o) => o.key === r.key && o.start === r.start) === i);
  if (readingCache.size >= CACHE_MAX) readingCache.clear();
  readingCache.set(word, unique);
  return unique;
}

/** Lines that are page furniture: a block of ≥ 2 bulleted lines each with a byline cue. */
function furnitureLines(text: string, lexicon: EntityLexicon): Span[] {
  const lines: { span: Span; furniture: boolean }[] = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    const trimmed = line.trimStart();
    const bullet = trimmed.length > 0 && lexicon.bullets.has(trimmed[0]!);
    const byline =
      bullet && trimmed.split(/[\s:،,()]+/u).some((w) => lexicon.bylineCues.has(normalizeForMatch(w)));
    lines.push({ span: { start: pos, end: pos + line.length }, furniture: byline });
    pos += line.length + 1;
  }
  const out: Span[] = [];
  for (let i = 0; i < lines.length; ) {
    if (!lines[i]!.furniture) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && lines[j]!.furniture) j++;
    if (j - i >= 2) out.push({ start: lines[i]!.span.start, end: lines[j - 1]!.span.end });
    i = j;
  }
  return out;
}

/** The word stream of a cleaned text, with `sentences` (spans into the text) for the tagger. */
export function wordStream(text: string, sentences: readonly Span[], lexicon: EntityLexicon): WordStream {
  const tokens = tokenize(text);
  const furniture = furnitureLines(text, lexicon);
  const words: Word[] = [];
  const tokenTexts: string[] = [];
  const vocabulary = new Set<string>();
  let barrier = true;
  let lastEnd = 0;
  let f = 0;
  // whether anything but blanks stands between the last line break and the current token
  let lineContent = false;
  tokens.forEach((t, ti) => {
    tokenTexts.push(t.text);
    const gap = text.slice(lastEnd, t.start);
    const nl = gap.lastIndexOf('\n');
    const newline = nl >= 0;
    if (newline) lineContent = gap.slice(nl + 1).trim() !== '';
    else if (!lineContent) lineContent = gap.trim() !== '';
    if (t.kind === 'word' || t.kind === 'number') {
      while (f < furniture.length && furniture[f]!.end <= t.start) f++;
      const inFurniture = f < furniture.length && furniture[f]!.start <= t.start;
      let k = t.end;
      while (k < text.length && (text[k] === ' ' || text[k] === '\u00a0')) k++;
      const next = text[k];
      words.push({
        index: words.length,
        start: t.start,
        end: t.end,
        text: t.text,
        norm: t.norm,
        kind: t.kind,
        token: ti,
        barrier: barrier || newline,
        lineStart: words.length === 0 || newline || !lineContent,
        dashAfter: next !== undefined && (DASHES.has(next) || next === ':'),
        furniture: inFurniture,
        readings: wordReadings(t.text),
      });
      vocabulary.add(t.norm);
      barrier = false;
    } else if (!DASHES.has(t.text) && !QUOTES.has(t.text)) {
      barrier = true;
    }
    lastEnd = t.end;
    if (t.text.includes('\n')) lineContent = t.text.slice(t.text.lastIndexOf('\n') + 1).trim() !== '';
    else if (t.text.trim() !== '') lineContent = true;
  });
  // sentence → token range
  const ranges: { first: number; end: number }[] = [];
  let ti = 0;
  for (const s of sentences) {
    while (ti < tokens.length && tokens[ti]!.start < s.start) ti++;
    const first = ti;
    while (ti < tokens.length && tokens[ti]!.start < s.end) ti++;
    if (ti > first) ranges.push({ first, end: ti });
  }
  return { text, words, tokenTexts, sentences: ranges, vocabulary };
}
