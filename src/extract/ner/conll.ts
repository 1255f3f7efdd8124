import { type NerSpan, spansFromTags } from './bio.js';

/** One sentence of a CoNLL-style corpus: words with their gold tags. */
export interface TaggedSentence {
  words: string[];
  tags: string[];
}

/** Maps a corpus's tag spelling onto ours (AQMAR writes PER and MIS). */
export type TagMap = Record<string, string>;

export const AQMAR_TYPES: TagMap = { PER: 'PERS', MIS: 'MISC', LOC: 'LOC', ORG: 'ORG' };

/**
 * Parses `token TAG` lines with blank lines between sentences (ANERcorp, AQMAR). The tag is the
 * last space-separated field; a line with one field is taken as a token tagged O.
 */
export function parseConll(text: string, typeMap?: TagMap): TaggedSentence[] {
  const out: TaggedSentence[] = [];
  let cur: TaggedSentence = { words: [], tags: [] };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) {
      if (cur.words.length) out.push(cur);
      cur = { words: [], tags: [] };
      continue;
    }
    const cut = line.lastIndexOf(' ');
    const word = cut < 0 ? line : line.slice(0, cut).trim();
    let tag = cut < 0 ? 'O' : line.slice(cut + 1);
    if (typeMap && tag !== 'O') {
      const type = tag.slice(2);
      tag = `${tag.slice(0, 2)}${typeMap[type] ?? type}`;
    }
    cur.words.push(word);
    cur.tags.push(tag);
  }
  if (cur.words.length) out.push(cur);
  return out;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  /** gold chunks, predicted chunks, exact matches (span and type) */
  gold: number;
  predicted: number;
  correct: number;
}

export interface ConllScore {
  overall: PRF;
  byType: Record<string, PRF>;
  /** token accuracy over all tags, as conlleval prints it */
  accuracy: number;
  tokens: number;
}

function prf(gold: number, predicted: number, correct: number): PRF {
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, gold, predicted, correct };
}

/**
 * Entity-level scoring equivalent to conlleval (and seqeval's default mode): a predicted chunk
 * counts only if its start, end and type all equal a gold chunk's; micro-averaged overall.
 */
export function scoreConll(
  gold: readonly (readonly string[])[],
  pred: readonly (readonly string[])[],
): ConllScore {
  if (gold.length !== pred.length)
    throw new Error(`scoreConll: ${gold.length} gold vs ${pred.length} predicted`);
  const counts = new Map<string, [number, number, number]>();
  const bump = (type: string, k: 0 | 1 | 2) => {
    let c = counts.get(type);
    if (!c) {
      c = [0, 0, 0];
      counts.set(type, c);
    }
    c[k]++;
  };
  let tokens = 0;
  let same = 0;
  for (let s = 0; s < gold.length; s++) {
    const g = gold[s]!;
    const p = pred[s]!;
    if (g.length !== p.length) throw new Error(`scoreConll: sentence ${s} lengths differ`);
    tokens += g.length;
    for (let i = 0; i < g.length; i++) if (g[i] === p[i]) same++;
    const gs = spansFromTags(g);
    const ps = spansFromTags(p);
    const key = (x: NerSpan) => `${x.start}:${x.end}:${x.type}`;
    const gk = new Set(gs.map(key));
    for (const x of gs) bump(x.type, 0);
    for (const x of ps) {
      bump(x.type, 1);
      if (gk.has(key(x))) bump(x.type, 2);
    }
  }
  let G = 0;
  let P = 0;
  let C = 0;
  const byType: Record<string, PRF> = {};
  for (const type of [...counts.keys()].sort()) {
    const [g, p, c] = counts.get(type)!;
    byType[type] = prf(g, p, c);
    G += g;
    P += p;
    C += c;
  }
  return { overall: prf(G, P, C), byType, accuracy: tokens ? same / tokens : 0, tokens };
}
