import type { FeatureContext } from './features.js';
import { normalizeWord, stripProclitics } from './normalize.js';

/**
 * Document-level features for the second pass (stacking, after Krishnan & Manning 2006): a name
 * is usually tagged the same way throughout an article, and a first mention often has more
 * context than a later one («قال الرئيس النيجري محمد بازوم … وأضاف بازوم»). For each word, the
 * first pass's labels of the *other* occurrences of the same clitic-stripped stem within
 * `window` sentences either side become features: the majority label (`dm=`) and every entity
 * type seen (`de=`). Sentences, not articles, bound the window because the training corpora
 * have no article boundaries; callers with whole articles pass them as the document.
 */
export const DOC_WINDOW = 15;

function keyOf(word: string, ctx: FeatureContext): string | null {
  const w = normalizeWord(word);
  const s = stripProclitics(w, (x) => ctx.vocab.get(x) ?? 0).stem;
  if (s.length < 3 || !/[\u0621-\u064Aa-zA-Z]/.test(s)) return null;
  return s;
}

const typeOf = (tag: string) => (tag === 'O' ? 'O' : tag.slice(2));

export function documentFeatures(
  sentences: readonly (readonly string[])[],
  firstPass: readonly (readonly string[])[],
  ctx: FeatureContext,
  window = DOC_WINDOW,
  /**
   * The first pass's tags after span propagation (consistency.ts), when the model learns from
   * them: where propagation would tag a word the first pass left O, `pp=` says with what.
   */
  hints?: readonly (readonly string[])[],
): string[][][] {
  const memo = new Map<string, string | null>();
  const key = (w: string): string | null => {
    let k = memo.get(w);
    if (k === undefined) {
      k = keyOf(w, ctx);
      memo.set(w, k);
    }
    return k;
  };
  const keys = sentences.map((ws) => ws.map(key));
  // per key: its occurrences in text order (sentence index, first-pass type)
  const occ = new Map<string, { sent: number[]; type: string[] }>();
  keys.forEach((ks, j) => {
    ks.forEach((k, i) => {
      if (!k) return;
      let o = occ.get(k);
      if (!o) {
        o = { sent: [], type: [] };
        occ.set(k, o);
      }
      o.sent.push(j);
      o.type.push(typeOf(firstPass[j]![i]!));
    });
  });
  const order: string[] = [];
  const counts = new Map<string, number>();
  return keys.map((ks, j) => {
    const lo = j - window;
    const hi = j + window;
    const fp = firstPass[j]!;
    return ks.map((k, i) => {
      const own = [
        `fp=${fp[i]}`,
        `fp-1=${fp[i - 1] ?? '<s>'}|${fp[i]}`,
        `fp+1=${fp[i]}|${fp[i + 1] ?? '</s>'}`,
      ];
      const hint = hints?.[j]?.[i];
      if (hint && hint !== fp[i]) own.push(`pp=${hint}`);
      if (!k) return own;
      const o = occ.get(k)!;
      // first occurrence at or after sentence lo (binary search), then scan to hi
      let a = 0;
      let b = o.sent.length;
      while (a < b) {
        const m = (a + b) >> 1;
        if (o.sent[m]! < lo) a = m + 1;
        else b = m;
      }
      order.length = 0;
      counts.clear();
      for (let q = a; q < o.sent.length && o.sent[q]! <= hi; q++) {
        const t = o.type[q]!;
        const c = counts.get(t);
        if (c === undefined) order.push(t);
        counts.set(t, (c ?? 0) + 1);
      }
      const mine = typeOf(fp[i]!);
      counts.set(mine, counts.get(mine)! - 1);
      let best = '';
      let bestN = 0;
      const out: string[] = [];
      for (const t of order) {
        const n = counts.get(t)!;
        if (n <= 0) continue;
        if (n > bestN) {
          best = t;
          bestN = n;
        }
        if (t !== 'O') out.push(`de=${t}`);
      }
      if (best) out.push(`dm=${best}`);
      // the first pass's own labels for this word and its neighbours
      for (const f of own) out.push(f);
      return out;
    });
  });
}
