import { describe, expect, it } from 'vitest';
import { nameTypes, retypeListedNames } from '../../../src/extract/ner/index.js';

describe('retyping person and place spans by a name list', () => {
  const list = nameTypes([
    { name: 'هونغ كونغ', type: 'LOC' },
    { name: 'جورج واشنطن', type: 'PERS' },
    { name: 'البرازيل', type: 'LOC' },
    // a name the list gives two types is left to the tagger
    { name: 'واشنطن', type: 'LOC' },
    { name: 'واشنطن', type: 'PERS' },
  ]);
  const retype = (words: string, tags: string) =>
    retypeListedNames([words.split(' ')], [tags.split(' ')], list)[0];

  it('gives a listed place tagged as a person its listed type, with a proclitic on', () => {
    expect(retype('وصل إلى هونج كونغ أمس', 'O O B-PERS I-PERS O')).toEqual([
      'O',
      'O',
      'B-PERS',
      'I-PERS',
      'O',
    ]);
    expect(retype('وصل إلى هونغ كونغ أمس', 'O O B-PERS I-PERS O')).toEqual(['O', 'O', 'B-LOC', 'I-LOC', 'O']);
    expect(retype('ولهونغ كونغ تاريخ', 'B-PERS I-PERS O')).toEqual(['B-LOC', 'I-LOC', 'O']);
    expect(retype('قال جورج واشنطن', 'O B-LOC I-LOC')).toEqual(['O', 'B-PERS', 'I-PERS']);
  });

  it('leaves organisations, partial spans and ambiguous names alone', () => {
    // a country standing for its team is an organisation: not the list's to overrule
    expect(retype('فازت البرازيل', 'O B-ORG')).toEqual(['O', 'B-ORG']);
    expect(retype('مدينة هونغ', 'O B-PERS')).toEqual(['O', 'B-PERS']);
    expect(retype('زار واشنطن', 'O B-PERS')).toEqual(['O', 'B-PERS']);
  });
});
