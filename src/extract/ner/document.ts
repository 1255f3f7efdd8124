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
): string[][][] {
  const keys = sentences.map((ws) => ws.map((w) => keyOf(w, ctx)));
  // per sentence: key → label counts, so a window is a sum of a few small maps
  const perSentence = keys.map((ks, j) => {
    const m = new Map<string, Map<string, number>>();
    ks.forEach((k, i) => {
      if (!k) return;
      let c = m.get(k);
      if (!c) {
        c = new Map();
        m.set(k, c);
      }
      const t = typeOf(firstPass[j]![i]!);
      c.set(t, (c.get(t) ?? 0) + 1);
    });
    return m;
  });
  return keys.map((ks, j) => {
    const lo = Math.max(0, j - window);
    const hi = Math.min(sentences.length - 1, j + window);
    return ks.map((k, i) => {
      const fp = firstPass[j]!;
      if (!k)
        return [`fp=${fp[i]}`, `fp-1=${fp[i - 1] ?? '<s>'}|${fp[i]}`, `fp+1=${fp[i]}|${fp[i + 1] ?? '</s>'}`];
      const counts = new Map<string, number>();
      for (let q = lo; q <= hi; q++) {
        const c = perSentence[q]!.get(k);
        if (c) for (const [t, n] of c) counts.set(t, (counts.get(t) ?? 0) + n);
      }
      const own = typeOf(firstPass[j]![i]!);
      counts.set(own, counts.get(own)! - 1);
      let best = '';
      let bestN = 0;
      const out: string[] = [];
      for (const [t, n] of counts) {
        if (n <= 0) continue;
        if (n > bestN) {
          best = t;
          bestN = n;
        }
        if (t !== 'O') out.push(`de=${t}`);
      }
      if (best) out.push(`dm=${best}`);
      // the first pass's own labels for this word and its neighbours
      out.push(`fp=${fp[i]}`, `fp-1=${fp[i - 1] ?? '<s>'}|${fp[i]}`, `fp+1=${fp[i]}|${fp[i + 1] ?? '</s>'}`);
      return out;
    });
  });
}
