import raw from '../../../data/lexicons/entities.json' with { type: 'json' };
import type { EntityKind } from '../../model/index.js';
import { normalizeForMatch } from '../../text/index.js';
import { normalizeWord } from '../ner/index.js';

// The cue words of data/lexicons/entities.json, normalised once with the text layer's matcher so
// «السلطات» in the file meets «السُّلطات» in an article. Phrases become arrays of normalised words.

export interface EntityLexicon {
  readonly governmentDefinite: readonly (readonly string[])[];
  readonly governmentConstruct: ReadonlySet<string>;
  readonly governmentModifiers: ReadonlySet<string>;
  readonly armyDefinite: readonly (readonly string[])[];
  readonly armyConstruct: readonly (readonly string[])[];
  readonly placePrepositions: readonly (readonly string[])[];
  readonly placeNouns: ReadonlySet<string>;
  readonly visitVerbs: ReadonlySet<string>;
  readonly visitWindow: number;
  readonly titles: readonly (readonly string[])[];
  readonly particles: ReadonlySet<string>;
  readonly institutionHeads: ReadonlyMap<string, EntityKind>;
  readonly institutionMaxWords: number;
  readonly bullets: ReadonlySet<string>;
  readonly bylineCues: ReadonlySet<string>;
  readonly notNames: ReadonlySet<string>;
  /** Words of descriptive names («شركة», «نادي»): such KB forms are never guessed as variants. */
  readonly descriptiveWords: ReadonlySet<string>;
  readonly directions: ReadonlySet<string>;
  readonly affiliation: ReadonlySet<string>;
  /** One-word names that are also common nouns (القاعدة) → the next words that make them the noun. */
  readonly commonNounNames: ReadonlyMap<string, ReadonlySet<string>>;
  /** Affixes of ordinary words, in the tagger's normalisation (tagger-names.ts `ordinaryToTagger`). */
  readonly ordinaryAffixes: OrdinaryAffixes;
}

export interface OrdinaryAffixes {
  readonly conjunctions: readonly string[];
  readonly prepositions: readonly string[];
  readonly articles: readonly string[];
  readonly verbPrefixes: readonly string[];
  readonly pronouns: readonly string[];
  readonly endings: readonly string[];
}

const words = (phrase: string): string[] => normalizeForMatch(phrase).split(/\s+/u).filter(Boolean);
const set = (list: readonly string[]): Set<string> => new Set(list.map((w) => normalizeForMatch(w)));
/** Longest phrases first, so a matcher trying them in order takes «القوات المسلحة» before «القوات». */
const phrases = (list: readonly string[]): string[][] => list.map(words).sort((a, b) => b.length - a.length);

/** The affix lists as the tagger's vocabulary writes words («ة» → «ه», «أ» → «ا»). */
function taggerForms(lists: OrdinaryAffixes): OrdinaryAffixes {
  const norm = (list: readonly string[]) => list.map(normalizeWord);
  return {
    conjunctions: norm(lists.conjunctions),
    prepositions: norm(lists.prepositions),
    articles: norm(lists.articles),
    verbPrefixes: norm(lists.verbPrefixes),
    pronouns: norm(lists.pronouns),
    endings: norm(lists.endings),
  };
}

export function buildLexicon(data: typeof raw = raw): EntityLexicon {
  return {
    governmentDefinite: phrases(data.government.definite),
    governmentConstruct: set(data.government.construct),
    governmentModifiers: set(data.government.modifiers),
    armyDefinite: phrases(data.army.definite),
    armyConstruct: phrases(data.army.construct),
    placePrepositions: phrases(data.metonymy.placePrepositions),
    placeNouns: set(data.metonymy.placeNouns),
    visitVerbs: set(data.metonymy.visitVerbs),
    visitWindow: data.metonymy.visitWindow,
    titles: phrases(data.personTitles.titles),
    particles: set(data.personTitles.particles),
    institutionHeads: new Map(
      Object.entries(data.institutions.heads).map(([k, v]) => [normalizeForMatch(k), v as EntityKind]),
    ),
    institutionMaxWords: data.institutions.maxWords,
    bullets: new Set(data.furniture.bullets),
    bylineCues: set(data.furniture.bylineCues),
    notNames: set(data.notNames.words),
    descriptiveWords: set(data.descriptiveWords.words),
    directions: set(data.directions.words),
    affiliation: set(data.affiliation.words),
    commonNounNames: new Map(
      Object.entries(data.commonNounNames.words).map(([k, v]) => [normalizeForMatch(k), set(v)]),
    ),
    ordinaryAffixes: taggerForms(data.ordinaryWords),
  };
}

let shared: EntityLexicon | undefined;
/** The shipped lexicon, built on first use. */
export function defaultLexicon(): EntityLexicon {
  shared ??= buildLexicon();
  return shared;
}
