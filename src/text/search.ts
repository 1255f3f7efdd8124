import type { SearchAnalyzer, SearchToken } from '../model/index.js';
import { ALEF, BA, FA, HA, KAF, LAM, WAW, YA } from './chars.js';
import { normalizeForMatch } from './normalize.js';
import { scanTokens } from './tokenize.js';

// Index terms. The query goes through the same function as the document, so what matters is that
// every spelling of one word gives one term and that two different words do not: «والمتمردين»,
// «للمتمردين», «مُتمرّدين» and «متمرد» → «متمرد». Linguistic truth is secondary: «فاغنر» becomes
// «اغنر» (its ف looks like the conjunction), and that is fine because «وفاغنر», «لفاغنر», «بفاغنر»
// become «اغنر» too.
//
// The rules, on the matching form (harakat off, أإآ → ا, ى/ئ → ي, ة → ه, digits ASCII):
//  1. Proclitics, repeatedly (at most 4 steps), while enough of the word is left:
//       ال (article)            if ≥ 3 letters remain   «الحرب» → حرب, but «الدم» stays
//       لل (ل + ال)             if ≥ 3 letters remain   «للمتمردين» → متمردين
//       و ف (conjunctions)      if ≥ 3 letters remain   «وقال» → قال
//       ب ل ك (prepositions)    if ≥ 4 letters remain   «كمال» stays (not ك + مال), «بلال» stays,
//                                                       «لجنة» stays (not ل + جنة), «كتاب» stays
//     Repetition is what makes «فاغنر» and «وفاغنر» agree: و goes, then ف goes, in both.
//  2. One suffix, if ≥ 4 letters remain: ين / ون (sound plural, dual), ات (feminine plural),
//     final ه (ta marbuta or pronoun) unless it follows ي: «مالية» stays «ماليه», so «مالي»
//     (Mali) does not collect every «المالية» (finance).
// A short list of words keeps its first letter because the remainder is another common word.

/** Words whose initial و/ف/ال is part of the word: stripping would make them another frequent word (فكرة → كرة «ball»,
 * فيصل → يصل «arrives», الولايات → آيات «verses»). Matching forms. */
const PROTECTED = new Set([
  'فكره',
  'فريق',
  'فيصل',
  'فيلم',
  'فتره',
  'فارس',
  'فرقه',
  'وزير',
  'وزاره',
  'وليد',
  'وحده',
  'وجود',
  'وكيل',
  'وقود',
  'وصول',
  'وثيقه',
  'ولايه',
  'ولايات',
  'وسيله',
  'وطني',
  'وطنيه',
  'الله',
]);

/** Decades would lose to their units: «ثلاثين» (30) must not become «ثلاث» (3). */
const KEEP_SUFFIX = new Set(['ثلاثين', 'ثلاثون', 'اربعين', 'اربعون', 'ثمانين', 'ثمانون', 'عشرين', 'عشرون']);

function stripPrefixes(s: string): string {
  let article = false;
  for (let step = 0; step < 4; step++) {
    if (PROTECTED.has(s)) return s;
    const c0 = s.charCodeAt(0);
    const c1 = s.charCodeAt(1);
    const rest = s.length;
    if (!article && c0 === ALEF && c1 === LAM && rest - 2 >= 3) {
      s = s.slice(2);
      article = true;
    } else if (!article && c0 === LAM && c1 === LAM && rest - 2 >= 3) {
      s = s.slice(2);
      article = true;
    } else if ((c0 === WAW || c0 === FA) && rest - 1 >= 3) {
      s = s.slice(1);
    } else if ((c0 === BA || c0 === LAM || c0 === KAF) && rest - 1 >= 4) {
      s = s.slice(1);
    } else break;
  }
  return s;
}

function stripSuffix(s: string): string {
  if (KEEP_SUFFIX.has(s)) return s;
  const n = s.length;
  if (n < 5) return s; // every rule leaves ≥ 4 letters
  const last = s.charCodeAt(n - 1);
  const prev = s.charCodeAt(n - 2);
  if (n - 2 >= 4 && last === 0x0646 && (prev === YA || prev === WAW)) return s.slice(0, -2); // ين ون
  if (n - 2 >= 4 && last === 0x062a && prev === ALEF) return s.slice(0, -2); // ات
  if (n - 1 >= 4 && last === HA && prev !== YA) return s.slice(0, -1); // ة/ه
  return s;
}

/** True if the matching form has an Arabic letter (Latin and numbers are only lowercased). */
function hasArabic(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x0620 && c <= 0x06ff) return true;
  }
  return false;
}

function termOf(normalised: string): string {
  if (!hasArabic(normalised)) return normalised;
  return stripSuffix(stripPrefixes(normalised));
}

// Terms repeat (Zipf): a bounded cache makes indexing a corpus several times faster.
const cache = new Map<string, string>();
const CACHE_MAX = 50_000;

/** The index term of one word (a query word or a document word). «والمتمردين» → «متمرد». */
export function searchTerm(word: string): string {
  let t = cache.get(word);
  if (t !== undefined) return t;
  t = termOf(normalizeForMatch(word).trim());
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(word, t);
  return t;
}

/** Search analysis for Arabic (and Latin) text: one term per word or number token. */
export const arabicSearchAnalyzer: SearchAnalyzer = {
  // Bump when searchTerm's rules change (stores then reindex themselves on open).
  version: 'ar-search/1',
  tokens(text: string): SearchToken[] {
    const out: SearchToken[] = [];
    scanTokens(text, (kind, start, end) => {
      if (kind !== 'word' && kind !== 'number') return;
      const term = searchTerm(text.slice(start, end));
      if (term !== '') out.push({ term, start, end });
    });
    return out;
  },
};
