import type { Span } from '../model/index.js';
import { ALEF, ALEF_WASLA, BA, FA, isArabicLetterCode, isArabicMarkCode, KAF, LAM, WAW } from './chars.js';

// Clitic segmentation without a lexicon. Arabic writes و ف ب ل ك and the article ال onto the
// next word («وبالمدينة» = و + ب + ال + مدينة) and pronouns onto the end («مدينتها» = مدينت + ها).
// Without a dictionary we cannot know whether «بلال» is ب + لال or the name Bilal, whether
// «ليبيا» is ل + يبيا, whether «فاغنر» is ف + اغنر. So we do not decide: cliticAnalyses returns
// every well-formed reading, most plausible first, always including the unsegmented word, and a
// later stage (gazetteer lookup) keeps the one whose stem it knows.
//
// Analyses are made on the surface letters, harakat skipped. Hamza forms are NOT folded here:
// «ألمانيا» starts with أ, so it can never be read as the article ال + مانيا.

export interface CliticAnalysis {
  /** Proclitic morphemes in order: ['و', 'ب', 'ال']. «لل» gives ['ل', 'ال'] (the article's alef is
   * not written after ل). */
  prefix: string[];
  /** The stem's half-open range within the analysed word (harakat on it included). */
  stem: Span;
  /** A pronoun suffix (ه ها هم هما هن كم كما نا ي), when the analysis has one. */
  suffix?: string;
  /** Heuristic plausibility; the unsegmented reading scores 0. Only the order is meaningful. */
  score: number;
}

const HAMZA_ALEFS = new Set([0x0623, 0x0625, 0x0622]);

const CONJ = [0, WAW, FA] as const;
/** Letters a prefixed word can start with (و ف ب ل ك ا ٱ) and a suffixed one end with (ه ا م ن ي). */
const PROCLITIC_FIRST = new Set([WAW, FA, 0x0628, 0x0644, 0x0643, 0x0627, 0x0671]);
const SUFFIX_LAST = new Set([0x0647, 0x0627, 0x0645, 0x0646, 0x064a]);
const PREP = [0, BA, LAM, KAF] as const;

/** Pronoun suffixes, longest first. */
const SUFFIXES = ['هما', 'كما', 'هم', 'هن', 'كم', 'ها', 'نا', 'ه', 'ي'].map((s) => ({
  text: s,
  codes: [...s].map((c) => c.charCodeAt(0)),
}));

/** Words whose initial ال is not a separable article: relative pronouns and «الله». Written with
 * harakat stripped, hamza kept. */
const LEXICAL_AL = new Set([
  'الذي',
  'التي',
  'الذين',
  'اللذان',
  'اللتان',
  'اللذين',
  'اللتين',
  'اللاتي',
  'اللواتي',
  'اللائي',
  'الله',
  'اللهم',
]);

/** Words that look like و + ال + stem but are one word: «والدة» (mother) is not «و + ال + دة». */
const LEXICAL_WAL = new Set([
  'والد',
  'والدة',
  'والده',
  'والدي',
  'والدها',
  'والدهم',
  'والدين',
  'والدان',
  'والي',
]);

const charOf = (c: number): string => String.fromCharCode(c);

/**
 * Candidate clitic analyses of one word, most plausible first; the unsegmented reading is always
 * among them. Non-Arabic words and words under 3 letters only have the unsegmented reading.
 *
 *   cliticAnalyses('وبالمدينة')[0] → { prefix: ['و','ب','ال'], stem: {start: 4, end: 9} }
 *   cliticAnalyses('ولد')          → [{ prefix: [], stem: {start: 0, end: 3} }]
 */
