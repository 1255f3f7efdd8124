import { fileURLToPath } from 'node:url';
import type { NerType } from './bio.js';
import { type NerModel, readModelFile } from './model.js';
import { tagDocumentWithModel, tagWithModel } from './tagger.js';

export type { NerSpan, NerType } from './bio.js';
export { NER_TAGS, NER_TYPES, repairBio, spansFromTags } from './bio.js';
export type { ConllScore, PRF, TaggedSentence, TagMap } from './conll.js';
export { AQMAR_TYPES, parseConll, scoreConll } from './conll.js';
export type { FeatureContext, TriggerLists } from './features.js';
export { buildTriggerMap, sentenceFeatures } from './features.js';
export type { Gazetteer } from './gazetteer.js';
export { buildGazetteer, kbNameEntries, matchGazetteer, parseNameList } from './gazetteer.js';
export type { NerModel, NerModelHeader } from './model.js';
export { deserializeModel, readModelFile, saveModel, serializeModel } from './model.js';
export { lightNormalizeWord, normalizeWord, stripProclitics, wordShape } from './normalize.js';
export type { TrainingSentence, TrainOptions } from './perceptron.js';
export { seededRandom, trainPerceptron, viterbi } from './perceptron.js';
export type { NameTypes } from './retype.js';
export { nameTypes, retypeListedNames } from './retype.js';
export type { NerResult } from './tagger.js';
export { tagFirstPass } from './tagger.js';
export type { TwoPassOptions } from './train.js';
export { trainNer } from './train.js';

/** The committed model, relative to this module (src/extract/ner → data/models). */
export const DEFAULT_NER_MODEL_PATH = fileURLToPath(
  new URL('../../../data/models/ner-ar.json.gz', import.meta.url),
);

const cache = new Map<string, NerModel>();

/** Loads a model file (.json or .json.gz) once; later calls with the same path share it. */
export function loadNerModel(path: string = DEFAULT_NER_MODEL_PATH): NerModel {
  let m = cache.get(path);
  if (!m) {
    m = readModelFile(path);
    cache.set(path, m);
  }
  return m;
}

export interface NerTagging {
  tags: string[];
  /** half-open token ranges [start, end) */
  spans: { start: number; end: number; type: NerType }[];
}

/**
 * Tags one sentence's words with BIO tags and returns the entity spans (first pass only; for a
 * whole article prefer `tagDocument`). `gazetteer[i]` may flag word i as a known
 * 'PERS' | 'LOC' | 'ORG' | 'MISC' (or 'B-…'/'I-…') from the caller's KB.
 */
export function tagTokens(
  model: NerModel,
  words: readonly string[],
  gazetteer?: readonly (string | null)[],
): NerTagging {
  const r = tagWithModel(model, words, gazetteer);
  return { tags: r.tags, spans: r.spans as NerTagging['spans'] };
}

/**
 * Tags the sentences of one article together: the second pass uses how each word was tagged
 * elsewhere in the article (±15 sentences). `gazetteers[j]` as in `tagTokens`, per sentence.
 */
export function tagDocument(
  model: NerModel,
  sentences: readonly (readonly string[])[],
  gazetteers?: readonly (readonly (string | null)[] | undefined)[],
): NerTagging[] {
  return tagDocumentWithModel(model, sentences, gazetteers) as NerTagging[];
}
