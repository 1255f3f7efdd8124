import { splitSentences, tokenize } from '../text/index.js';
import type { Stage } from './stage.js';

/** Sentence spans: every extracted fact is traced back to one of them. */
export const sentencesStage: Stage = {
  name: 'sentences',
  requires: ['text'],
  assigns: ['sentences'],
  run: (doc) => ({ ...doc, sentences: splitSentences(doc.text) }),
};

/** Word and number tokens, counted (the tokens themselves are cheap to recompute on demand). */
export const tokensStage: Stage = {
  name: 'tokens',
  requires: ['text'],
  assigns: ['tokenCount'],
  run: (doc) => {
    let count = 0;
    for (const t of tokenize(doc.text)) if (t.kind === 'word' || t.kind === 'number') count++;
    return { ...doc, tokenCount: count };
  },
};
