import { describe, expect, it } from 'vitest';
import { trainSpanEntries } from '../../../src/extract/ner/gazetteer.js';
import {
  deserializeModel,
  matchGazetteer,
  serializeModel,
  tagTokens,
} from '../../../src/extract/ner/index.js';
import { tagDocumentWithModel } from '../../../src/extract/ner/tagger.js';
import { trainNer } from '../../../src/extract/ner/train.js';
import { s } from './toy-corpus.js';

const TOY = [
  s('قال الرئيس محمد/B-PERS بازوم/I-PERS في نيامي/B-LOC إن الوضع مستقر'),
  s('وصل الرئيس عبد/B-PERS المجيد/I-PERS تبون/I-PERS إلى مدينة وهران/B-LOC أمس'),
  s('أعلن الرئيس أحمد/B-PERS سالم/I-PERS أن مدينة كيدال/B-LOC هادئة'),
  s('التقى الوزير يوسف/B-PERS كمارا/I-PERS وفدا في مدينة غاو/B-LOC'),
  s('وقالت حركة أزواد/B-ORG إن مدينة تساليت/B-LOC محاصرة'),
  s('قال المتحدث باسم حركة أنصار/B-ORG الدين/I-ORG إن الهجوم فشل'),
  s('وأعلن الوزير موسى/B-PERS ديارا/I-PERS أن الوضع في مدينة موبتي/B-LOC مستقر'),
  s('قال الرئيس علي/B-PERS بونغو/I-PERS في مدينة ليبرفيل/B-LOC إن الانتخابات قريبة'),
  s('وصل الوزير كريم/B-PERS واتارا/I-PERS إلى مدينة بواكي/B-LOC'),
  s('قال أمل إن الوضع في نيامي/B-LOC هادئ أمل أمل'),
];

const OPTS = {
  epochs: 8,
  seed: 3,
  minFeatureCount: 1,
  minVocabCount: 1,
  pruneBelow: 0,
  triggers: { PERS: ['الرئيس', 'الوزير'], LOC: ['مدينة'], ORG: ['حركة'] },
  header: { description: 'toy', created: '2024-01-01', sources: [] },
};

describe('training-span gazetteer', () => {
  it('lists span surfaces with their majority type, minus one-word forms mostly O', () => {
    const e = trainSpanEntries([...TOY, s('زار أمل/B-PERS المدينة')]);
    expect(e).toContainEqual({ name: 'انصار الدين', type: 'ORG' });
    expect(e).toContainEqual({ name: 'نيامي', type: 'LOC' });
    // «أمل» is an entity once and O three times
    expect(e.some((x) => x.name === 'امل')).toBe(false);
  });

  it('is stored in the model, round-trips, and flags known spans in new text', () => {
    const model = trainNer(TOY, { ...OPTS, folds: 3, trainSpans: true });
    expect(model.ctx.spans?.entries.length).toBeGreaterThan(5);
    const again = deserializeModel(serializeModel(model));
    const words = 'وصل الوزير كريم واتارا إلى مدينة بواكي'.split(' ');
    expect(matchGazetteer(again.ctx.spans!.gaz, words)).toEqual([
      null,
      null,
      'B-PERS',
      'I-PERS',
      null,
      null,
      'B-LOC',
    ]);
    const sents = TOY.map((x) => x.words);
    expect(tagDocumentWithModel(again, sents)).toEqual(tagDocumentWithModel(model, sents));
  });
});

describe('other training algorithms', () => {
  it('a CRF (SGD, L2) learns the toy patterns', () => {
    const model = trainNer(TOY, { ...OPTS, epochs: 15, folds: 3, algorithm: 'crf', c2: 0.1, eta0: 0.1 });
    const r = tagTokens(model, 'قال الرئيس سليمان كوناتي إن مدينة تمبكتو آمنة'.split(' '));
    expect(r.spans).toContainEqual({ start: 6, end: 7, type: 'LOC' });
    expect(r.spans.some((x) => x.type === 'PERS' && x.start === 2)).toBe(true);
  });

  it('perceptron restarts average into one deterministic model', () => {
    const a = trainNer(TOY, { ...OPTS, folds: 3, restarts: 3 });
    const b = trainNer(TOY, { ...OPTS, folds: 3, restarts: 3 });
    expect(serializeModel(a)).toBe(serializeModel(b));
    expect(tagTokens(a, 'قال الرئيس محمد بازوم'.split(' ')).spans).toEqual([
      { start: 2, end: 4, type: 'PERS' },
    ]);
  });
});
