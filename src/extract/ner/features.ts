import { lightNormalizeWord, normalizeWord, type Stripped, stripProclitics, wordShape } from './normalize.js';

/**
 * What the feature templates need besides the words: the training vocabulary (for clitic
 * splitting) and the trigger lists (title and cue words), both stored in the model file so
 * features at inference are computed exactly as they were in training.
 */
export interface FeatureContext {
  vocab: ReadonlyMap<string, number>;
  /** normalised, article-stripped trigger word → category (e.g. «رئيس» → 'PERS'). */
  triggers: ReadonlyMap<string, string>;
  /**
   * Name-part lexicon built into the model (light-normalised word → types, e.g. «محمود» →
   * 'PERS', «طرابلس» → 'LOC'): word-level membership, always on, unlike the caller's gazetteer.
   */
  lexicon?: ReadonlyMap<string, string>;
}

/** Trigger lists as stored in data/models/ner-triggers.json: category → words. */
export type TriggerLists = Record<string, string[]>;

export function buildTriggerMap(lists: TriggerLists): Map<string, string> {
  const out = new Map<string, string>();
  const none = () => 0;
  for (const [cat, words] of Object.entries(lists)) {
    if (!Array.isArray(words) || cat.startsWith('$')) continue;
    for (const w of words) {
      const n = normalizeWord(w);
      out.set(n, cat);
      out.set(stripProclitics(n, none).stem, cat);
    }
  }
  return out;
}

function lexiconTypes(lex: ReadonlyMap<string, string> | undefined, light: string, st: Stripped): string {
  if (!lex) return '';
  const hit = lex.get(light);
  if (hit) return hit;
  if (!st.clitic) return '';
  // «وبغداد» → «بغداد»; compare the stripped stem with and without the article
  const stem = light.slice(st.clitic.length); // same length: both folds map letter to letter
  return lex.get(stem) ?? (st.article ? (lex.get(`ال${stem}`) ?? '') : '');
}

/** What the templates need to know about one word, independent of its neighbours. */
export interface TokenInfo {
  w: string;
  /** light-normalised form when it differs from w, else '' */
  r: string;
  st: Stripped;
  shape: string;
  trig: string;
  lx: string;
}

const PAD: TokenInfo = {
  w: '<s>',
  r: '',
  st: { stem: '<s>', clitic: '', article: false },
  shape: 'PAD',
  trig: '',
  lx: '',
};

/** Gazetteer flags may be given as 'LOC' or 'B-LOC'/'I-LOC'; the tagger uses the type. */
function gazType(flag: string | null | undefined): string {
  if (!flag) return '';
  return flag.length > 2 && flag[1] === '-' ? flag.slice(2) : flag;
}

export function tokenInfo(word: string, ctx: FeatureContext): TokenInfo {
  const w = normalizeWord(word);
  const st = stripProclitics(w, (x) => ctx.vocab.get(x) ?? 0);
  const r = lightNormalizeWord(word);
  return {
    w,
    r: r === w ? '' : r,
    st,
    shape: wordShape(w),
    trig: ctx.triggers.get(w) ?? ctx.triggers.get(st.stem) ?? '',
    lx: lexiconTypes(ctx.lexicon, r, st),
  };
}

/** Features of the word alone (cacheable per word type at inference). */
export function localFeatures(t: TokenInfo): string[] {
  const w = t.w;
  const s = t.st.stem;
  const f: string[] = [
    'b',
    `w=${w}`,
    `st=${s}`,
    `pc=${t.st.clitic}`,
    `al=${t.st.article ? 1 : 0}`,
    `sh=${t.shape}`,
  ];
  for (let k = 1; k <= 4; k++) {
    if (w.length >= k) f.push(`p${k}=${w.slice(0, k)}`, `s${k}=${w.slice(-k)}`);
    if (s.length > k) f.push(`sp${k}=${s.slice(0, k)}`, `ss${k}=${s.slice(-k)}`);
  }
  if (t.r) f.push(`r=${t.r}`);
  if (t.trig) f.push(`tg0=${t.trig}`);
  return f;
}