export function cliticAnalyses(word: string): CliticAnalysis[] {
  const whole: CliticAnalysis = { prefix: [], stem: { start: 0, end: word.length }, score: 0 };
  const letters: number[] = [];
  const pos: number[] = [];
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (isArabicMarkCode(c)) continue;
    if (!isArabicLetterCode(c)) return [whole];
    letters.push(c);
    pos.push(i);
  }
  const n = letters.length;
  if (n < 3) return [whole];
  // Fast exit for most words: no proclitic letter in front, no pronoun letter at the end.
  const first = letters[0]!;
  const last = letters[n - 1]!;
  if (!PROCLITIC_FIRST.has(first) && !SUFFIX_LAST.has(last)) return [whole];
  const skeleton = String.fromCharCode(...letters);
  const out: CliticAnalysis[] = [whole];

  for (const conj of CONJ) {
    for (const prep of PREP) {
      for (const article of [false, true]) {
        if (!conj && !prep && !article) continue;
        // Surface letters of this prefix sequence.
        const codes: number[] = [];
        if (conj) codes.push(conj);
        if (prep) codes.push(prep);
        if (article && prep === LAM) codes.push(LAM); // ل + ال → «لل»
        let k = codes.length;
        let ok = codes.every((c, i) => letters[i] === c);
        if (!ok) continue;
        if (article && prep !== LAM) {
          const a = letters[k];
          ok = (a === ALEF || a === ALEF_WASLA) && letters[k + 1] === LAM;
          if (!ok) continue;
          k += 2;
        }
        const stemLetters = n - k;
        const prefix = [conj, prep].filter((c) => c !== 0).map(charOf);
        if (article) prefix.push('ال');
        const stemStartsWithHamza = HAMZA_ALEFS.has(letters[k]!);
        const stemSkeleton = skeleton.slice(k);

        // Stem length floor: 2 after the article («اليد», «الأب»), 2 after a proclitic only when
        // the stem starts with a hamza alef («وأن», «فإن», «لأن»), 3 otherwise («وقال»). This is
        // what keeps «ولد» whole: و + لد would leave 2 letters.
        const floor = article ? 2 : stemStartsWithHamza ? 2 : 3;
        if (stemLetters < floor) continue;

        let score: number;
        if (article) {
          // ال is the strongest cue there is: «الولايات», «وبالمدينة», «للمتمردين».
          // A two-letter stem after و/ب + ال is rarer than a word like «والدة»: below the whole word.
          if (stemLetters >= 3) score = 3 + 0.5 * ((conj ? 1 : 0) + (prep ? 1 : 0));
          else score = conj || prep ? -0.3 : 1;
          if (LEXICAL_AL.has(`ال${stemSkeleton}`) || LEXICAL_WAL.has(skeleton)) score = -4;
        } else {
          // A bare proclitic is a coin toss without a lexicon («وقال» vs «وزير», «لبنان», «بلال»),
          // so it ranks below the whole word unless the stem gives it away: Arabic words do not
          // begin with و + hamza alef, so «وأضاف» is و + أضاف.
          score = conj && !prep ? -0.5 : prep && !conj ? -1 : -1.5;
          if (stemStartsWithHamza || letters[k] === WAW) score += 0.7;
          if (LEXICAL_AL.has(stemSkeleton)) score += 0.8; // «والذي» = و + الذي
        }
        out.push({ prefix, stem: { start: pos[k]!, end: word.length }, score });
      }
    }
  }

  // Pronoun suffixes, on the whole word and on article-free analyses (Arabic never has both an
  // article and a pronoun: «الكتابه» is not ال + كتاب + ه).
  const base = out.filter((a) => !a.prefix.includes('ال'));
  for (const a of base) {
    const firstStem = pos.indexOf(a.stem.start);
    for (const suf of SUFFIXES) {
      const m = suf.codes.length;
      const stemLetters = n - firstStem - m;
      if (stemLetters < 3) continue;
      if (!suf.codes.every((c, i) => letters[n - m + i] === c)) continue;
      // A pronoun is usually a guess («مالي» = my money, or Mali). The safe case: a stem ending in
      // ت before a two-letter pronoun is a ta marbuta in construct («قواتها», «حكومتهم» ← حكومة),
      // and that reading beats the whole word.
      const construct = letters[n - m - 1] === 0x062a && m >= 2;
      const score = construct ? a.score + 0.3 : a.score - 0.8;
      out.push({
        prefix: a.prefix,
        stem: { start: a.stem.start, end: pos[n - m]! },
        suffix: suf.text,
        score,
      });
    }
  }

  return out.sort((x, y) => y.score - x.score || y.stem.end - y.stem.start - (x.stem.end - x.stem.start));
}
