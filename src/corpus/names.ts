import { normalizeForMatch } from '../text/index.js';

// Name comparison for cross-document work. Two strengths:
//  - nameKey: the matching form (harakat, tatweel, hamza seats, ى/ي, ة/ه, case, punctuation), for
//    "is this the same surface form" (a split's --alias, a dossier lookup);
//  - skeleton: a deliberately loose form for transliteration variants of a foreign name
//    (فاجنر / فاغنر / فاقنر, بوكو حرام / بوكوحرام, الشباب / شباب), used only by clustering.

const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3]/;

export function isArabic(s: string): boolean {
  return ARABIC_LETTER.test(s);
}

/** The matching form of a name: normalised, punctuation gone, single spaces. */
export function nameKey(s: string): string {
  return normalizeForMatch(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** ج غ ق (and گ ڤ-style Persian letters) are the usual renderings of a foreign g. */
const G_CLASS = /[جغقگ]/g;

/**
 * The transliteration skeleton: nameKey, then ج/غ/ق → ج, ڤ → ف, ال stripped from each word
 * (longer than three letters), spaces removed, doubled letters collapsed. «مجموعة فاغنر» →
 * «مجموعهفاجنر»; «فاجنر» and «فاغنر» → «فاجنر»; «الشباب» → «شباب».
 */
export function skeleton(name: string): string {
  const words = nameKey(name)
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(G_CLASS, 'ج')
    .replace(/ڤ/g, 'ف')
    .split(' ')
    .filter(Boolean)
    .map((w) => (w.startsWith('ال') && w.length > 3 ? w.slice(2) : w));
  return words.join('').replace(/(.)\1+/gu, '$1');
}

/** Levenshtein distance, giving up (returning max + 1) once it must exceed `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Letters only (for the "names of 8 letters or more" threshold). */
export function letterCount(s: string): number {
  return [...s].filter((c) => /\p{L}/u.test(c)).length;
}