/** Features that look at the neighbours (and at the caller's gazetteer types `gaz`). */
export function contextFeatures(
  info: readonly TokenInfo[],
  gaz: readonly string[] | null,
  i: number,
  f: string[] = [],
): string[] {
  const n = info.length;
  const at = (k: number): TokenInfo => (k < 0 || k >= n ? PAD : info[k]!);
  const g = (k: number): string => (gaz && k >= 0 && k < n ? gaz[k]! : '');
  const t = info[i]!;
  const w = t.w;
  const s = t.st.stem;
  const p1 = at(i - 1);
  const p2 = at(i - 2);
  const n1 = at(i + 1);
  const n2 = at(i + 2);
  f.push(
    `w-1=${p1.w}`,
    `w-2=${p2.w}`,
    `w+1=${n1.w}`,
    `w+2=${n2.w}`,
    `st-1=${p1.st.stem}`,
    `st+1=${n1.st.stem}`,
    `st-2=${p2.st.stem}`,
    `st+2=${n2.st.stem}`,
    `ww-1=${p1.w}|${w}`,
    `ww+1=${w}|${n1.w}`,
    `sh-1=${p1.shape}|${t.shape}`,
    `sh+1=${t.shape}|${n1.shape}`,
    `ss-1=${p1.st.stem.slice(-2)}`,
    `ss+1=${n1.st.stem.slice(-2)}`,
    `al-1=${p1.st.article ? 1 : 0}|${t.st.article ? 1 : 0}`,
    `sb-1=${p1.st.stem}|${s}`,
    `sb+1=${s}|${n1.st.stem}`,
    `w-1+1=${p1.w}|${n1.w}`,
  );
  if (p1.r) f.push(`r-1=${p1.r}`);
  if (n1.r) f.push(`r+1=${n1.r}`);
  if (i === 0) f.push('first');
  if (p1.trig) f.push(`tg-1=${p1.trig}`);
  if (p2.trig) f.push(`tg-2=${p2.trig}`);
  if (n1.trig) f.push(`tg+1=${n1.trig}`);
  const win = p1.trig || p2.trig || at(i - 3).trig;
  if (win) f.push(`tgw=${win}`);
  const g0 = g(i);
  const gp = g(i - 1);
  const gn = g(i + 1);
  if (g0 || gp || gn) f.push(`gz=${g0}`, `gz-1=${gp}|${g0}`, `gz+1=${g0}|${gn}`);
  if (t.lx || p1.lx || n1.lx) f.push(`lx=${t.lx}`, `lx-1=${p1.lx}|${t.lx}`, `lx+1=${t.lx}|${n1.lx}`);
  return f;
}

export function gazetteerTypes(
  gazetteer: readonly (string | null)[] | undefined,
  n: number,
): string[] | null {
  if (!gazetteer) return null;
  const out: string[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = gazType(gazetteer[i]);
  return out;
}

/**
 * Feature strings for every token of one sentence. Templates (why, for Arabic):
 * - the normalised word, its prefixes/suffixes of length 1–4 (nisba «ـي/ـية», plural «ـون»);
 * - the word without proclitics (و ف ب ل ك ال لل) and its affixes: «وبالقاهرة» shares «قاهره»
 *   with «القاهرة»; whether ال was attached (names of people rarely take it, places often do);
 * - the light form when ى/ة make it differ («على» is not «علي»);
 * - shape (script, digits, punctuation; length bucket);
 * - the two words either side, raw-normalised and clitic-stripped, and word bigrams;
 * - trigger words in a window: «الرئيس ‹PERS›», «مدينة ‹LOC›», «حركة ‹ORG›»;
 * - the built-in name-part lexicon and the caller's optional gazetteer, for the word and its
 *   neighbours;
 * - `extra`: the second pass's document features.
 * Tag-to-tag dependencies come from the transition weights, not from features.
 */
export function sentenceFeatures(
  words: readonly string[],
  ctx: FeatureContext,
  gazetteer?: readonly (string | null)[],
  extra?: readonly (readonly string[])[],
): string[][] {
  const n = words.length;
  const info = words.map((w) => tokenInfo(w, ctx));
  const gaz = gazetteerTypes(gazetteer, n);
  const out: string[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const f = contextFeatures(info, gaz, i, localFeatures(info[i]!));
    const x = extra?.[i];
    if (x) for (const e of x) f.push(e);
    out[i] = f;
  }
  return out;
}
