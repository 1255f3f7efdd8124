import type { TrainingSentence } from '../../../src/extract/ner/index.js';

/** «word/TAG …» → a training sentence (words without a tag are O). For hand-written toy corpora. */
export function s(line: string): TrainingSentence {
  const words: string[] = [];
  const tags: string[] = [];
  for (const tok of line.split(' ')) {
    const [w, t] = tok.split('/');
    words.push(w!);
    tags.push(t ?? 'O');
  }
  return { words, tags };
}
