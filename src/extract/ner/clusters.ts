/**
 * Distributional word classes for the tagger, learned from unlabelled text (labels ignored) with
 * the exchange algorithm (Kneser & Ney 1993; Martin, Liermann & Ney 1998): words are put in C
 * classes so that a class bigram model explains the text best. Words that occur in the same
 * contexts — «نيامي» and «باماكو» after «في العاصمة», «بازوم» and «تبون» after «الرئيس» — end up
 * in one class, so a name never seen in the labelled data still shares features with names that
 * were. Flat classes at two granularities stand in for Brown-cluster bit-string prefixes.
 *
 * Deterministic: the initial assignment is by frequency rank and words are visited in a fixed
 * order, so the same text gives the same classes on every machine.
 */

const f = (x: number): number => (x > 0 ? x * Math.log(x) : 0);

export interface ClusterOptions {
  classes: number;
  /** words seen fewer times are not clustered (they get no class) */
  minCount: number;
  iterations: number;
  log?: (msg: string) => void;
}

/**
 * Clusters the word types of `sentences` (already reduced to the key the tagger looks up, e.g.
 * the clitic-stripped stem). Returns word → class index. Rare words are folded into one
 * pseudo-word while counting so their contexts do not vanish.
 */
export function exchangeClusters(
  sentences: readonly (readonly string[])[],
  opts: ClusterOptions,
): Map<string, number> {
  const freq = new Map<string, number>();
  for (const s of sentences) for (const w of s) freq.set(w, (freq.get(w) ?? 0) + 1);
  const words = [...freq]
    .filter(([, c]) => c >= opts.minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([w]) => w);
  const id = new Map(words.map((w, i) => [w, i]));
  // pseudo-words: rare, sentence boundary
  const RARE = words.length;
  const BOUND = words.length + 1;
  const V = words.length + 2;
  const C = Math.min(opts.classes, words.length);
  const cls = new Int32Array(V);
  for (let i = 0; i < words.length; i++) cls[i] = i % C;
  // the pseudo-words have fixed classes of their own
  cls[RARE] = C;
  cls[BOUND] = C + 1;
  const K = C + 2;

  // bigram adjacency: right neighbours and left neighbours of each word, with counts
  const big = new Map<number, number>();
  const uni = new Float64Array(V);
  for (const s of sentences) {
    let prev = BOUND;
    uni[BOUND]! += 1;
    for (const w of s) {
      const cur = id.get(w) ?? RARE;
      uni[cur]! += 1;
      const key = prev * V + cur;
      big.set(key, (big.get(key) ?? 0) + 1);
      prev = cur;
    }
    const key = prev * V + BOUND;
    big.set(key, (big.get(key) ?? 0) + 1);
  }
  const right: [number, number][][] = Array.from({ length: V }, () => []);
  const left: [number, number][][] = Array.from({ length: V }, () => []);
  for (const [key, n] of big) {
    const a = Math.floor(key / V);
    const b = key % V;
    right[a]!.push([b, n]);
    left[b]!.push([a, n]);
  }
  big.clear();

  const N = new Float64Array(K * K); // class bigram counts
  const Nc = new Float64Array(K); // class unigram counts
  for (let a = 0; a < V; a++) {
    Nc[cls[a]!]! += uni[a]!;
    for (const [b, n] of right[a]!) N[cls[a]! * K + cls[b]!]! += n;
  }

  const r = new Float64Array(K);
  const l = new Float64Array(K);
  const touchedR: number[] = [];
  const touchedL: number[] = [];
  for (let it = 0; it < opts.iterations; it++) {
    let moved = 0;
    for (let w = 0; w < words.length; w++) {
      const a = cls[w]!;
      const nw = uni[w]!;
      // class counts of w's neighbours (excluding w itself: self bigrams handled apart)
      touchedR.length = 0;
      touchedL.length = 0;
      let self = 0;
      for (const [v, n] of right[w]!) {
        if (v === w) {
          self += n;
          continue;
        }
        const c = cls[v]!;
        if (r[c] === 0) touchedR.push(c);
        r[c]! += n;
      }
      for (const [u, n] of left[w]!) {
        if (u === w) continue;
        const c = cls[u]!;
        if (l[c] === 0) touchedL.push(c);
        l[c]! += n;
      }
      // remove w from a
      for (const c of touchedR) N[a * K + c]! -= r[c]!;
      for (const c of touchedL) N[c * K + a]! -= l[c]!;
      N[a * K + a]! -= self;
      Nc[a]! -= nw;
      // gain of putting w into b
      let best = a;
      let bestGain = Number.NEGATIVE_INFINITY;
      for (let b = 0; b < C; b++) {
        let g = 0;
        for (const c of touchedR) {
          const add = c === b ? r[c]! + (l[b] ?? 0) + self : r[c]!;
          const x = N[b * K + c]!;
          g += f(x + add) - f(x);
        }
        for (const c of touchedL) {
          if (c === b) continue; // counted with the diagonal above when r[b] > 0
          const x = N[c * K + b]!;
          g += f(x + l[c]!) - f(x);
        }
        if (r[b] === 0) {
          // diagonal not yet counted: l[b] and self go to N[b][b]
          const add = l[b]! + self;
          if (add) {
            const x = N[b * K + b]!;
            g += f(x + add) - f(x);
          }
        }
        const nb = Nc[b]!;
        g -= 2 * (f(nb + nw) - f(nb));
        if (g > bestGain + 1e-9) {
          bestGain = g;
          best = b;
        }
      }
      // add w to best
      const b = best;
      let diag = self;
      for (const c of touchedR) {
        if (c === b) diag += r[c]!;
        else N[b * K + c]! += r[c]!;
      }
      for (const c of touchedL) {
        if (c === b) diag += l[c]!;
        else N[c * K + b]! += l[c]!;
      }
      N[b * K + b]! += diag;
      Nc[b]! += nw;
      if (b !== a) {
        cls[w] = b;
        moved++;
      }
      for (const c of touchedR) r[c] = 0;
      for (const c of touchedL) l[c] = 0;
    }
    opts.log?.(`clusters C=${C}: iteration ${it + 1}, ${moved} words moved`);
    if (moved < words.length / 200) break;
  }
  return new Map(words.map((w, i) => [w, cls[i]!]));
}
