import { describe, expect, it } from 'vitest';
import { buildEntityResources, linkMentions, recognizeMentions } from '../../../src/extract/index.js';
import { loadKnowledgeBase, SHIPPED_KB_DIR } from '../../../src/kb/index.js';
import { splitSentences } from '../../../src/text/index.js';

// Sentences written for this test: القاعدة is al-Qaeda, and also any military base.
const res = buildEntityResources(loadKnowledgeBase({ dirs: [SHIPPED_KB_DIR] }));
const ids = (text: string) =>
  linkMentions(res, recognizeMentions(res, text, splitSentences(text))).map((e) => e.id);

describe('one-word names that are also common nouns', () => {
  it('a base is not al-Qaeda', () => {
    expect(ids('استعاد الجيش المالي القاعدة العسكرية قرب الحدود.')).not.toContain('ent-al-qaeda');
    expect(ids('غادرت القوات القاعدة الفرنسية في المدينة.')).not.toContain('ent-al-qaeda');
  });
  it('al-Qaeda by its name still is', () => {
    expect(ids('أعلنت القاعدة مسؤوليتها عن الهجوم.')).toContain('ent-al-qaeda');
    expect(ids('قالت جماعة موالية لتنظيم القاعدة إنها نفذت الهجوم.')).toContain('ent-al-qaeda');
  });
});
