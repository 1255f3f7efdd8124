import { type NameLikeness, nameLikenessBucket } from './charlm.js';
import { type Gazetteer, matchGazetteer } from './gazetteer.js';
import { lightNormalizeWord, normalizeWord, type Stripped, stripProclitics, wordShape } from './normalize.js';
import { type FeatureSink, StringSink } from './sink.js';

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
  /**
   * Distributional word classes (see clusters.ts), one map per granularity: clitic-stripped
   * stem (or whole word) → class. Learned from unlabelled text, stored in the model.
   */
  clusters?: readonly ReadonlyMap<string, number>[];
  /**
   * Training-span gazetteer (gazetteer.ts `trainSpanEntries`): entity surface forms of the
   * training data with their type, matched longest-first; `entries` are what the model stores.
   */
  spans?: { entries: readonly { name: string; type: string }[]; gaz: Gazetteer };
  /** compute the clitic-reading features (TokenInfo.xf); off in models trained before them */
  xclitic?: boolean;
  /** the second pass has span-propagation hints (document.ts `pp=`) */
  spanHints?: boolean;
  /** letter models of names and of ordinary words (charlm.ts): the `nl=` features */
  nameLikeness?: NameLikeness;
}

/** Training-span flags ('B-LOC', 'I-PERS' or null) for a sentence, when the model has spans. */
export function spanFlags(ctx: FeatureContext, words: readonly string[]): (string | null)[] | null {
  return ctx.spans ? matchGazetteer(ctx.spans.gaz, words) : null;
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
  /** class per granularity, '' when the word has none: e.g. ['17', '153'] */
  cl: string[];
  /**
   * Features of the word read with a proclitic off when `stripProclitics` kept it whole (a rare
   * name: «ونيكول» is و + «نيكول», which training never saw): the lexicon types and the classes
   * of the rest. Empty for most words.
   */
  xf: string[];
  /** name-likeness bucket of the stem (charlm.ts), '' without the models */
  nl: string;
  /** with `nl`: neither the word nor its stem is in the training vocabulary */
  oov: boolean;
}

const PAD: TokenInfo = {
  w: '<s>',
  r: '',
  st: { stem: '<s>', clitic: '', article: false },
  shape: 'PAD',
  trig: '',
  lx: '',
  cl: ['<s>', '<s>', '<s>'],
  xf: [],
  nl: '',
  oov: false,
};

/** Gazetteer flags may be given as 'LOC' or 'B-LOC'/'I-LOC'; the tagger uses the type. */
function gazType(flag: string | null | undefined): string {
  if (!flag) return '';
  return flag.length > 2 && flag[1] === '-' ? flag.slice(2) : flag;
}

/** The sentence-boundary pseudo-token. */
export const PAD_INFO: TokenInfo = PAD;

const counters = new WeakMap<FeatureContext, (word: string) => number>();
/** How often the training data saw a word, for clitic splitting (one function per context). */
export function vocabCount(ctx: FeatureContext): (word: string) => number {
  let c = counters.get(ctx);
  if (!c) {
    const vocab = ctx.vocab;
    c = (x: string) => vocab.get(x) ?? 0;
    counters.set(ctx, c);
  }
  return c;
}

export function tokenInfo(word: string, ctx: FeatureContext): TokenInfo {
  const w = normalizeWord(word);
  const st = stripProclitics(w, vocabCount(ctx));
  const r = lightNormalizeWord(word);
  return {
    w,
    r: r === w ? '' : r,
    st,
    shape: wordShape(w),
    trig: ctx.triggers.get(w) ?? ctx.triggers.get(st.stem) ?? '',
    lx: lexiconTypes(ctx.lexicon, r, st),
    cl: clusterOf(ctx, w, st),
    xf: cliticReadingFeatures(ctx, w, r, st),
    ...nameLikenessOf(ctx, w, st),
  };
}

const ARABIC_LETTER = /[\u0621-\u064a]/;

function nameLikenessOf(ctx: FeatureContext, w: string, st: Stripped): { nl: string; oov: boolean } {
  const m = ctx.nameLikeness;
  if (!m || !ARABIC_LETTER.test(st.stem)) return { nl: '', oov: false };
  return { nl: String(nameLikenessBucket(m, st.stem)), oov: !ctx.vocab.has(w) && !ctx.vocab.has(st.stem) };
}

