import { describe, expect, it } from 'vitest';
import { exchangeClusters } from '../../../src/extract/ner/clusters.js';
import {
  deserializeModel,
  sentenceFeatures,
  serializeModel,
  type TrainingSentence,
} from '../../../src/extract/ner/index.js';
import { bioConstraints, viterbi } from '../../../src/extract/ner/perceptron.js';
import { tagFirstPass } from '../../../src/extract/ner/tagger.js';
import { trainNer } from '../../../src/extract/ner/train.js';

/** Hand-written text: capitals after «في العاصمة», presidents after «قال الرئيس». */
const TEXT = [
  'قال الرئيس بازوم في العاصمة نيامي إن الوضع هادئ',
  'قال الرئيس تبون في العاصمة الجزائر إن الوضع مستقر',
  'قال الرئيس غويتا في العاصمة باماكو إن الوضع هادئ',
  'قال الرئيس تراوري في العاصمة واغادوغو إن الوضع مستقر',
  'قال الرئيس بازوم في العاصمة باماكو إن الوضع مستقر',
  'قال الرئيس غويتا في العاصمة نيامي إن الوضع هادئ',
  'قال الرئيس تبون في العاصمة واغادوغو إن الوضع هادئ',
  'قال الرئيس تراوري في العاصمة الجزائر إن الوضع مستقر',
].map((l) => l.split(' '));

describe('exchange word classes', () => {
  const cl = exchangeClusters(TEXT, { classes: 6, minCount: 1, iterations: 20 });

  it('puts words that share contexts in one class', () => {
    expect(cl.get('بازوم')).toBe(cl.get('تبون'));
    expect(cl.get('غويتا')).toBe(cl.get('تراوري'));
    expect(cl.get('نيامي')).toBe(cl.get('باماكو'));
    expect(cl.get('بازوم')).not.toBe(cl.get('نيامي'));
  });

  it('is deterministic', () => {
    expect([...exchangeClusters(TEXT, { classes: 6, minCount: 1, iterations: 20 })]).toEqual([...cl]);
  });
});

describe('cached decoding', () => {
  const data: TrainingSentence[] = TEXT.map((words) => ({
    words,
    tags: words.map((_w, i) => (i === 2 ? 'B-PERS' : i === 5 ? 'B-LOC' : 'O')),
  }));
  const clusters = [exchangeClusters(TEXT, { classes: 6, minCount: 1, iterations: 20 })];
  const model = trainNer(data, {
    clusters,
    documentPass: false,
    epochs: 5,
    seed: 3,
    minFeatureCount: 1,
    minVocabCount: 1,
    pruneBelow: 0,
    triggers: { PERS: ['الرئيس'] },
    header: { description: 'toy', created: '2024-01-01', sources: [] },
  });

  it('scores exactly like the training-time feature strings', () => {
    const words = 'وقال الرئيس كوناتي في العاصمة تمبكتو إن الوضع هادئ'.split(' ');
    const T = model.tags.length;
    const em = new Float32Array(words.length * T);
    sentenceFeatures(words, model.ctx).forEach((fs, i) => {
      for (const f of fs) {
        const row = model.features.get(f);
        if (row !== undefined) for (let t = 0; t < T; t++) em[i * T + t]! += model.weights[row * T + t]!;
      }
    });
    const brute = Array.from(
      viterbi(em, words.length, model.transitions, bioConstraints(model.tags), T),
      (t) => model.tags[t],
    );
    expect(tagFirstPass(model, words)).toEqual(brute);
  });

  it('keeps the classes through serialisation', () => {
    const back = deserializeModel(serializeModel(model));
    expect(back.ctx.clusters?.[0]?.get('بازوم')).toBe(clusters[0]!.get('بازوم'));
    expect(tagFirstPass(back, TEXT[0]!)).toEqual(tagFirstPass(model, TEXT[0]!));
  });
});
