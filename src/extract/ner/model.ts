import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { charLmCounts, charLmFromCounts } from './charlm.js';
import type { FeatureContext, TriggerLists } from './features.js';
import { buildTriggerMap } from './features.js';
import { buildGazetteer } from './gazetteer.js';

export const NER_MODEL_FORMAT = 'marsad.ner-perceptron/v1';
/** Bumped whenever normalize.ts or features.ts change what a feature string means. */
export const NER_FEATURE_VERSION = 'ner-local-v3';
/** v3 added the training-span gazetteer features; a v2 file (no spans) computes the same features. */
const READABLE_FEATURE_VERSIONS = new Set(['ner-local-v2', NER_FEATURE_VERSION]);

/** Provenance and settings written at the top of the model file. */
export interface NerModelHeader {
  description: string;
  created: string;
  sources: { name: string; path: string; licence: string; used: string }[];
  settings: Record<string, unknown>;
  [k: string]: unknown;
}

/** A trained tagger, ready for Viterbi decoding. */
export interface NerModel {
  header: NerModelHeader;
  tags: readonly string[];
  /** feature string → row in `weights` */
  features: ReadonlyMap<string, number>;
  /** row-major [feature][tag] */
  weights: Float32Array;
  /** row-major [previous tag or START (= tags.length)][tag] */
  transitions: Float32Array;
  ctx: FeatureContext;
  triggerLists: TriggerLists;
  /** the second (document) pass, trained on the first pass's jackknifed output; optional */
  stage2?: NerWeights;
  /** decision bias against O, tuned on a dev cut of the training data (see DecodeBias) */
  bias?: DecodeBias;
}

/**
 * Amounts subtracted from the O score of every token at decoding: the perceptron is more
 * precise than it recalls (P 80, R 67 on ANERcorp), and a small push away from O trades some of
 * the one for more of the other (Minkov et al. 2006). `first` is for the first pass of a
 * two-pass model (its tags only feed the document features), `final` for the pass whose tags
 * are returned.
 */
export interface DecodeBias {
  first?: number;
  final?: number;
}

/** One pass's weights: feature rows and tag transitions. */
export interface NerWeights {
  features: ReadonlyMap<string, number>;
  weights: Float32Array;
  transitions: Float32Array;
}

/** On-disk shape: sparse integer weights (value / scale), one entry per kept feature. */
interface NerModelFile {
  format: string;
  featureVersion: string;
  header: NerModelHeader;
  tags: string[];
  scale: number;
  transitions: number[];
  triggers: TriggerLists;
  vocab: Record<string, number>;
  lexicon?: Record<string, string>;
  /** word classes per granularity: word → class */
  clusters?: Record<string, number>[];
  /** training-span gazetteer: [surface form, type] */
  spans?: [string, string][];
  /** the clitic-reading features are on (FeatureContext.xclitic) */
  xclitic?: boolean;
  /** the second pass reads span-propagation hints (FeatureContext.spanHints) */
  spanHints?: boolean;
  /** the name-likeness letter models (FeatureContext.nameLikeness): order, [n-gram, count] pairs */
  nameLikeness?: { order: number; names: [string, number][]; common: [string, number][] };
  /** feature → [tagIndex, weight, tagIndex, weight, …] */
  weights: Record<string, number[]>;
  stage2?: { transitions: number[]; weights: Record<string, number[]> };
  bias?: DecodeBias;
}

function sparse(w: NerWeights, T: number, scale: number): Record<string, number[]> {
  const weights: Record<string, number[]> = {};
  for (const [f, row] of w.features) {
    const pairs: number[] = [];
    for (let t = 0; t < T; t++) {
      const q = Math.round(w.weights[row * T + t]! * scale);
      if (q !== 0) pairs.push(t, q);
    }
    if (pairs.length) weights[f] = pairs;
  }
  return weights;
}

function dense(
  sparseWeights: Record<string, number[]>,
  transitions: number[],
  T: number,
  scale: number,
): NerWeights {
  const keys = Object.keys(sparseWeights);
  const features = new Map<string, number>();
  const weights = new Float32Array(keys.length * T);
  const inv = 1 / scale;
  keys.forEach((k, row) => {
    features.set(k, row);
    const pairs = sparseWeights[k]!;
    for (let j = 0; j < pairs.length; j += 2) weights[row * T + pairs[j]!] = pairs[j + 1]! * inv;
  });
  return { features, weights, transitions: Float32Array.from(transitions, (x) => x * inv) };
}

