import { type NerSpan, spansFromTags } from './bio.js';
import { documentFeatures } from './document.js';
import {
  contextFeatures,
  type FeatureContext,
  gazetteerTypes,
  localFeatures,
  type TokenInfo,
  tokenInfo,
} from './features.js';
import type { NerModel, NerWeights } from './model.js';
import { bioConstraints, viterbi } from './perceptron.js';

export interface NerResult {
  tags: string[];
  spans: NerSpan[];
}

const constraintCache = new WeakMap<readonly string[], Uint8Array>();

/**
 * Memo of per-word work (normalising, clitic splitting, the summed weights of the word's own
 * features) for each weight set. It only saves time — output is the same with or without it —
 * and is dropped when it grows past MAX_CACHED words.
 */
interface WordEntry {
  info: TokenInfo;
  local: Float32Array;
}
const wordCache = new WeakMap<NerWeights, Map<string, WordEntry>>();
const MAX_CACHED = 200_000;

function wordEntry(w: NerWeights, T: number, ctx: FeatureContext, word: string): WordEntry {
  let cache = wordCache.get(w);
  if (!cache) {
    cache = new Map();
    wordCache.set(w, cache);
  }
  let e = cache.get(word);
  if (e) return e;
  const info = tokenInfo(word, ctx);
  const local = new Float32Array(T);
  for (const f of localFeatures(info)) {
    const row = w.features.get(f);
    if (row === undefined) continue;
    for (let t = 0; t < T; t++) local[t]! += w.weights[row * T + t]!;
  }
  if (cache.size >= MAX_CACHED) cache.clear();
  e = { info, local };
  cache.set(word, e);
  return e;
}

function decode(
  w: NerWeights,
  tags: readonly string[],
  ctx: FeatureContext,
  words: readonly string[],
  gazetteer?: readonly (string | null)[],
  extra?: readonly (readonly string[])[],
): string[] {
  const n = words.length;
  if (n === 0) return [];
  const T = tags.length;
  let allowed = constraintCache.get(tags);
  if (!allowed) {
    allowed = bioConstraints(tags);
    constraintCache.set(tags, allowed);
  }
  const entries = words.map((word) => wordEntry(w, T, ctx, word));
  const info = entries.map((e) => e.info);
  const gaz = gazetteerTypes(gazetteer, n);
  const em = new Float32Array(n * T);
  const W = w.weights;
  const feats: string[] = [];
  for (let i = 0; i < n; i++) {
    em.set(entries[i]!.local, i * T);
    feats.length = 0;
    contextFeatures(info, gaz, i, feats);
    const x = extra?.[i];
    if (x) for (const e of x) feats.push(e);
    for (const f of feats) {
      const row = w.features.get(f);
      if (row === undefined) continue;
      const base = row * T;
      for (let t = 0; t < T; t++) em[i * T + t]! += W[base + t]!;
    }
  }
  return Array.from(viterbi(em, n, w.transitions, allowed, T), (t) => tags[t]!);
}

/** The first pass only: sentence features, no document context. */
export function tagFirstPass(
  model: NerModel,
  words: readonly string[],
  gazetteer?: readonly (string | null)[],
): string[] {
  return decode(model, model.tags, model.ctx, words, gazetteer);
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
): NerResult[] {
  const first = sentences.map((ws, j) => tagFirstPass(model, ws, gazetteers?.[j]));
  const s2 = model.stage2;
  let final = first;
  if (s2) {
    const doc = documentFeatures(sentences, first, model.ctx);
    final = sentences.map((ws, j) => decode(s2, model.tags, model.ctx, ws, gazetteers?.[j], doc[j]));
  }
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
  const tags = tagFirstPass(model, words, gazetteer);
  return { tags, spans: spansFromTags(tags) };
}
