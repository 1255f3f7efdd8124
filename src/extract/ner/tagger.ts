import { type NerSpan, spansFromTags } from './bio.js';
import { type ConsistencyOptions, propagateSpans } from './consistency.js';
import { documentFeatures } from './document.js';
import {
  type FeatureContext,
  gazetteerTypes,
  NEIGHBOUR_OFFSETS,
  PAD_INFO,
  spanFlags,
  type TokenInfo,
  tokenInfo,
  writeLeftPairFeatures,
  writeLocalFeatures,
  writeNeighbourFeatures,
  writeRestPairFeatures,
  writeRightPairFeatures,
} from './features.js';
import type { DecodeBias, NerModel, NerWeights } from './model.js';
import { bioConstraints, viterbi } from './perceptron.js';
import { type SummingSink, weightSink } from './sink.js';

export interface NerResult {
  tags: string[];
  spans: NerSpan[];
}

const constraintCache = new WeakMap<readonly string[], Uint8Array>();

/**
 * Memo of per-word work for each weight set: normalising, clitic splitting, and the summed
 * weights of every feature that depends on the word alone — its own features (`local`) and
 * those it contributes as the neighbour at offset −2, −1, +1, +2 (`near`, T values per offset,
 * in NEIGHBOUR_OFFSETS order). Only the pair features are built as strings per token. It only
 * saves time — output is the same with or without it — and is dropped when it grows past
 * MAX_CACHED words.
 */
interface WordEntry {
  info: TokenInfo;
  local: Float32Array;
  near: Float32Array;
}
interface WordCache {
  /** sums the weight rows of the features the templates write (sink.ts) */
  sink: SummingSink;
  words: Map<string, WordEntry>;
  pad: WordEntry;
  /**
   * Word bigram → the summed weights of the features that pair its two words: T values for the
   * first word (its right-pair features), then T for the second (its left-pair features). Keys
   * use START / END for the sentence edges.
   */
  bigrams: Map<string, Map<string, Float32Array>>;
  /** entries in `bigrams` */
  bigramCount: number;
}
const wordCache = new WeakMap<NerWeights, WordCache>();
const MAX_CACHED = 200_000;
const MAX_BIGRAMS = 400_000;
const START = '\u0002';
const END = '\u0003';

/** Adds the weights of features already built as strings (pairs, document features). */
function sumInto(sink: SummingSink, feats: readonly string[], out: Float32Array, at: number): void {
  sink.into(out, at);
  for (const f of feats) sink.raw(f);
}

function makeEntry(sink: SummingSink, T: number, info: TokenInfo, K: number, withLocal: boolean): WordEntry {
  const local = new Float32Array(T);
  if (withLocal) writeLocalFeatures(info, sink.into(local, 0));
  const near = new Float32Array(NEIGHBOUR_OFFSETS.length * T);
  for (let j = 0; j < NEIGHBOUR_OFFSETS.length; j++)
    writeNeighbourFeatures(info, NEIGHBOUR_OFFSETS[j]!, sink.into(near, j * T), K);
  return { info, local, near };
}

function cacheFor(w: NerWeights, T: number, ctx: FeatureContext): WordCache {
  let c = wordCache.get(w);
  if (!c) {
    const sink = weightSink(w, T);
    c = {
      sink,
      words: new Map(),
      pad: makeEntry(sink, T, PAD_INFO, ctx.clusters?.length ?? 0, false),
      bigrams: new Map(),
      bigramCount: 0,
    };
    wordCache.set(w, c);
  }
  return c;
}

function wordEntry(c: WordCache, T: number, ctx: FeatureContext, word: string): WordEntry {
  let e = c.words.get(word);
  if (e) return e;
  const info = tokenInfo(word, ctx);
  e = makeEntry(c.sink, T, info, info.cl.length, true);
  if (c.words.size >= MAX_CACHED) c.words.clear();
  c.words.set(word, e);
  return e;
}

/** The bigram entry of words a, b (either may be the sentence edge: `a` START, `b` END). */
function bigramEntry(
  c: WordCache,
  T: number,
  a: string,
  ai: TokenInfo,
  b: string,
  bi: TokenInfo,
): Float32Array {
  // nested maps: no key string to build per token
  let after = c.bigrams.get(a);
  let e = after?.get(b);
  if (e) return e;
  e = new Float32Array(2 * T);
  if (a !== START) writeRightPairFeatures(ai, bi, c.sink.into(e, 0));
  if (b !== END) writeLeftPairFeatures(ai, bi, a === START, c.sink.into(e, T));
  if (c.bigramCount >= MAX_BIGRAMS) {
    c.bigrams.clear();
    c.bigramCount = 0;
    after = undefined;
  }
  if (!after) {
    after = new Map();
    c.bigrams.set(a, after);
  }
  after.set(b, e);
  c.bigramCount++;
  return e;
}

