import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  deserializeModel,
  readModelFile,
  saveModel,
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
  s('قال الرئيس إبراهيم/B-PERS تراوري/I-PERS إن الجيش سيطر على مدينة جيبو/B-LOC'),
  s('زار الرئيس عاصمي/B-PERS غويتا/I-PERS مدينة سيغو/B-LOC اليوم'),
  s('وقالت حركة أزواد/B-ORG إن مدينة تساليت/B-LOC محاصرة'),
  s('أكدت حركة التوحيد/B-ORG أن القتال مستمر'),
  s('قال المتحدث باسم حركة أنصار/B-ORG الدين/I-ORG إن الهجوم فشل'),
  s('وأعلن الوزير موسى/B-PERS ديارا/I-PERS أن الوضع في مدينة موبتي/B-LOC مستقر'),
  s('قال الرئيس علي/B-PERS بونغو/I-PERS في مدينة ليبرفيل/B-LOC إن الانتخابات قريبة'),
  s('وصل الوزير كريم/B-PERS واتارا/I-PERS إلى مدينة بواكي/B-LOC'),
];

const OPTS = {
  epochs: 10,
  seed: 7,
  minFeatureCount: 1,
  minVocabCount: 1,
  pruneBelow: 0,
  triggers: { PERS: ['الرئيس', 'الوزير'], LOC: ['مدينة'], ORG: ['حركة'] },
  header: { description: 'toy', created: '2024-01-01', sources: [] },
};

describe('tagger on a toy corpus', () => {
  const model = trainNer(TOY, { ...OPTS, folds: 3 });
  const dir = mkdtempSync(join(tmpdir(), 'marsad-ner-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('tags an unseen sentence with the learnt «الرئيس X Y … مدينة Z» pattern', () => {
    const words = 'قال الرئيس سليمان كوناتي إن مدينة تمبكتو آمنة'.split(' ');
    const r = tagTokens(model, words);
    expect(r.tags).toEqual(['O', 'O', 'B-PERS', 'I-PERS', 'O', 'O', 'B-LOC', 'O']);
    expect(r.spans).toEqual([
      { start: 2, end: 4, type: 'PERS' },
      { start: 6, end: 7, type: 'LOC' },
    ]);
  });

  it('never emits an ill-formed BIO sequence', () => {
    const r = tagTokens(model, 'سليمان كوناتي تمبكتو مدينة الرئيس حركة'.split(' '));
    r.tags.forEach((t, i) => {
      if (t.startsWith('I-')) expect(r.tags[i - 1]?.slice(2)).toBe(t.slice(2));
    });
  });

  it('round-trips through JSON and gzip with identical output', () => {
    const again = deserializeModel(serializeModel(model));
    const path = join(dir, 'toy.json.gz');
    saveModel(model, path);
    const fromDisk = readModelFile(path);
    const sents = TOY.map((x) => x.words).concat([['قال', 'الرئيس', 'سليمان', 'كوناتي']]);
    const expected = tagDocumentWithModel(model, sents);
    expect(tagDocumentWithModel(again, sents)).toEqual(expected);
    expect(tagDocumentWithModel(fromDisk, sents)).toEqual(expected);
    expect(fromDisk.stage2).toBeDefined();
    expect(fromDisk.header.description).toBe('toy');
  });

  it('is deterministic for a seed', () => {
    const again = trainNer(TOY, { ...OPTS, folds: 3 });
    expect(serializeModel(again)).toBe(serializeModel(model));
  });

  it('trades precision for recall with a stored bias against O, kept through serialisation', () => {
    const words = 'قال الرئيس سليمان كوناتي إن مدينة تمبكتو آمنة'.split(' ');
    const plain = tagDocumentWithModel(model, [words])[0]!.tags;
    expect(tagDocumentWithModel(model, [words], undefined, { first: 0, final: 0 })[0]!.tags).toEqual(plain);
    const biased = { ...model, bias: { first: 1e6, final: 1e6 } };
    const everyWord = tagDocumentWithModel(biased, [words])[0]!.tags;
    expect(everyWord).not.toContain('O');
    const back = deserializeModel(serializeModel(biased));
    expect(back.bias).toEqual({ first: 1e6, final: 1e6 });
    expect(tagDocumentWithModel(back, [words])[0]!.tags).toEqual(everyWord);
  });

  it('accepts empty input', () => {
    expect(tagTokens(model, [])).toEqual({ tags: [], spans: [] });
  });
});
