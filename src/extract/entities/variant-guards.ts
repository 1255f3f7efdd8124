import type { EntityType } from '../../model/index.js';
import { normalizeForMatch } from '../../text/index.js';
import { BoundedMemo, cachedFor } from '../../util/index.js';
import type { EntityResources } from './resources.js';
import { spellingLetters, vowelEdits } from './skeleton.js';
import { knownToTagger, ordinaryToTagger, trainingNameTypes } from './tagger-names.js';

// What the recogniser asks before it takes a word for a new spelling of a KB name (a variant
// guessed from the consonant skeleton): is the word something else the tagger's training text
// knows — an ordinary word, with or without affixes, or a name of another type? Without a
// tagger model every answer is "no", and only the skeleton rules guard the guess.

/** Seen at least twice in the tagger's training text: an ordinary word or a name it knows. */
export const knownWord = (res: EntityResources, text: string): boolean =>
  res.ner !== undefined && knownToTagger(res.ner, text);

/** An ordinary word with affixes on («تتركه» → «ترك»); asked only of words a variant was found for. */
export const ordinaryWord = (res: EntityResources, text: string): boolean =>
  res.ner !== undefined && ordinaryToTagger(res.ner, res.lexicon.ordinaryAffixes, text);

const TAGGER_TYPE: Record<EntityType, string> = { person: 'PERS', location: 'LOC', organization: 'ORG' };

/**
 * The tagger's training text named this word as something other than the KB entity: «أساتياني»
 * is a person there, so it is not a spelling of Eswatini.
 */
export function namedOtherwise(res: EntityResources, text: string, id: string): boolean {
  const types = res.ner && trainingNameTypes(res.ner, text);
  const e = res.kb.get(id);
  return !!types && !!e && !types.has(TAGGER_TYPE[e.type]);
}

const entityWordMemo = new WeakMap<EntityResources, BoundedMemo<string, ReadonlySet<string>>>();

/** The words of an entity's Arabic names and aliases, normalised for matching. */
function entityWords(res: EntityResources, id: string): ReadonlySet<string> {
  const memo = cachedFor(
    entityWordMemo,
    res,
    () =>
      new BoundedMemo<string, ReadonlySet<string>>(10_000, (key) => {
        const e = res.kb.get(key);
        const names = e ? [e.name_ar, ...e.aliases_ar] : [];
        return new Set(names.flatMap((n) => normalizeForMatch(n).split(/\s+/u).filter(Boolean)));
      }),
  );
  return memo.get(id);
}

/**
 * Whether a word is one of the entity's own words, letter for letter up to the letters a name is
 * written with either way (ج/غ/ق and the like): «هونج» is «هونغ», «محمود» is not «محمد».
 */
export function spelledAsIn(res: EntityResources, id: string, word: string): boolean {
  const words = entityWords(res, id);
  if (words.has(word)) return true;
  const letters = spellingLetters(word);
  for (const w of words) if (vowelEdits(letters, spellingLetters(w)) === 0) return true;
  return false;
}