function decode(
  w: NerWeights,
  tags: readonly string[],
  ctx: FeatureContext,
  words: readonly string[],
  gazetteer?: readonly (string | null)[],
  extra?: readonly (readonly string[])[],
  /** training-span flags (the trainer's jackknifed ones, or another pass's); default: from ctx */
  spans?: readonly (string | null)[] | null,
  /** subtracted from every token's O score (see NerModel.oBias) */
  oBias = 0,
): string[] {
  const n = words.length;
  if (n === 0) return [];
  const T = tags.length;
  let allowed = constraintCache.get(tags);
  if (!allowed) {
    allowed = bioConstraints(tags);
    constraintCache.set(tags, allowed);
  }
  const oAt = Math.max(0, tags.indexOf('O'));
  const cache = cacheFor(w, T, ctx);
  const entries: WordEntry[] = new Array(n);
  const info: TokenInfo[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const e = wordEntry(cache, T, ctx, words[i]!);
    entries[i] = e;
    info[i] = e.info;
  }
  const gaz = gazetteerTypes(gazetteer, n);
  const sp = spans === undefined ? spanFlags(ctx, words) : spans;
  const em = new Float32Array(n * T);
  // pair features from the bigram memo: bigram (i-1, i) adds to token i-1 and token i
  for (let i = 0; i <= n; i++) {
    const a = i === 0 ? START : words[i - 1]!;
    const b = i === n ? END : words[i]!;
    const e = bigramEntry(cache, T, a, i === 0 ? PAD_INFO : info[i - 1]!, b, i === n ? PAD_INFO : info[i]!);
    if (i > 0) {
      const at = (i - 1) * T;
      for (let t = 0; t < T; t++) em[at + t]! += e[t]!;
    }
    if (i < n) {
      const at = i * T;
      for (let t = 0; t < T; t++) em[at + t]! += e[T + t]!;
    }
  }
  for (let i = 0; i < n; i++) {
    const at = i * T;
    const local = entries[i]!.local;
    for (let t = 0; t < T; t++) em[at + t]! += local[t]!;
    for (let j = 0; j < NEIGHBOUR_OFFSETS.length; j++) {
      const k = i + NEIGHBOUR_OFFSETS[j]!;
      const near = (k < 0 || k >= n ? cache.pad : entries[k]!).near;
      const o = j * T;
      for (let t = 0; t < T; t++) em[at + t]! += near[o + t]!;
    }
    writeRestPairFeatures(info, gaz, i, cache.sink.into(em, at), sp);
    const x = extra?.[i];
    if (x) sumInto(cache.sink, x, em, at);
    if (oBias) em[at + oAt]! -= oBias;
  }
  return Array.from(viterbi(em, n, w.transitions, allowed, T), (t) => tags[t]!);
}

/** The first pass only: sentence features, no document context. */
export function tagFirstPass(
  model: NerModel,
  words: readonly string[],
  gazetteer?: readonly (string | null)[],
  /** training-span flags (the trainer's jackknife passes its own); default: from the model */
  spans?: readonly (string | null)[],
  oBias = 0,
): string[] {
  return decode(model, model.tags, model.ctx, words, gazetteer, undefined, spans, oBias);
}

/**
 * Tags the sentences of one document (an article). With a two-pass model the first pass tags
 * every sentence, then the second pass re-tags each with document features (how the same word
 * was tagged elsewhere). `gazetteers[j][i]` optionally flags word i of sentence j. Pure.
 */
export function tagDocumentWithModel(
  model: NerModel,
  sentences: readonly (readonly string[])[],
  gazetteers?: readonly (readonly (string | null)[] | undefined)[],
  bias: DecodeBias = model.bias ?? {},
  /** one-sense-per-document span propagation (consistency.ts); false = the tagger's tags only */
  consistency: ConsistencyOptions | false = {},
): NerResult[] {
  const s2 = model.stage2;
  // the training-span flags are the same in both passes: matched once
  const spans = sentences.map((ws) => spanFlags(model.ctx, ws));
  const b1 = s2 ? (bias.first ?? 0) : (bias.final ?? 0);
  const first = sentences.map((ws, j) =>
    decode(model, model.tags, model.ctx, ws, gazetteers?.[j], undefined, spans[j], b1),
  );
  let final = first;
  if (s2) {
    const hints = model.ctx.spanHints ? propagateSpans(sentences, first) : undefined;
    const doc = documentFeatures(sentences, first, model.ctx, undefined, hints);
    final = sentences.map((ws, j) =>
      decode(s2, model.tags, model.ctx, ws, gazetteers?.[j], doc[j], spans[j], bias.final ?? 0),
    );
  }
  if (consistency) final = propagateSpans(sentences, final, consistency);
  return final.map((tags) => ({ tags, spans: spansFromTags(tags) }));
}

/**
 * Tags one sentence on its own with the first pass. (The second pass was trained on windows
 * of ±15 sentences; on a lone sentence its document features are missing and it does worse
 * than the first pass, so whole articles should go through `tagDocumentWithModel`.)
 */
export function tagWithModel(
  model: NerModel,
  words: readonly string[],
  gazetteer?: readonly (string | null)[],
): NerResult {
  const bias = model.bias ?? {};
  const tags = tagFirstPass(
    model,
    words,
    gazetteer,
    undefined,
    (model.stage2 ? bias.first : bias.final) ?? 0,
  );
  return { tags, spans: spansFromTags(tags) };
}
