import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS, ENTITY_TYPES, EVENT_TYPES, RELATION_TYPES, STANCES } from '../../src/model/index.js';
import * as web from '../../web/src/i18n/strings.js';
import { format, LANGS, STRINGS, vocab } from '../../web/src/i18n/strings.js';

describe('UI labels', () => {
  it('every label is filled in both languages, and differs between them for words', () => {
    for (const lang of LANGS) {
      for (const [key, value] of Object.entries(STRINGS[lang]))
        expect(value.trim(), `${lang}.${key}`).not.toBe('');
    }
    expect(STRINGS.ar.navSearch).toBe('بحث');
    expect(STRINGS.en.navSearch).toBe('Search');
  });

  it('the model’s vocabularies all have a label in both languages', () => {
    const groups: [string, readonly string[]][] = [
      ['event', EVENT_TYPES],
      ['relation', RELATION_TYPES],
      ['kind', ENTITY_KINDS],
      ['entityType', ENTITY_TYPES],
      ['stance', STANCES],
    ];
    for (const lang of LANGS) {
      for (const [prefix, values] of groups) {
        for (const value of values) expect(Object.keys(STRINGS[lang])).toContain(`${prefix}.${value}`);
      }
    }
    expect(vocab('ar', 'event', 'armed_clash')).toBe('اشتباك مسلح');
    expect(vocab('en', 'event', 'not_a_type')).toBe('not_a_type');
  });

  it('the web app’s filter lists match the model’s', () => {
    expect([...web.EVENT_TYPES]).toEqual([...EVENT_TYPES]);
    expect([...web.RELATION_TYPES]).toEqual([...RELATION_TYPES]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format(STRINGS.en.pageOf, { from: 1, to: 20, total: 45 })).toBe('Results 1–20 of 45');
    expect(format('{a} {b}', { a: 1 })).toBe('1 {b}');
  });
});
