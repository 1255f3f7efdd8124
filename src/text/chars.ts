// Character classes for the hand-written scanners (tokenizer, sentence splitter, search analyzer).
// One Uint8Array lookup per UTF-16 code unit is several times faster than Intl.Segmenter or a
// Unicode-property regex per character, and it lets us decide Arabic-specific questions ourselves
// (e.g. tatweel ـ U+0640 is a letter here, so «بـ» stays one token).

export const CH_OTHER = 0;
/** \p{L}: Arabic and Latin letters, tatweel (Lm). */
export const CH_LETTER = 1;
/** \p{M}: harakat, shadda, superscript alef — they belong to the word they sit on. */
export const CH_MARK = 2;
/** \p{Nd}: ASCII, Arabic-Indic ٠-٩, Persian ۰-۹ and other decimal digits. */
export const CH_DIGIT = 3;
export const CH_PUNCT = 4;
export const CH_SYMBOL = 5;
/** Horizontal white space (\t and \p{Zs}). */
export const CH_SPACE = 6;
export const CH_NEWLINE = 7;
/** Format characters (\p{Cf}: ZWNJ, bidi marks…): invisible, never a token of their own. */
export const CH_FORMAT = 8;
export const CH_HIGH_SURROGATE = 9;
export const CH_LOW_SURROGATE = 10;

let classes: Uint8Array | undefined;

/** Built on first use (~25 ms), not on import. */
export function charClasses(): Uint8Array {
  if (classes) return classes;
  const table = new Uint8Array(0x10000);
  const letter = /\p{L}/u;
  const mark = /\p{M}/u;
  const digit = /\p{Nd}/u;
  const punct = /\p{P}/u;
  const symbol = /[\p{S}\p{No}\p{Nl}]/u;
  const space = /\p{Zs}/u;
  const format = /\p{Cf}/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdbff) table[c] = CH_HIGH_SURROGATE;
    else if (c >= 0xdc00 && c <= 0xdfff) table[c] = CH_LOW_SURROGATE;
    else {
      const s = String.fromCharCode(c);
      table[c] = letter.test(s)
        ? CH_LETTER
        : mark.test(s)
          ? CH_MARK
          : digit.test(s)
            ? CH_DIGIT
            : punct.test(s)
              ? CH_PUNCT
              : symbol.test(s)
                ? CH_SYMBOL
                : space.test(s)
                  ? CH_SPACE
                  : format.test(s)
                    ? CH_FORMAT
                    : CH_OTHER;
    }
  }
  table[0x09] = CH_SPACE;
  table[0x0a] = CH_NEWLINE;
  table[0x0d] = CH_NEWLINE;
  table[0x2028] = CH_NEWLINE;
  table[0x2029] = CH_NEWLINE;
  classes = table;
  return table;
}

/** Arabic-script letters (the Arabic block's letters, tatweel, and the extended letters). */
export function isArabicLetterCode(c: number): boolean {
  return (
    (c >= 0x0620 && c <= 0x064a) ||
    (c >= 0x066e && c <= 0x06d3) ||
    c === 0x06d5 ||
    (c >= 0x06fa && c <= 0x06ff) ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0xfb50 && c <= 0xfdff) ||
    (c >= 0xfe70 && c <= 0xfefc)
  );
}

/** Marks that sit on an Arabic letter, plus tatweel: skipped when counting a word's letters. */
export function isArabicMarkCode(c: number): boolean {
  return (
    (c >= 0x064b && c <= 0x065f) ||
    c === 0x0670 ||
    c === 0x0640 ||
    (c >= 0x0610 && c <= 0x061a) ||
    (c >= 0x06d6 && c <= 0x06ed)
  );
}

/** Code points of the letters the clitic and search-term rules test for. */
export const ALEF = 0x0627;
export const ALEF_WASLA = 0x0671;
export const BA = 0x0628;
export const FA = 0x0641;
export const KAF = 0x0643;
export const LAM = 0x0644;
export const HA = 0x0647;
export const WAW = 0x0648;
export const YA = 0x064a;
