import type { EntityType } from '../../model/index.js';
import { BoundedMemo, cachedFor } from '../../util/index.js';
import { type NerModel, normalizeWord, stripProclitics, tagTokens } from '../ner/index.js';
import type { OrdinaryAffixes } from './lexicon.js';
import type { WordStream } from './words.js';

// The learned tagger over the article's sentences (tokens as written: clitics on, punctuation
// apart, as in ANERcorp), its token spans mapped back to the word stream. Only PERS, ORG and LOC;
// words the KB matchers already took are trimmed off the ends of a span.

export interface TaggedName {
  readonly firstWord: number;
  readonly endWord: number;
  readonly type: EntityType;
}

const TYPES: Record<string, EntityType> = { PERS: 'person', ORG: 'organization', LOC: 'location' };

/** Words seen fewer times than this in the tagger's training text may be names nobody listed. */
const RARE = 1;

/** What the matchers ask the tagger's vocabulary about a word, worked out once per word. */
interface WordFacts {
  /** seen at least twice (the vocabulary keeps those words): an ordinary word, or a name it knows */
  readonly known: boolean;
  /** an Arabic word that neither as written nor without its proclitics was seen (isRare) */
  readonly rare: boolean;
}

interface TaggerLookups {
  readonly words: BoundedMemo<string, WordFacts>;
  /** the training text's names by normalised surface, with their types (PERS, LOC, ORG, MISC) */
  readonly names: ReadonlyMap<string, ReadonlySet<string>>;
}
const lookups = new WeakMap<NerModel, TaggerLookups>();

function lookupsFor(model: NerModel): TaggerLookups {
  return cachedFor(lookups, model, () => {
    const names = new Map<string, Set<string>>();
    for (const e of model.ctx.spans?.entries ?? []) {
      const k = normalizeWord(e.name);
      names.set(k, (names.get(k) ?? new Set()).add(e.type));
    }
    const count = (x: string) => model.ctx.vocab.get(x) ?? 0;
    const words = new BoundedMemo<string, WordFacts>(50_000, (word) => {
      const n = normalizeWord(word);
      return {
        known: count(n) >= 2,
        rare:
          /[\u0621-\u064a]/u.test(n) &&
          n.length > 2 &&
          count(stripProclitics(n, count).stem) < RARE &&
          count(n) < RARE,
      };
    });
    return { words, names };
  });
}

const isRare = (model: NerModel, word: string): boolean => lookupsFor(model).words.get(word).rare;

/** Seen at least twice in the tagger's training text: an ordinary word, or a name it knows. */
export const knownToTagger = (model: NerModel, word: string): boolean =>
  lookupsFor(model).words.get(word).known;

/** The types the tagger's training text gave this word as a whole name, if it was one. */
export function trainingNameTypes(model: NerModel, word: string): ReadonlySet<string> | undefined {
  return lookupsFor(model).names.get(normalizeWord(word));
}

const MIN_STEM = 3;
/** Affixes taken off at most: «ف» + «يرجى» + «نا» is not what «فيرجينا» is. */
const MAX_AFFIXES = 2;

/**
 * The word with at most one affix of each kind and MAX_AFFIXES in all taken off (stems of
 * MIN_STEM letters or more). The affixes are in the tagger's normalisation, as the word is.
 */
function reductions(word: string, affixes: OrdinaryAffixes): Set<string> {
  // [form, affixes taken off]
  let forms: [string, number][] = [[word, 0]];
  const cut = (f: string, n: number, a: string, front: boolean): [string, number][] => {
    if (n >= MAX_AFFIXES || f.length - a.length < MIN_STEM || !(front ? f.startsWith(a) : f.endsWith(a)))
      return [];
    const g = front ? f.slice(a.length) : f.slice(0, -a.length);
    const out: [string, number][] = [[g, n + 1]];
    // ل + ال writes one lam: «للعالم» is ل + «العالم»
    if (front && a === 'ل' && f.startsWith('لل')) out.push([`ا${g}`, n + 1]);
    // a feminine noun keeps its ة as ت before a pronoun: «مصريته» is «مصرية» + ه
    if (!front && g.endsWith('ت')) out.push([`${g.slice(0, -1)}ه`, n + 1]);
    return out;
  };
  const take = (list: readonly string[], front: boolean) => {
    forms = [...forms, ...forms.flatMap(([f, n]) => list.flatMap((a) => cut(f, n, a, front)))];
  };
  for (const kind of [affixes.conjunctions, affixes.prepositions, affixes.articles, affixes.verbPrefixes])
    take(kind, true);
  take(affixes.pronouns, false);
  take(affixes.endings, false);
  const out = new Set(forms.map(([f]) => f));
  out.delete(word);
  return out;
}

