import { normalizeForMatch } from '../../text/index.js';

// Transliteration skeletons: one key for the spellings a foreign name gets in Arabic.
//   «فاغنر» / «فاجنر» / «فاقنر»       g is written غ, ج or ق      → one class
//   «غويتا» / «جويتا»                  same
//   «تين زاوتين» / «تينزاوتين» / «تينزواتين»   spaces, and long vowels placed differently
//   «بريغوجين» / «بريجوجين»; «كامارا» / «كمارا»; doubled letters «فيسيلوف» / «فيسيللوف»
// normalizeForMatch already folds أ/إ/آ → ا, ى/ئ → ي, ة → ه, ؤ → و and drops harakat.

const JEEM = 0x062c; // ج
const GHAIN = 0x063a; // غ
const QAF = 0x0642; // ق
const ALEF = 0x0627;
const WAW = 0x0648;
const YEH = 0x064a;

/**
 * The letters of an already normalised name (U+0621–U+064A only: spaces and punctuation
 * dropped), g-letters folded to «ج», as char codes. Char-code tests, not a regex per letter:
 * this runs for every word the KB does not know.
 */
function letterCodes(norm: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if (c < 0x0621 || c > 0x064a) continue;
    out.push(c === GHAIN || c === QAF ? JEEM : c);
  }
  return out;
}

const LAM = 0x0644;

function skeletonOfCodes(ls: readonly number[], from = 0, articleOnset = true): string {
  // after the article, the word's own first letter is its onset too: «الأزهار» (flowers) is not
  // «الزهار», though «الدانمارك» is «الدنمارك»
  const onset = articleOnset && from === 0 && ls[0] === ALEF && ls[1] === LAM ? 2 : from;
  let out = '';
  let last = -1;
  for (let i = from; i < ls.length; i++) {
    const c = ls[i]!;
    if (i > from && i !== onset && (c === ALEF || c === WAW || c === YEH)) continue;
    if (c === last) continue;
    out += String.fromCharCode(c);
    last = c;
  }
  return out;
}

/** Number of Arabic letters in `s` (after normalisation). */
export function letterCount(s: string): number {
  return letterCodes(normalizeForMatch(s)).length;
}

/**
 * The consonant skeleton: g-class folded, long vowels ا و ي dropped except as the first letter
 * (which carries the word's onset: «أوكرانيا» keeps its ا), doubled letters collapsed.
 *   skeleton('تين زاوتين') === skeleton('تينزواتين') === 'تنزتن'
 */
export function skeleton(s: string): string {
  return skeletonOfCodes(letterCodes(normalizeForMatch(s)));
}

/**
 * What `variantOf` guards and looks up, from one normalisation: the skeleton of the whole name,
 * and the letter count and skeleton length of the name without a leading article.
 */
export function skeletonParts(s: string): { skeleton: string; bareLetters: number; bareSkeleton: number } {
  const norm = normalizeForMatch(s);
  const ls = letterCodes(norm);
  // the article as the name's first two characters («الأمن» → «أمن»)
  const from = norm.startsWith('ال') ? 2 : 0;
  const whole = skeletonOfCodes(ls);
  return {
    skeleton: whole,
    bareLetters: ls.length - from,
    bareSkeleton: from ? skeletonOfCodes(ls, from).length : whole.length,
  };
}

/** The letters a transliteration comparison sees: g-class folded, doubled letters collapsed. */
export function spellingLetters(s: string): string {
  const ls = letterCodes(normalizeForMatch(s));
  let out = '';
  let last = -1;
  for (const c of ls) {
    if (c !== last) out += String.fromCharCode(c);
    last = c;
  }
  return out;
}

const isVowel = (c: number): boolean => c === ALEF || c === WAW || c === YEH;

/**
 * How many long vowels must be put in, taken out or changed to turn one spelling into the other
 * (the consonants must agree: Infinity if not). Spellings of one foreign name differ by one or two
 * («كمارا» / «كامارا» 1, «تينزواتين» / «تينزاوتين» 2); an ordinary word that shares a name's
 * consonants usually by more («تركها» / «تركيه» 2 in five letters, «أشبالها» / «إشبيلية» 3).
 */
export function vowelEdits(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (m + 1 > rowA.length) {
    rowA = new Float64Array(m + 1);
    rowB = new Float64Array(m + 1);
  }
  let prev = rowA;
  let cur = rowB;
  prev[0] = 0;
  for (let j = 1; j <= m; j++)
    prev[j] = isVowel(b.charCodeAt(j - 1)) ? prev[j - 1]! + 1 : Number.POSITIVE_INFINITY;
  for (let i = 1; i <= n; i++) {
    const ca = a.charCodeAt(i - 1);
    const va = isVowel(ca);
    cur[0] = va ? prev[0]! + 1 : Number.POSITIVE_INFINITY;
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      const vb = isVowel(cb);
      let best = ca === cb ? prev[j - 1]! : va && vb ? prev[j - 1]! + 1 : Number.POSITIVE_INFINITY;
      if (va && prev[j]! + 1 < best) best = prev[j]! + 1;
      if (vb && cur[j - 1]! + 1 < best) best = cur[j - 1]! + 1;
      cur[j] = best;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[m]!;
}
// the two rows of the edit table, reused (names are short)
let rowA = new Float64Array(32);
let rowB = new Float64Array(32);

// Arabic letters → ASCII, for readable minted ids («وسيم نصر» → «wsym-nsr»).
const LATIN: Record<string, string> = {
  ا: 'a',
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'g',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: 'e',
  غ: 'g',
  ف: 'f',
  ق: 'g',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  و: 'w',
  ي: 'y',
  ء: 'a',
};

/**
 * A deterministic corpus-wide id for an entity the KB does not know, from its canonical Arabic
 * form: the same name, however it is spelled among the variants skeleton() folds (spaces inside
 * the name included), gets the same id in every document.
 *   mintedId('وسيم نصر') === mintedId('وسيم نَصر') === 'ent-new-wsmnsr'
 */
export function mintedId(canonical: string): string {
  // the skeleton as ids were first minted (no onset after the article), so ids stay stable
  const arabic = [...skeletonOfCodes(letterCodes(normalizeForMatch(canonical)), 0, false)]
    .map((c) => LATIN[c] ?? '')
    .join('');
  const latin = normalizeForMatch(canonical)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `ent-new-${arabic || latin || 'x'}`;
}
