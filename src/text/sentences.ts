import lexicon from '../../data/lexicons/abbreviations.json' with { type: 'json' };
import type { Span } from '../model/index.js';
import { CH_LETTER, CH_MARK, CH_SPACE, charClasses, isArabicLetterCode } from './chars.js';
import { normalizeForMatch } from './normalize.js';

// Sentence spans over the cleaned text. Every claim and event points at one, so a wrong split
// tears a quote from its speaker; a missed split only makes a sentence longer. Hence:
//  - Ends: . ! ? ؟ ۔ and every line break (cleaned news text has one paragraph, headline or
//    list item per line, so a bullet line is its own sentence).
//  - Not ends: ؛ (Arabic news uses it between clauses of one sentence, often before a reason:
//    «أُغلق المعبر؛ لأن القصف استمر»), : and ، (pySBD splits at both: a headline «سؤال وجواب:» or a list of clauses is still one sentence here),
//    ellipses «...» / «…» (mostly omitted words inside a quote; Arabic has no capital letter that
//    would tell us a new sentence starts), a dot not followed by space (3.5, 12.08.2014, URLs,
//    e-mails), abbreviations from data/lexicons/abbreviations.json and any single letter before a
//    dot («د. محمد», «J. R.»), the dot of a list number at the start of a line («1. أولا»).
//  - Closing quotes and brackets after the terminator stay with the sentence: «...انتهى.»
//  - Leading and trailing white space is never inside a span.

export interface SentenceOptions {
  /** Abbreviations (with their final dot) whose dot does not end a sentence; replaces the lexicon. */
  abbreviations?: Iterable<string>;
}

interface LexiconFile {
  abbreviations: { abbr: string }[];
}

const DEFAULT_ABBREVIATIONS: ReadonlySet<string> = new Set(
  (lexicon as LexiconFile).abbreviations.map((a) => normalizeForMatch(a.abbr)),
);

const isTerminator = (c: number): boolean =>
  c === 0x2e || c === 0x21 || c === 0x3f || c === 0x061f || c === 0x06d4 || c === 0x2026;
const isStrongTerminator = (c: number): boolean => c === 0x21 || c === 0x3f || c === 0x061f;
/** » " ” ’ ' ) ] } › */
const isCloser = (c: number): boolean =>
  c === 0xbb ||
  c === 0x22 ||
  c === 0x201d ||
  c === 0x2019 ||
  c === 0x27 ||
  c === 0x29 ||
  c === 0x5d ||
  c === 0x7d ||
  c === 0x203a;
/** Characters that open a word from the left: « " “ ( [ */
const isOpener = (c: number): boolean => c === 0xab || c === 0x22 || c === 0x201c || c === 0x28 || c === 0x5b;
const isWhite = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

const LIST_NUMBER = /^[-•*–]?\s*[0-9\u0660-\u0669\u06F0-\u06F9]{1,3}$/;
const HAS_CONTENT = /[\p{L}\p{N}]/u;

/** True if the dot at `dot` closes an abbreviation or an initial. */
function isAbbreviation(text: string, dot: number, abbreviations: ReadonlySet<string>): boolean {
  let s = dot;
  while (s > 0 && !isWhite(text.charCodeAt(s - 1)) && !isOpener(text.charCodeAt(s - 1))) s--;
  const word = text.slice(s, dot + 1);
  if (word.length < 2) return false;
  const key = normalizeForMatch(word);
  if (abbreviations.has(key)) return true;
  // Every dot-separated part a single letter: «د.», «J.», «أ.د.», «U.S.», «ص.ب.»
  const cls = charClasses();
  let letters = 0;
  for (let i = s; i <= dot; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e) {
      if (letters !== 1) return false;
      letters = 0;
    } else if (cls[c] === CH_LETTER && c !== 0x0640) letters++;
    else if (cls[c] !== CH_MARK && c !== 0x0640) return false;
  }
  return true;
}

/**
 * Sentence spans of `text`, in order, as half-open [start, end) offsets, white space excluded.
 * Spans without a letter or a digit (a line of «***») are left out.
 */
export function splitSentences(text: string, options?: SentenceOptions): Span[] {
  const abbreviations =
    options?.abbreviations === undefined
      ? DEFAULT_ABBREVIATIONS
      : new Set([...options.abbreviations].map((a) => normalizeForMatch(a)));
  const cls = charClasses();
  const spans: Span[] = [];
  const n = text.length;
  let segStart = 0;
  let lineStart = 0;

  const push = (start: number, end: number): void => {
    while (start < end && (isWhite(text.charCodeAt(start)) || cls[text.charCodeAt(start)] === CH_SPACE))
      start++;
    while (end > start && (isWhite(text.charCodeAt(end - 1)) || cls[text.charCodeAt(end - 1)] === CH_SPACE))
      end--;
    if (end > start && HAS_CONTENT.test(text.slice(start, end))) spans.push({ start, end });
  };

  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      push(segStart, i);
      segStart = i + 1;
      lineStart = i + 1;
      i++;
      continue;
    }
    if (!isTerminator(c)) {
      i++;
      continue;
    }
    let j = i;
    let strong = false;
    while (j < n && isTerminator(text.charCodeAt(j))) {
      if (isStrongTerminator(text.charCodeAt(j))) strong = true;
      j++;
    }
    if (!strong) {
      // Only dots: an ellipsis, or one dot that may belong to an abbreviation or a list number.
      if (j - i > 1 || c === 0x2026 || isAbbreviation(text, i, abbreviations)) {
        i = j;
        continue;
      }
      if (LIST_NUMBER.test(text.slice(lineStart, i).trim())) {
        i = j;
        continue;
      }
    }
    let k = j;
    while (k < n && isCloser(text.charCodeAt(k))) k++;
    const next = k < n ? text.charCodeAt(k) : -1;
    // A terminator ends the sentence when white space or the end follows. With no space, only
    // between two Arabic words («انتهى.وقال»): a dot inside «example.com» or «3.5» never does.
    const before = i > 0 ? text.charCodeAt(i - 1) : -1;
    const ends =
      next === -1 ||
      isWhite(next) ||
      cls[next] === CH_SPACE ||
      (isArabicLetterCode(next) && before !== -1 && (isArabicLetterCode(before) || cls[before] === CH_MARK));
    if (ends) {
      push(segStart, k);
      segStart = k;
    }
    i = k;
  }
  push(segStart, n);
  return spans;
}
