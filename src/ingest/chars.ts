// Small character helpers local to ingest. src/text owns the real normaliser (with offset maps);
// these are only for *matching* cue words and dates, never for changing the article text.

/** ٠١٢٣٤٥٦٧٨٩ (Arabic-Indic) and ۰۱۲۳۴۵۶۷۸۹ (Persian/Urdu) → 0-9; everything else unchanged. */
export function toAsciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const c = d.charCodeAt(0);
    return String(c >= 0x06f0 ? c - 0x06f0 : c - 0x0660);
  });
}

// Harakat, superscript alef, Quranic marks and tatweel carry no meaning for cue matching:
// "اقرأ أيضاً" and "اقرأ أيضا" must match the same lexicon entry.
const MARKS = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

/**
 * A matching key: no harakat/tatweel, أ/إ/آ/ٱ → ا, ة → ه, ى → ي, Arabic-Indic digits → ASCII,
 * lower case, whitespace collapsed. Lossy on purpose; only compare keys with keys.
 */
export function matchKey(s: string): string {
  return toAsciiDigits(s)
    .normalize('NFC')
    .replace(MARKS, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Count of Arabic letters (U+0621–U+064A and the extended letters used in Persian/Urdu). */
export function countArabicLetters(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x0621 && c <= 0x064a) || (c >= 0x0671 && c <= 0x06d3)) n++;
  }
  return n;
}
