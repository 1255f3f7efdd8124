import { scanTokens, splitSentences } from '../text/index.js';
import type { Stage } from './stage.js';

/** Sentence spans: every extracted fact is traced back to one of them. */
export const sentencesStage: Stage = {
  name: 'sentences',
  requires: ['text'],
  assigns: ['sentences'],
  run: (doc) => ({ ...doc, sentences: splitSentences(doc.text) }),
};

/**
 * Word and number tokens, counted (the tokens themselves are cheap to recompute on demand). The
 * scanner alone finds them: counting needs neither the normalised forms nor the clitic
 * segmentation that `tokenize` adds (a tenth of the time on news text).
 */
export const tokensStage: Stage = {
  name: 'tokens',
  requires: ['text'],
  assigns: ['tokenCount'],
  run: (doc) => {
    let count = 0;
    scanTokens(doc.text, (kind) => {
      if (kind === 'word' || kind === 'number') count++;
    });
    return { ...doc, tokenCount: count };
  },
};