export function serializeModel(model: NerModel, scale = 100): string {
  const T = model.tags.length;
  const weights = sparse(model, T, scale);
  const q = (tr: Float32Array) => Array.from(tr, (x) => Math.round(x * scale));
  const file: NerModelFile = {
    format: NER_MODEL_FORMAT,
    featureVersion: model.ctx.spans ? NER_FEATURE_VERSION : 'ner-local-v2',
    header: model.header,
    tags: [...model.tags],
    scale,
    transitions: q(model.transitions),
    triggers: model.triggerLists,
    vocab: Object.fromEntries(model.ctx.vocab),
    ...(model.ctx.lexicon ? { lexicon: Object.fromEntries(model.ctx.lexicon) } : {}),
    ...(model.ctx.clusters ? { clusters: model.ctx.clusters.map((m) => Object.fromEntries(m)) } : {}),
    ...(model.ctx.spans
      ? { spans: model.ctx.spans.entries.map((e): [string, string] => [e.name, e.type]) }
      : {}),
    ...(model.ctx.xclitic ? { xclitic: true } : {}),
    ...(model.ctx.spanHints ? { spanHints: true } : {}),
    ...(model.ctx.nameLikeness
      ? {
          nameLikeness: {
            order: model.ctx.nameLikeness.names.order,
            names: charLmCounts(model.ctx.nameLikeness.names),
            common: charLmCounts(model.ctx.nameLikeness.common),
          },
        }
      : {}),
    weights,
  };
  if (model.bias) file.bias = model.bias;
  if (model.stage2) {
    file.stage2 = { transitions: q(model.stage2.transitions), weights: sparse(model.stage2, T, scale) };
  }
  return JSON.stringify(file);
}

/** The training-span gazetteer of a model from its stored entries. */
export function spansFrom(entries: { name: string; type: string }[]): NonNullable<FeatureContext['spans']> {
  return { entries, gaz: buildGazetteer(entries) };
}

export function deserializeModel(json: string): NerModel {
  const file = JSON.parse(json) as NerModelFile;
  if (file.format !== NER_MODEL_FORMAT) throw new Error(`not a ${NER_MODEL_FORMAT} file: ${file.format}`);
  if (!READABLE_FEATURE_VERSIONS.has(file.featureVersion)) {
    throw new Error(`model features ${file.featureVersion}, code expects ${NER_FEATURE_VERSION}: retrain`);
  }
  const T = file.tags.length;
  const one = dense(file.weights, file.transitions, T, file.scale);
  const model: NerModel = {
    header: file.header,
    tags: file.tags,
    ...one,
    ctx: {
      vocab: new Map(Object.entries(file.vocab)),
      triggers: buildTriggerMap(file.triggers),
      ...(file.lexicon ? { lexicon: new Map(Object.entries(file.lexicon)) } : {}),
      ...(file.clusters ? { clusters: file.clusters.map((m) => new Map(Object.entries(m))) } : {}),
      ...(file.spans ? { spans: spansFrom(file.spans.map(([name, type]) => ({ name, type }))) } : {}),
      ...(file.xclitic ? { xclitic: true } : {}),
      ...(file.spanHints ? { spanHints: true } : {}),
      ...(file.nameLikeness
        ? {
            nameLikeness: {
              names: charLmFromCounts(new Map(file.nameLikeness.names), file.nameLikeness.order),
              common: charLmFromCounts(new Map(file.nameLikeness.common), file.nameLikeness.order),
            },
          }
        : {}),
    },
    triggerLists: file.triggers,
  };
  if (file.bias) model.bias = file.bias;
  if (file.stage2) model.stage2 = dense(file.stage2.weights, file.stage2.transitions, T, file.scale);
  return model;
}

/** Writes gzip when the path ends in .gz. */
export function saveModel(model: NerModel, path: string, scale?: number): number {
  const json = serializeModel(model, scale);
  const bytes = path.endsWith('.gz') ? gzipSync(json, { level: 9 }) : Buffer.from(json);
  writeFileSync(path, bytes);
  return bytes.length;
}

/** Reads a model file; errors name the file (a missing, truncated or outdated model). */
export function readModelFile(path: string): NerModel {
  try {
    const raw = readFileSync(path);
    const gz = raw[0] === 0x1f && raw[1] === 0x8b;
    return deserializeModel((gz ? gunzipSync(raw) : raw).toString('utf8'));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(why.includes(path) ? why : `${path}: ${why}`);
  }
}
