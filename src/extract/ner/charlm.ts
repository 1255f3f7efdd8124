/**
 * Letter n-gram language models of word spellings, for the tagger's "does this word look like a
 * name?" feature. Transliterated names have letter sequences ordinary Arabic words rarely have
 * («سومانتايوان», «فرانكفورت», «ريختر»), so a model trained on name lists scores them well and a
 * model of ordinary words scores them badly. The tagger sees the bucketed difference per letter:
 * knowledge from lists of thousands of names, for the words training never saw.
 *
 * Witten–Bell interpolation (Witten & Bell 1991; Chen & Goodman 1998 §2.4) over orders 1…N,
 * with word-start and word-end marks. Counts only, so the stored model is the counts themselves.
 */

export const CHAR_LM_ORDER = 4;
const START = '^';
const END = '$';
/** letters of the alphabet the unigram level backs off to (Arabic letters + a margin) */
const ALPHABET = 40;

export interface CharLm {
  readonly order: number;
  /** n-gram (history + letter) → count, for every order 1…order */
  readonly grams: ReadonlyMap<string, number>;
  /** history → [total count, distinct letters after it] */
  readonly histories: ReadonlyMap<string, readonly [number, number]>;
}

function padded(word: string, order: number): string {
  return START.repeat(order - 1) + word + END;
}

/** Trains a model on word spellings (each word counted once per occurrence in `words`). */
export function trainCharLm(words: Iterable<string>, order = CHAR_LM_ORDER): CharLm {
  const grams = new Map<string, number>();
  for (const word of words) {
    const s = padded(word, order);
    for (let i = order - 1; i < s.length; i++)
      for (let o = 1; o <= order; o++) {
        const g = s.slice(i - o + 1, i + 1);
        grams.set(g, (grams.get(g) ?? 0) + 1);
      }
  }
  return charLmFromCounts(grams, order);
}

/** Rebuilds a model from its stored n-gram counts. */
export function charLmFromCounts(grams: ReadonlyMap<string, number>, order: number): CharLm {
  const histories = new Map<string, [number, number]>();
  for (const [g, c] of grams) {
    const h = g.slice(0, -1);
    const e = histories.get(h);
    if (e) {
      e[0] += c;
      e[1]++;
    } else histories.set(h, [c, 1]);
  }
  return { order, grams, histories };
}

function prob(lm: CharLm, history: string, letter: string): number {
  let p = 1 / ALPHABET;
  // from the empty history up: p = (c(h·x) + u(h)·p_lower) / (n(h) + u(h))
  for (let k = history.length; k >= 0; k--) {
    const h = history.slice(k);
    const hist = lm.histories.get(h);
    if (!hist) break;
    const [n, u] = hist;
    p = ((lm.grams.get(h + letter) ?? 0) + u * p) / (n + u);
  }
  return p;
}

/** Mean log-probability per letter (the end mark included) of `word`. */
export function charLmScore(lm: CharLm, word: string): number {
  const s = padded(word, lm.order);
  let lp = 0;
  for (let i = lm.order - 1; i < s.length; i++) lp += Math.log(prob(lm, s.slice(i - lm.order + 1, i), s[i]!));
  return lp / (word.length + 1);
}

/** A name model and an ordinary-word model: their difference is the feature. */
export interface NameLikeness {
  readonly names: CharLm;
  readonly common: CharLm;
}

/**
 * How much more a word looks like a name than an ordinary word, as a small integer bucket
 * (half-nats per letter, clamped to ±6): «ريختر» is high, «المساس» low.
 */
export function nameLikenessBucket(m: NameLikeness, word: string): number {
  const d = charLmScore(m.names, word) - charLmScore(m.common, word);
  return Math.max(-6, Math.min(6, Math.round(d * 2)));
}

/** On-disk form: [n-gram, count] pairs. */
export function charLmCounts(lm: CharLm): [string, number][] {
  return [...lm.grams];
}
