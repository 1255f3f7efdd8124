import type { EntityType } from '../../model/index.js';
import { type NerModel, normalizeWord, stripProclitics, tagTokens } from '../ner/index.js';
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
const rareCache = new Map<string, boolean>();

function isRare(model: NerModel, word: string): boolean {
  let r = rareCache.get(word);
  if (r === undefined) {
    const count = (x: string) => model.ctx.vocab.get(x) ?? 0;
    const n = normalizeWord(word);
    r =
      /[\u0621-\u064a]/u.test(n) &&
      n.length > 2 &&
      count(stripProclitics(n, count).stem) < RARE &&
      count(n) < RARE;
    if (rareCache.size > 50_000) rareCache.clear();
    rareCache.set(word, r);
  }
  return r;
}

const knownMemo = new WeakMap<NerModel, Map<string, boolean>>();

/**
 * Seen at least twice in the tagger's training text (its vocabulary keeps those words): an
 * ordinary word, or a name it knows. Memoised per model, as the matchers ask for most words.
 */
export function knownToTagger(model: NerModel, word: string): boolean {
  let memo = knownMemo.get(model);
  if (!memo) {
    memo = new Map();
    knownMemo.set(model, memo);
  }
  let known = memo.get(word);
  if (known === undefined) {
    known = (model.ctx.vocab.get(normalizeWord(word)) ?? 0) >= 2;
    if (memo.size > 50_000) memo.clear();
    memo.set(word, known);
  }
  return known;
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
