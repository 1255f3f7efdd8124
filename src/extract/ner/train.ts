import { propagateSpans } from './consistency.js';
import { documentFeatures } from './document.js';
import { matchGazetteer, trainSpanEntries } from './gazetteer.js';
import { type NerModel, spansFrom } from './model.js';
import { type TrainingSentence, type TrainOptions, trainPerceptron } from './perceptron.js';
import { tagFirstPass } from './tagger.js';

export interface TwoPassOptions extends TrainOptions {
  /** train the document (second) pass; default true */
  documentPass?: boolean;
  /** jackknife folds for the first pass's output on the training data; default 5 */
  folds?: number;
  /**
   * Learn from a gazetteer of the training data's own entity spans (gazetteer.ts
   * `trainSpanEntries`): each fold's sentences get flags from a list built on the other folds
   * (jackknifing); the model stores the list from all of `data`. Default false.
   */
  trainSpans?: boolean;
}

/**
 * Trains the first pass on all of `data`, then — so the second pass learns from first-pass
 * output as imperfect as it will be on new text — tags each of `folds` contiguous blocks with a
 * first pass trained on the other blocks (jackknifing), computes document features from those
 * tags, and trains the second pass on them.
 */
export function trainNer(input: readonly TrainingSentence[], opts: TwoPassOptions): NerModel {
  const log = opts.log ?? (() => {});
  const K = Math.max(2, opts.folds ?? 5);
  const fold = (k: number, n: number) => [Math.floor((n * k) / K), Math.floor((n * (k + 1)) / K)] as const;
  let data = input;
  if (opts.trainSpans) {
    const withFlags: TrainingSentence[] = input.map((s) => ({ ...s }));
    for (let k = 0; k < K; k++) {
      const [a, b] = fold(k, input.length);
      const gaz = spansFrom(trainSpanEntries([...input.slice(0, a), ...input.slice(b)])).gaz;
      for (let j = a; j < b; j++) withFlags[j]!.spanFlags = matchGazetteer(gaz, input[j]!.words);
    }
    data = withFlags;
    const spans = spansFrom(trainSpanEntries(input));
    log(`training-span gazetteer: ${spans.entries.length} entries`);
    opts = { ...opts, spans };
  }
  log('pass 1 (sentence features)');
  const first = trainPerceptron(data, opts);
  if (opts.documentPass === false) return first;
  const jack: string[][] = new Array(data.length);
  for (let k = 0; k < K; k++) {
    const [a, b] = fold(k, data.length);
    const m = trainPerceptron([...data.slice(0, a), ...data.slice(b)], {
      ...opts,
      restarts: 1,
      log: undefined,
      onEpoch: undefined,
    });
    for (let j = a; j < b; j++)
      jack[j] = tagFirstPass(m, data[j]!.words, data[j]!.gazetteer, data[j]!.spanFlags);
    log(`jackknife fold ${k + 1}/${K} tagged`);
  }
  const words = data.map((s) => s.words);
  const doc = documentFeatures(
    words,
    jack,
    first.ctx,
    undefined,
    opts.spanHints ? propagateSpans(words, jack) : undefined,
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
