/** The four ANERcorp entity types. */
export type NerType = 'PERS' | 'LOC' | 'ORG' | 'MISC';

/** A half-open token range [start, end) with its entity type. */
export interface NerSpan {
  start: number;
  end: number;
  type: string;
}

/** Tag order used by models: O first, then B-/I- per type. */
export const NER_TYPES: readonly NerType[] = ['PERS', 'LOC', 'ORG', 'MISC'];
export const NER_TAGS: readonly string[] = ['O', ...NER_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];

function split(tag: string): [string, string] {
  if (tag === 'O' || tag.length < 3 || tag[1] !== '-') return ['O', ''];
  return [tag[0]!, tag.slice(2)];
}

/**
 * Chunks of a BIO sequence, read as conlleval reads them: a chunk starts at B-X, or at I-X
 * when the previous tag is not B-X/I-X of the same type (so `O I-LOC` is a LOC chunk), and
 * runs while I-X of the same type follows. Spans are half-open token ranges.
 */
export function spansFromTags(tags: readonly string[]): NerSpan[] {
  const spans: NerSpan[] = [];
  let cur: NerSpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const [p, type] = split(tags[i]!);
    const continues = p === 'I' && cur !== null && cur.type === type;
    if (!continues && cur) {
      cur.end = i;
      spans.push(cur);
      cur = null;
    }
    if (p !== 'O' && !continues) cur = { start: i, end: i + 1, type };
  }
  if (cur) {
    cur.end = tags.length;
    spans.push(cur);
  }
  return spans;
}

/** Rewrites I-X that starts a chunk (after O or another type) as B-X: «O I-LOC» → «O B-LOC». */
export function repairBio(tags: readonly string[]): string[] {
  const out = tags.slice();
  for (let i = 0; i < out.length; i++) {
    const [p, type] = split(out[i]!);
    if (p !== 'I') continue;
    const [pp, ptype] = i > 0 ? split(out[i - 1]!) : ['O', ''];
    if (pp === 'O' || ptype !== type) out[i] = `B-${type}`;
  }
  return out;
}
