import { describe, expect, it } from 'vitest';
import { buildEntityResources, linkMentions, recognizeMentions } from '../../../src/extract/index.js';
import { loadKnowledgeBase, SHIPPED_KB_DIR } from '../../../src/kb/index.js';
import { splitSentences } from '../../../src/text/index.js';

// Sentences written for this test. News often quote part of a name: مطار "موديبو كيتا" الدولي.
const res = buildEntityResources(loadKnowledgeBase({ dirs: [SHIPPED_KB_DIR] }));
const ids = (text: string) =>
  linkMentions(res, recognizeMentions(res, text, splitSentences(text))).map((e) => e.id);

describe('names with quotation marks inside', () => {
  it('matches a KB name whose words are partly quoted', () => {
    expect(ids('هبطت الطائرة في مطار "موديبو كيتا" الدولي صباح الاثنين.')).toContain(
      'ent-modibo-keita-airport',
    );
    expect(ids('وصل الوفد إلى مطار «موديبو كيتا» مساء أمس.')).toContain('ent-modibo-keita-airport');
  });
  it('still stops at other punctuation', () => {
    expect(ids('أغلقت السلطات المطار. موديبو كيتا كان أول رئيس للبلاد.')).not.toContain(
      'ent-modibo-keita-airport',
    );
  });
});
