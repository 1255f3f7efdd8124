import { describe, expect, it } from 'vitest';
import { loadNerModel, tagTokens } from '../../../src/extract/ner/index.js';

describe('the committed model (data/models/ner-ar.json.gz)', () => {
  const model = loadNerModel();

  it('loads once and names its sources and licences', () => {
    expect(loadNerModel()).toBe(model);
    const licences = model.header.sources.map((s) => s.licence).join(' ');
    expect(licences).toContain('CC BY-SA 4.0');
    expect(model.tags).toContain('B-PERS');
  });

  it('finds a person after «الرئيس» and a place after «مدينة»', () => {
    const words = 'وقال الرئيس محمد بازوم في مدينة نيامي إن الوضع الأمني تحسن .'.split(' ');
    const { spans } = tagTokens(model, words);
    expect(spans).toContainEqual({ start: 2, end: 4, type: 'PERS' });
    expect(spans).toContainEqual({ start: 6, end: 7, type: 'LOC' });
  });

  it('uses caller gazetteer flags when given', () => {
    const words = 'وصل الوفد إلى تمبكتو أمس'.split(' ');
    const r = tagTokens(model, words, [null, null, null, 'LOC', null]);
    expect(r.tags).toHaveLength(words.length);
  });
});
