import type { Span } from '../model/index.js';
import {
  CH_DIGIT,
  CH_FORMAT,
  CH_HIGH_SURROGATE,
  CH_LETTER,
  CH_LOW_SURROGATE,
  CH_MARK,
  CH_NEWLINE,
  CH_PUNCT,
  CH_SPACE,
  charClasses,
  isArabicLetterCode,
} from './chars.js';
import { type CliticAnalysis, cliticAnalyses } from './clitics.js';
import { normalizeForMatch } from './normalize.js';
import { isNumberSeparatorCode } from './numbers.js';

// A hand-written scanner over a character-class table. Measured on generated Arabic news text it
// is several times faster than Intl.Segmenter('ar', {granularity: 'word'}) (see the throughput
// test), and it decides the Arabic cases itself: harakat and tatweel stay inside the word
// («مُتَمَرِّدين», «بـ»), «٣٫٥» and «1,500» are one number, «...» is one punctuation token.

export type TokenKind = 'word' | 'number' | 'punct' | 'symbol';

export interface TokenClitics {
  /** Proclitics, e.g. ['و', 'ب', 'ال'] for «وبالمدينة». */
  prefix: string[];
  /** The stem, as offsets into the same text as the token's own start/end. */
  stem: Span;
  suffix?: string;
}

export interface Token {
  /** Exactly text.slice(start, end). */
  text: string;
  /** Half-open UTF-16 offsets into the tokenised (cleaned) text. */
  start: number;
  end: number;
  /** normalizeForMatch(text): the form to look up in dictionaries. */
  norm: string;
  kind: TokenKind;
  /** The most plausible clitic reading, when it is segmented (see cliticAnalyses for the rest). */
  clitics?: TokenClitics;
}

/**
 * Calls `emit` for every token of `text`, in order. The shared core of tokenize() and the search
 * analyzer (which needs no norm or clitics).
 */
export function scanTokens(text: string, emit: (kind: TokenKind, start: number, end: number) => void): void {
  const cls = charClasses();
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = cls[c]!;
    if (k === CH_SPACE || k === CH_NEWLINE || k === CH_FORMAT) {
      i++;
      continue;
    }
    const start = i;
    if (k === CH_LETTER || k === CH_MARK) {
      let latin = c < 0x250;
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        const kd = cls[d]!;
        if (kd === CH_LETTER || kd === CH_MARK) {
          if (kd === CH_LETTER && d >= 0x250) latin = false;
          i++;
        } else if ((d === 0x200c || d === 0x200d) && i + 1 < n && cls[text.charCodeAt(i + 1)] === CH_LETTER) {
          i++; // ZWNJ/ZWJ inside a word (only in uncleaned input)
        } else if (latin && d >= 0x30 && d <= 0x39) {
          i++; // «G20», «F16»: Latin letters with digits stay one word
        } else break;
      }
      emit('word', start, i);
    } else if (k === CH_DIGIT) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (cls[d] === CH_DIGIT) i++;
        else if (isNumberSeparatorCode(d) && i + 1 < n && cls[text.charCodeAt(i + 1)] === CH_DIGIT) i += 2;
        else break;
      }
      emit('number', start, i);
    } else if (k === CH_PUNCT) {
      i++;
      while (i < n && text.charCodeAt(i) === c) i++; // «...», «!!», «؟؟»
      emit('punct', start, i);
    } else if (k === CH_HIGH_SURROGATE) {
      i += i + 1 < n && cls[text.charCodeAt(i + 1)] === CH_LOW_SURROGATE ? 2 : 1;
      emit('symbol', start, i);
    } else {
      i++;
      emit('symbol', start, i);
    }
  }
}

// Words repeat (Zipf), so the best clitic reading of a word is cached (bounded).
const bestCache = new Map<string, CliticAnalysis | null>();
const CACHE_MAX = 50_000;

function bestSegmentation(word: string): CliticAnalysis | null {
  let best = bestCache.get(word);
  if (best !== undefined) return best;
  const top = cliticAnalyses(word)[0]!;
  best = top.prefix.length > 0 || top.suffix !== undefined ? top : null;
  if (bestCache.size >= CACHE_MAX) bestCache.clear();
  bestCache.set(word, best);
  return best;
}

/** All tokens of `text` (the cleaned text), with offsets, matching forms and clitic readings. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scanTokens(text, (kind, start, end) => {
    const t = text.slice(start, end);
    const token: Token = { text: t, start, end, norm: normalizeForMatch(t), kind };
    if (kind === 'word' && end - start >= 3 && isArabicLetterCode(t.charCodeAt(0))) {
      const best = bestSegmentation(t);
      if (best) {
        token.clitics = {
          prefix: best.prefix,
          stem: { start: start + best.stem.start, end: start + best.stem.end },
          ...(best.suffix === undefined ? {} : { suffix: best.suffix }),
        };
      }
    }
    tokens.push(token);
  });
  return tokens;
}
