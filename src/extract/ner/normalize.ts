/**
 * A small feature normaliser for the tagger. It exists because src/text's normaliser was not
 * written yet when the tagger was trained; the model file records `normaliser: 'ner-local-v1'`
 * so a later switch is a deliberate retrain, not a silent drift (features must be computed at
 * inference exactly as at training time).
 *
 * Folds: harakat, Quranic marks, superscript alef and tatweel removed; أ إ آ ٱ → ا; ى → ي;
 * ة → ه; Persian ی ک → ي ك; Arabic-Indic digits → ASCII; bidi/zero-width marks removed.
 * «أُسامةُ» → «اسامه», «مدينـــة» → «مدينه».
 */
const FOLD: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ی: 'ي',
  ة: 'ه',
  ک: 'ك',
};

// U+064B–U+065F harakat etc., U+0670 superscript alef, U+06D6–U+06ED Quranic marks,
// U+0640 tatweel, U+200B–U+200F and U+202A–U+202E zero-width and bidi controls, U+FEFF.
const DROP = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200B-\u200F\u202A-\u202E\uFEFF]/g;
const FOLDABLE = /[أإآٱىیةک\u0660-\u0669\u06F0-\u06F9]/g;

export function normalizeWord(word: string): string {
  return word.replace(DROP, '').replace(FOLDABLE, (c) => {
    const code = c.charCodeAt(0);
    if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
    if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
    return FOLD[c] ?? c;
  });
}

/**
 * Proclitic sequences, longest first. Those with the article (ال, or لل = ل + ال with the alef
 * dropped) are always split when at least two letters remain: «والجزائر» → و+ال+«جزائر». The
 * others (و ف ب ل ك and pairs) are ambiguous with a word's own first letter — «بغداد» is not
 * ب+«غداد», «واشنطن» is not و+«اشنطن» — so they are split only when the rest is a word the
 * training data knows much better than the whole (see `stripProclitics`).
 */
const ARTICLE_CLITICS = [
  'وبال',
  'وكال',
  'فبال',
  'فكال',
  'ولل',
  'فلل',
  'وال',
  'فال',
  'بال',
  'كال',
  'لل',
  'ال',
];
export const BARE_CLITICS = ['وب', 'ول', 'وك', 'فب', 'فل', 'فك', 'و', 'ف', 'ب', 'ل', 'ك'];

export interface Stripped {
  /** The word without proclitics (and without the article). */
  stem: string;
  /** The proclitics removed, '' if none. */
  clitic: string;
  /** Whether the article ال (or لل) was attached. */
  article: boolean;
}

/** A lookup of how often a normalised word was seen in training; 0 if never. */
export type VocabCount = (word: string) => number;

export function stripProclitics(word: string, count: VocabCount): Stripped {
  for (const c of ARTICLE_CLITICS) {
    if (word.length - c.length >= 2 && word.startsWith(c)) {
      return { stem: word.slice(c.length), clitic: c, article: true };
    }
  }
  for (const c of BARE_CLITICS) {
    if (word.length - c.length >= 3 && word.startsWith(c)) {
      const rest = word.slice(c.length);
      const nRest = count(rest);
      // «ومحمد» (rare) → «محمد» (frequent): split; «كمال» vs «مال»: both common, keep whole.
      if (nRest >= 2 && nRest > 2 * count(word)) return { stem: rest, clitic: c, article: false };
      // the rest may itself carry the article: «وبال…» is handled above; «ولبنان» → «لبنان»
    }
  }
  return { stem: word, clitic: '', article: false };
}

/** Coarse word shape: script class plus a length bucket. */
export function wordShape(word: string): string {
  let ar = 0;
  let lat = 0;
  let dig = 0;
  let other = 0;
  for (const ch of word) {
    const c = ch.codePointAt(0)!;
    // Arabic letters (not ، ؛ ؟ ٪ and other punctuation of the block)
    if (
      (c >= 0x0621 && c <= 0x065f) ||
      (c >= 0x066e && c <= 0x06d3) ||
      (c >= 0x0750 && c <= 0x077f) ||
      (c >= 0xfb50 && c <= 0xfeff)
    )
      ar++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) lat++;
    else if (c >= 0x30 && c <= 0x39) dig++;
    else other++;
  }
  let cls: string;
  if (ar && !lat && !dig && !other) cls = 'A';
  else if (lat && !ar && !dig && !other) cls = /^[A-Z]/.test(word) ? 'Lu' : 'L';
  else if (dig && !ar && !lat) cls = other ? 'Dx' : 'D';
  else if (other && !ar && !lat && !dig) cls = 'P';
  else cls = 'X';
  const n = word.length;
  const len = n <= 2 ? 's' : n <= 4 ? 'm' : n <= 7 ? 'l' : 'xl';
  return `${cls}${len}`;
}

/**
 * A lighter fold that keeps ى/ي and ة/ه apart: «على» (on) is not «علي» (Ali), «عمة» not «عمه».
 * Used beside `normalizeWord` in features and for gazetteer matching.
 */
export function lightNormalizeWord(word: string): string {
  return word.replace(DROP, '').replace(/[أإآٱ]/g, 'ا');
}