const BARE_PROCLITIC = /^[وفبلك]/;

function cliticReadingFeatures(ctx: FeatureContext, w: string, light: string, st: Stripped): string[] {
  if (!ctx.xclitic || st.clitic || w.length < 5 || !BARE_PROCLITIC.test(w)) return [];
  const out: string[] = [];
  const rest = w.slice(1);
  const lx = ctx.lexicon?.get(light.slice(1));
  if (lx) out.push(`xlx=${lx}`, `xlx=${w[0]}|${lx}`);
  const cs = ctx.clusters;
  if (cs)
    for (let k = 0; k < cs.length; k++) {
      const c = cs[k]!.get(rest);
      if (c !== undefined) out.push(`xc${k}=${c}`);
    }
  if (out.length) out.push(`xp=${w[0]}`);
  return out;
}

function clusterOf(ctx: FeatureContext, w: string, st: Stripped): string[] {
  const cs = ctx.clusters;
  if (!cs?.length) return [];
  const out: string[] = new Array(cs.length);
  for (let k = 0; k < cs.length; k++) {
    const c = cs[k]!.get(st.stem) ?? cs[k]!.get(w);
    out[k] = c === undefined ? '' : String(c);
  }
  return out;
}

// Feature names as constants, so the templates below build no name strings per word.
const PREFIX = ['', 'p1=', 'p2=', 'p3=', 'p4=', 'p5='];
const SUFFIX = ['', 's1=', 's2=', 's3=', 's4=', 's5='];
const STEM_PREFIX = ['', 'sp1=', 'sp2=', 'sp3=', 'sp4=', 'sp5='];
const STEM_SUFFIX = ['', 'ss1=', 'ss2=', 'ss3=', 'ss4=', 'ss5='];
/** Feature names indexed by class granularity, made once each: `c0=`, `c1=`, … */
function indexedNames(make: (k: number) => string): (k: number) => string {
  const made: string[] = [];
  return (k) => (made[k] ??= make(k));
}
const CLASS = indexedNames((k) => `c${k}=`);
const CLASS_LEFT_PAIR = indexedNames((k) => `c${k}-1|0=`);
const CLASS_RIGHT_PAIR = indexedNames((k) => `c${k}0|+1=`);

interface NeighbourNames {
  w: string;
  st: string;
  ss: string;
  r: string;
  tg: string;
  nl: string;
  c: (k: number) => string;
}
const neighbourNames = (o: string): NeighbourNames => ({
  w: `w${o}=`,
  st: `st${o}=`,
  ss: `ss${o}=`,
  r: `r${o}=`,
  tg: `tg${o}=`,
  nl: `nl${o}=`,
  c: indexedNames((k) => `c${k}${o}=`),
});
const NEIGHBOUR_NAMES: Record<NeighbourOffset, NeighbourNames> = {
  [-2]: neighbourNames('-2'),
  [-1]: neighbourNames('-1'),
  1: neighbourNames('+1'),
  2: neighbourNames('+2'),
};

/** Features of the word alone (cacheable per word type at inference), written to `f`. */
export function writeLocalFeatures(t: TokenInfo, f: FeatureSink): void {
  const w = t.w;
  const s = t.st.stem;
  f.add('b', '');
  f.add('w=', w);
  f.add('st=', s);
  f.add('pc=', t.st.clitic);
  f.add('al=', t.st.article ? '1' : '0');
  f.add('sh=', t.shape);
  for (let k = 1; k <= 5; k++) {
    if (w.length >= k) {
      f.range(PREFIX[k]!, w, 0, k);
      f.range(SUFFIX[k]!, w, w.length - k, w.length);
    }
    if (s.length > k) {
      f.range(STEM_PREFIX[k]!, s, 0, k);
      f.range(STEM_SUFFIX[k]!, s, s.length - k, s.length);
    }
  }
  if (t.r) f.add('r=', t.r);
  if (t.trig) f.add('tg0=', t.trig);
  for (let k = 0; k < t.cl.length; k++) f.add(CLASS(k), t.cl[k]!);
  for (const x of t.xf) f.raw(x);
  if (t.nl) {
    f.add('nl=', t.nl);
    if (t.oov) f.add('nlo=', t.nl);
  }
}