/**
 * Whether a word is an ordinary word with affixes on: it is not a name of the tagger's training
 * text, and one of its reductions (lexicon `ordinaryWords`) is a word that text saw at least
 * twice and never as a whole name. «تتركه» → «ترك», «العالمين» → «العالم», «ورجاله» → «رجال»;
 * «فاجنر» has none. Not memoised: the recogniser asks it only of words a variant was found for.
 */
export function ordinaryToTagger(model: NerModel, affixes: OrdinaryAffixes, word: string): boolean {
  // a word the training text wrote as a name is not an ordinary one («فيرجينا»)
  if (trainingNameTypes(model, word)) return false;
  const { names } = lookupsFor(model);
  for (const r of reductions(normalizeWord(word), affixes))
    if ((model.ctx.vocab.get(r) ?? 0) >= 2 && !names.has(r)) return true;
  return false;
}

const DEFINITE = /^[\u064b-\u065f]*[وف]?[بلك]?ال|^[وف]?لل/u;

/** Word x may be part of a new name with its neighbour: free, a word, written without the article. */
function canPair(words: WordStream['words'], covered: Uint8Array, x: number): boolean {
  const v = words[x];
  return v !== undefined && !covered[x] && v.kind === 'word' && !DEFINITE.test(v.text);
}

/** Tokens of context either side of a rare word: the tagger's features look two words away. */
const WINDOW = 3;

/**
 * Tag only where a name nobody listed may be: around a word the KB matchers left and the
 * tagger's training text (nearly) never saw, ±WINDOW tokens inside its sentence, with the
 * sentence-level (first) pass. Sentences of known words and KB names have nothing new to give;
 * skipping them is what keeps recognition fast (the tagger is ~10× slower than the matchers).
 */
export function tagNames(model: NerModel, stream: WordStream, covered: Uint8Array): TaggedName[] {
  const { words, tokenTexts } = stream;
  const wordOfToken = new Int32Array(tokenTexts.length).fill(-1);
  for (const w of words) wordOfToken[w.token] = w.index;
  const windows: { first: number; end: number; sentence: { first: number; end: number } }[] = [];
  for (const s of stream.sentences) {
    let open: (typeof windows)[number] | undefined;
    for (let t = s.first; t < s.end; t++) {
      const wi = wordOfToken[t]!;
      if (wi < 0 || covered[wi]) continue;
      const w = words[wi]!;
      // a new name is written without the article («محمد بوشيخي»); a definite word opens one
      // only as an institution's head, which has its own rule
      if (w.furniture || w.kind !== 'word' || DEFINITE.test(w.text) || !isRare(model, w.text)) continue;
      // and has two words at least: a rare word with an undefined word next to it
      const prevOk = wi > 0 && !w.barrier && canPair(words, covered, wi - 1);
      const nextOk = canPair(words, covered, wi + 1) && !words[wi + 1]!.barrier;
      if (!prevOk && !nextOk) continue;
      const a = Math.max(s.first, t - WINDOW);
      const b = Math.min(s.end, t + WINDOW + 1);
      if (open && a <= open.end) open.end = b;
      else {
        open = { first: a, end: b, sentence: s };
        windows.push(open);
      }
    }
  }
  const out: TaggedName[] = [];
  for (const win of windows) {
    const r = tagTokens(model, tokenTexts.slice(win.first, win.end));
    for (const span of r.spans) {
      const type = TYPES[span.type];
      if (!type) continue;
      // a span cut by the window's edge is not known to be a whole name
      if (
        (span.start === 0 && win.first > win.sentence.first) ||
        (span.end === win.end - win.first && win.end < win.sentence.end)
      )
        continue;
      let a = -1;
      let b = -1;
      for (let t = win.first + span.start; t < win.first + span.end; t++) {
        const wi = wordOfToken[t]!;
        if (wi < 0) continue;
        if (a < 0) a = wi;
        b = wi + 1;
      }
      if (a < 0) continue;
      while (a < b && covered[a]) a++;
      while (b > a && covered[b - 1]) b--;
      if (a >= b) continue;
      let inner = false;
      for (let k = a; k < b; k++) if (covered[k]) inner = true;
      if (!inner) out.push({ firstWord: a, endWord: b, type });
    }
  }
  return out;
}
