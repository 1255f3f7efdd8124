// Casualty counts in a span of text (an event's sentence, say):
//   «أسفر الهجوم عن مقتل 20 جنديا وإصابة 15 آخرين» → killed 20, wounded 15
//   «ما لا يقل عن 20 قتيلا» → killed {min 20, max null} · «أسر جنديين» → captured 2
//   «مقتل 5 جنود و3 مدنيين» → killed 8 (coordinated counts add up)
// A count belongs to a category when its noun says so («قتيلا», «جرحى», «أسرى»), or a cue stands
// up to three words before it («مقتل», «إصابة», «اختطاف») or after its noun («لقوا حتفهم»). A count
// coordinated with the previous one («و3 مدنيين») takes its category. Two separate counts of
// one category (conflicting reports: «20 قتيلا حسب الجيش … 50 قتيلا حسب المتمردين») resolve to the
// lower one, ACLED's conservative rule.
import { readFileSync } from 'node:fs';
import type { Span } from '../../model/index.js';
import { findQuantities, type Quantity } from './find.js';
import { key } from './lexicon.js';
import { cliticReadings, matchAny, scan, type Tok } from './tokens.js';

export type CasualtyCategory = 'killed' | 'wounded' | 'captured';
export const CASUALTY_CATEGORIES: readonly CasualtyCategory[] = ['killed', 'wounded', 'captured'];

export interface CasualtyCount {
  min: number | null;
  max: number | null;
  approximate: boolean;
  /** Offsets of the counts (and their nouns) this figure was read from. */
  evidence: Span[];
}

export interface CasualtyHit {
  category: CasualtyCategory;
  quantity: Quantity;
  /** The cue that decided the category. */
  cue: Span;
}

export type CasualtyCounts = Partial<Record<CasualtyCategory, CasualtyCount>> & { hits: CasualtyHit[] };

interface Cues {
  nouns: Set<string>;
  before: string[][];
  after: string[][];
}

let cues: Record<CasualtyCategory, Cues> | undefined;

function casualtyCues(): Record<CasualtyCategory, Cues> {
  if (cues) return cues;
  const raw = JSON.parse(
    readFileSync(new URL('../../../data/lexicons/casualties.json', import.meta.url), 'utf8'),
  );
  const phrases = (xs: string[]) => xs.map((x) => key(x).split(' ')).sort((a, b) => b.length - a.length);
  const build = (c: { nouns: string[]; before: string[]; after: string[] }): Cues => ({
    nouns: new Set(c.nouns.map(key)),
    before: phrases(c.before),
    after: phrases(c.after),
  });
  cues = { killed: build(raw.killed), wounded: build(raw.wounded), captured: build(raw.captured) };
  return cues;
}

function nounCategory(norm: string): CasualtyCategory | null {
  const c = casualtyCues();
  for (const r of cliticReadings(norm, true)) {
    for (const cat of CASUALTY_CATEGORIES) if (c[cat].nouns.has(r.word)) return cat;
  }
  return null;
}

const isStop = (t: Tok | undefined) => !t || (t.kind === 'punct' && /[.!?؟;:؛]/.test(t.text));

function categorize(toks: Tok[], q: Quantity): { category: CasualtyCategory; cue: Span } | null {
  const c = casualtyCues();
  if (q.noun) {
    const cat = nounCategory(q.noun.norm);
    if (cat) return { category: cat, cue: { start: q.noun.start, end: q.noun.end } };
  }
  const first = toks.findIndex((t) => t.end > q.start);
  // a cue before: «مقتل 20», «أودى بحياة 20», «لقي 20 شخصا حتفهم»
  for (let back = 1; back <= 3; back++) {
    const k = first - back;
    if (k < 0 || isStop(toks[k])) break;
    for (const cat of CASUALTY_CATEGORIES) {
      for (const p of c[cat].before) {
        const m = matchAny(toks, k - p.length + 1, [p]);
        if (m && m.end === k + 1)
          return { category: cat, cue: { start: toks[k - p.length + 1]!.start, end: toks[k]!.end } };
      }
    }
  }
  // a cue after the noun: «20 جنديا لقوا حتفهم»
  const after = toks.findIndex((t) => t.start >= (q.noun?.end ?? q.end));
  if (after >= 0) {
    for (let k = after; k < after + 3 && k < toks.length && !isStop(toks[k]); k++) {
      for (const cat of CASUALTY_CATEGORIES) {
        const m = matchAny(toks, k, c[cat].after);
        if (m) return { category: cat, cue: { start: toks[k]!.start, end: toks[m.end - 1]!.end } };
      }
    }
  }
  return null;
}

/**
 * Killed / wounded / captured counts in text[span]. Offsets are into `text`; a category is absent
 * when the span gives no count for it.
 */
export function casualtyCounts(text: string, span: Span = { start: 0, end: text.length }): CasualtyCounts {
  const piece = text.slice(span.start, span.end);
  const toks = scan(piece);
  const quantities = findQuantities(piece).filter((q) => q.min !== null || q.max !== null);
  const hits: CasualtyHit[] = [];
  const shift = (s: Span): Span => ({ start: s.start + span.start, end: s.end + span.start });
  let prev: { hit: CasualtyHit; end: number } | null = null;
  const coordinated = new Set<CasualtyHit>();
  for (const q of quantities) {
    let found = categorize(toks, q);
    const tail = prev ? piece.slice(prev.end, q.start) : '';
    const isCoordinated = !!prev && /^\s*(و|،|,)?\s*$/.test(tail);
    if (!found && prev && isCoordinated) found = { category: prev.hit.category, cue: prev.hit.cue };
    if (!found) {
      prev = null;
      continue;
    }
    const shifted: Quantity = { ...q, start: q.start + span.start, end: q.end + span.start, text: q.text };
    if (q.noun) shifted.noun = { ...q.noun, start: q.noun.start + span.start, end: q.noun.end + span.start };
    const hit: CasualtyHit = { category: found.category, quantity: shifted, cue: shift(found.cue) };
    if (isCoordinated && prev && prev.hit.category === hit.category) coordinated.add(hit);
    hits.push(hit);
    prev = { hit, end: q.noun?.end ?? q.end };
  }
  const out: CasualtyCounts = { hits };
  for (const cat of CASUALTY_CATEGORIES) {
    const mine = hits.filter((h) => h.category === cat);
    if (mine.length === 0) continue;
    // groups of coordinated counts add up; separate groups are alternative reports → the lowest
    const groups: CasualtyHit[][] = [];
    for (const h of mine) {
      if (coordinated.has(h) && groups.length) groups[groups.length - 1]!.push(h);
      else groups.push([h]);
    }
    const sums = groups.map((g) => ({
      min: g.every((h) => h.quantity.min !== null) ? g.reduce((s, h) => s + h.quantity.min!, 0) : null,
      max: g.every((h) => h.quantity.max !== null) ? g.reduce((s, h) => s + h.quantity.max!, 0) : null,
      approximate: g.some((h) => h.quantity.approximate),
      evidence: g.map((h) => ({ start: h.quantity.start, end: h.quantity.noun?.end ?? h.quantity.end })),
    }));
    sums.sort((a, b) => (a.min ?? a.max ?? Infinity) - (b.min ?? b.max ?? Infinity));
    out[cat] = sums[0]!;
  }
  return out;
}