/** Features of the word alone, as strings. */
export function localFeatures(t: TokenInfo): string[] {
  const sink = new StringSink();
  writeLocalFeatures(t, sink);
  return sink.out;
}

/** Offsets of the neighbours whose own features (word, stem, class…) are templates. */
export const NEIGHBOUR_OFFSETS = [-2, -1, 1, 2] as const;
export type NeighbourOffset = (typeof NEIGHBOUR_OFFSETS)[number];

/**
 * Features of neighbour `t` seen from `off` words away that depend on that neighbour alone
 * (so the tagger can cache their weights per word type and offset).
 */
export function writeNeighbourFeatures(
  t: TokenInfo,
  off: NeighbourOffset,
  f: FeatureSink,
  /** number of class granularities in the model (the pad token's `cl` is longer) */
  K: number = t.cl.length,
): void {
  const s = t.st.stem;
  const n = NEIGHBOUR_NAMES[off];
  f.add(n.w, t.w);
  f.add(n.st, s);
  if (off === -1 || off === 1) {
    f.range(n.ss, s, Math.max(0, s.length - 2), s.length);
    if (t.r) f.add(n.r, t.r);
    if (t.trig) f.add(n.tg, t.trig);
    if (t.nl) f.add(n.nl, t.nl);
  } else if (off === -2 && t.trig) f.add(n.tg, t.trig);
  for (let k = 0; k < K; k++) f.add(n.c(k), t.cl[k]!);
}

/** The neighbour features as strings, appended to `f`. */
export function neighbourFeatures(
  t: TokenInfo,
  off: NeighbourOffset,
  f: string[] = [],
  K: number = t.cl.length,
): string[] {
  writeNeighbourFeatures(t, off, new StringSink(f), K);
  return f;
}

/**
 * Features that pair the word `t` with the word before it (`p1`, the pad at the sentence start,
 * where `first` is also set). They depend on the two words alone, so the tagger caches their
 * weights per word bigram.
 */
export function writeLeftPairFeatures(p1: TokenInfo, t: TokenInfo, first: boolean, f: FeatureSink): void {
  f.pair('ww-1=', p1.w, t.w);
  f.pair('sh-1=', p1.shape, t.shape);
  f.pair('al-1=', p1.st.article ? '1' : '0', t.st.article ? '1' : '0');
  f.pair('sb-1=', p1.st.stem, t.st.stem);
  for (let k = 0; k < t.cl.length; k++) f.pair(CLASS_LEFT_PAIR(k), p1.cl[k] ?? '', t.cl[k]!);
  if (first) f.add('first', '');
}

export function leftPairFeatures(p1: TokenInfo, t: TokenInfo, first: boolean, f: string[] = []): string[] {
  writeLeftPairFeatures(p1, t, first, new StringSink(f));
  return f;
}

/** Features that pair the word `t` with the word after it (`n1`); cached like the left ones. */
export function writeRightPairFeatures(t: TokenInfo, n1: TokenInfo, f: FeatureSink): void {
  f.pair('ww+1=', t.w, n1.w);
  f.pair('sh+1=', t.shape, n1.shape);
  f.pair('sb+1=', t.st.stem, n1.st.stem);
  for (let k = 0; k < t.cl.length; k++) f.pair(CLASS_RIGHT_PAIR(k), t.cl[k]!, n1.cl[k] ?? '');
}

export function rightPairFeatures(t: TokenInfo, n1: TokenInfo, f: string[] = []): string[] {
  writeRightPairFeatures(t, n1, new StringSink(f));
  return f;
}

/**
 * The features of token i that look at more than one neighbour, or at the gazetteers: the words
 * either side together, a trigger in the three words before, gazetteer and lexicon types.
 */
