import { normalizeForMatch } from '../../text/index.js';

// Transliteration skeletons: one key for the spellings a foreign name gets in Arabic.
//   «فاغنر» / «فاجنر» / «فاقنر»       g is written غ, ج or ق      → one class
//   «غويتا» / «جويتا»                  same
//   «تين زاوتين» / «تينزاوتين» / «تينزواتين»   spaces, and long vowels placed differently
//   «بريغوجين» / «بريجوجين»; «كامارا» / «كمارا»; doubled letters «فيسيلوف» / «فيسيللوف»
// normalizeForMatch already folds أ/إ/آ → ا, ى/ئ → ي, ة → ه, ؤ → و and drops harakat.

const G_CLASS = new Set(['ج', 'غ', 'ق']);
const LONG_VOWELS = new Set(['ا', 'و', 'ي']);

/** The letters of a name, spaces and punctuation dropped, g-letters folded to «ج». */
function letters(s: string): string[] {
  const out: string[] = [];
  for (const ch of normalizeForMatch(s)) {
    if (!/[\u0621-\u064a]/u.test(ch)) continue;
    out.push(G_CLASS.has(ch) ? 'ج' : ch === 'ه' ? 'ه' : ch);
  }
  return out;
}

/** Number of Arabic letters in `s` (after normalisation). */
export function letterCount(s: string): number {
  return letters(s).length;
}

/**
 * The consonant skeleton: g-class folded, long vowels ا و ي dropped except as the first letter
 * (which carries the word's onset: «أوكرانيا» keeps its ا), doubled letters collapsed.
 *   skeleton('تين زاوتين') === skeleton('تينزواتين') === 'تنزتن'
 */
export function skeleton(s: string): string {
  const ls = letters(s);
  let out = '';
  for (let i = 0; i < ls.length; i++) {
    const c = ls[i]!;
    if (i > 0 && LONG_VOWELS.has(c)) continue;
    if (out.endsWith(c)) continue;
    out += c;
  }
  return out;
}

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
  const arabic = [...skeleton(canonical)].map((c) => LATIN[c] ?? '').join('');
  const latin = normalizeForMatch(canonical)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `ent-new-${arabic || latin || 'x'}`;
}
