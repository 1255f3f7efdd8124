import { documentFeatures } from './document.js';
import type { NerModel } from './model.js';
import { type TrainingSentence, type TrainOptions, trainPerceptron } from './perceptron.js';
import { tagFirstPass } from './tagger.js';

export interface TwoPassOptions extends TrainOptions {
  /** train the document (second) pass; default true */
  documentPass?: boolean;
  /** jackknife folds for the first pass's output on the training data; default 5 */
  folds?: number;
}

/**
 * Trains the first pass on all of `data`, then — so the second pass learns from first-pass
 * output as imperfect as it will be on new text — tags each of `folds` contiguous blocks with a
 * first pass trained on the other blocks (jackknifing), computes document features from those
 * tags, and trains the second pass on them.
 */
export function trainNer(data: readonly TrainingSentence[], opts: TwoPassOptions): NerModel {
  const log = opts.log ?? (() => {});
  log('pass 1 (sentence features)');
  const first = trainPerceptron(data, opts);
  if (opts.documentPass === false) return first;
  const K = Math.max(2, opts.folds ?? 5);
  const jack: string[][] = new Array(data.length);
  for (let k = 0; k < K; k++) {
    const a = Math.floor((data.length * k) / K);
    const b = Math.floor((data.length * (k + 1)) / K);
    const m = trainPerceptron([...data.slice(0, a), ...data.slice(b)], {
      ...opts,
      log: undefined,
      onEpoch: undefined,
    });
    for (let j = a; j < b; j++) jack[j] = tagFirstPass(m, data[j]!.words, data[j]!.gazetteer);
    log(`jackknife fold ${k + 1}/${K} tagged`);
  }
  const doc = documentFeatures(
    data.map((s) => s.words),
    jack,
    first.ctx,
  );
  log('pass 2 (document features)');
  const second = trainPerceptron(
    data.map((s, j) => ({ ...s, extra: doc[j]! })),
    { ...opts, vocab: first.ctx.vocab, onEpoch: undefined },
  );
  return {
    ...first,
    stage2: { features: second.features, weights: second.weights, transitions: second.transitions },
  };
}