export function writeRestPairFeatures(
  info: readonly TokenInfo[],
  gaz: readonly string[] | null,
  i: number,
  f: FeatureSink,
  /** training-span flags of the sentence (see FeatureContext.spans), or null */
  sp: readonly (string | null)[] | null = null,
): void {
  // no closures here: this runs for every token tagged
  const n = info.length;
  const t = info[i]!;
  const p1 = i > 0 ? info[i - 1]! : PAD;
  const n1 = i + 1 < n ? info[i + 1]! : PAD;
  f.pair('w-1+1=', p1.w, n1.w);
  const win = p1.trig || (i > 1 ? info[i - 2]!.trig : '') || (i > 2 ? info[i - 3]!.trig : '');
  if (win) f.add('tgw=', win);
  if (gaz) writeFlagTriple(f, GZ, i > 0 ? gaz[i - 1]! : '', gaz[i]!, i + 1 < n ? gaz[i + 1]! : '');
  if (sp) writeFlagTriple(f, SP, (i > 0 && sp[i - 1]) || '', sp[i] ?? '', (i + 1 < n && sp[i + 1]) || '');
  writeFlagTriple(f, LX, p1.lx, t.lx, n1.lx);
}

const GZ = ['gz=', 'gz-1=', 'gz+1='] as const;
const SP = ['sp=', 'sp-1=', 'sp+1='] as const;
const LX = ['lx=', 'lx-1=', 'lx+1='] as const;

/** A list's flag on the word, and paired with the flag before and after, when any is set. */
function writeFlagTriple(
  f: FeatureSink,
  names: readonly [string, string, string],
  prev: string,
  cur: string,
  next: string,
): void {
  if (!prev && !cur && !next) return;
  f.add(names[0], cur);
  f.pair(names[1], prev, cur);
  f.pair(names[2], cur, next);
}

/** Features that combine the word with a neighbour, or neighbours with each other. */
export function pairFeatures(
  info: readonly TokenInfo[],
  gaz: readonly string[] | null,
  i: number,
  f: string[] = [],
  sp: readonly (string | null)[] | null = null,
): string[] {
  const n = info.length;
  const t = info[i]!;
  leftPairFeatures(i > 0 ? info[i - 1]! : PAD, t, i === 0, f);
  rightPairFeatures(t, i + 1 < n ? info[i + 1]! : PAD, f);
  writeRestPairFeatures(info, gaz, i, new StringSink(f), sp);
  return f;
}

/** Features that look at the neighbours (and at the caller's gazetteer types `gaz`). */
export function contextFeatures(
  info: readonly TokenInfo[],
  gaz: readonly string[] | null,
  i: number,
  f: string[] = [],
  sp: readonly (string | null)[] | null = null,
): string[] {
  const n = info.length;
  const K = info[i]!.cl.length;
  for (const off of NEIGHBOUR_OFFSETS) {
    const k = i + off;
    neighbourFeatures(k < 0 || k >= n ? PAD : info[k]!, off, f, K);
  }
  return pairFeatures(info, gaz, i, f, sp);
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
 * - the normalised word, its prefixes/suffixes of length 1–5 (nisba «ـي/ـية», plural «ـون»);
 * - the word without proclitics (و ف ب ل ك ال لل) and its affixes: «وبالقاهرة» shares «قاهره»
 *   with «القاهرة»; whether ال was attached (names of people rarely take it, places often do);
 * - the light form when ى/ة make it differ («على» is not «علي»);
 * - shape (script, digits, punctuation; length bucket);
 * - the two words either side, raw-normalised and clitic-stripped, and word bigrams;
 * - trigger words in a window: «الرئيس ‹PERS›», «مدينة ‹LOC›», «حركة ‹ORG›»;
 * - distributional word classes (clusters.ts) of the word and of the words ±2 around it, and
 *   the class bigrams with the word's neighbours: a name never seen labelled still shares a
 *   class with names that were;
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
  /** training-span flags computed elsewhere (jackknifed in training); default: from ctx */
  spans?: readonly (string | null)[],
): string[][] {
  const n = words.length;
  const info = words.map((w) => tokenInfo(w, ctx));
  const gaz = gazetteerTypes(gazetteer, n);
  const sp = spans ?? spanFlags(ctx, words);
  const out: string[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const f = contextFeatures(info, gaz, i, localFeatures(info[i]!), sp);
    const x = extra?.[i];
    if (x) for (const e of x) f.push(e);
    out[i] = f;
  }
  return out;
}
