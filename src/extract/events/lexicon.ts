// The event lexicon (data/lexicons/events.json) compiled once: every trigger form and cue folded
// with the text layer's normaliser, verbs inflected for person, number and tense. Read lazily.
import raw from '../../../data/lexicons/events.json' with { type: 'json' };
import type { EntityKind, EventType } from '../../model/index.js';
import { normalizeForMatch } from '../../text/index.js';

export type Tense = 'past' | 'present' | 'noun';

/** One word slot of a trigger: the folded forms it accepts, each with its tense. */
export type WordSlot = ReadonlyMap<string, Tense>;

export interface TriggerPattern {
  type: EventType;
  /** What kind of the type (training, materiel, intelligence …): reports merge only when it agrees. */
  facet: string;
  words: WordSlot[];
  /** Whether a few words may come between slot k-1 and slot k: only after a verb («قطعت مالي
   * العلاقات»); a noun phrase is written whole («عبوة ناسفة»). */
  gapBefore: boolean[];
  /** One of these (folded) must occur within a few words after the trigger. */
  near?: ReadonlySet<string>;
  /** One entity of these kinds must be mentioned in the sentence. */
  requiresKind?: ReadonlySet<EntityKind>;
}

export interface EventLexicon {
  patterns: TriggerPattern[];
  /** First folded word → the patterns starting with it. */
  byFirst: Map<string, TriggerPattern[]>;
  window: number;
  negation: string[][];
  negationBeforeVerb: string[][];
  future: string[][];
  modal: string[][];
  present: string[][];
  denial: string[][];
  rumour: string[][];
  futureAfter: Set<string>;
  agentAfter: string[][];
  /** «ألغت … اتفاقية», «للخروج من اتفاق»: an agreement undone is a diplomatic break. */
  undone: string[][];
  locationPrepositions: string[][];
  /** Bare group nouns that stand for the document's group named with them («المتمردين»). */
  groupNouns: Set<string>;
}

interface RawGroup {
  facet: string;
  sub?: string;
  verbs?: string[];
  words?: string[];
  phrases?: string[];
  near?: string[];
  requiresKind?: string[];
}

/** The matching key of one word: folded, and for a noun without its article («الهجوم» → هجوم). */
export function fold(word: string): string {
  return normalizeForMatch(word).trim();
}

function foldNoun(word: string): string {
  const f = fold(word);
  return f.startsWith('ال') && f.length > 4 ? f.slice(2) : f;
}

/**
 * Forms of a verb given as past/present-stem: «هاجم/هاجم» → هاجم هاجمت هاجموا هاجما هاجمتا هاجمن
 * هاجمنا … يهاجم تهاجم نهاجم يهاجمون تهاجمان …; a final ى/ي (التقى/لتقي) gives التقت التقوا يلتقون.
 */
export function inflectVerb(spec: string): Map<string, Tense> {
  const [pastRaw, presRaw] = spec.split('/');
  const out = new Map<string, Tense>();
  const past = fold(pastRaw ?? '');
  const pres = fold(presRaw ?? pastRaw ?? '');
  if (past) {
    const weak = past.endsWith('ي') || past.endsWith('ا');
    const base = weak ? past.slice(0, -1) : past;
    out.set(past, 'past');
    for (const s of weak ? ['ت', 'وا', 'تا', 'ينا', 'يت'] : ['ت', 'وا', 'ا', 'تا', 'ن', 'نا', 'تم'])
      out.set(base + s, 'past');
  }
  if (pres) {
    const weak = pres.endsWith('ي');
    const base = weak ? pres.slice(0, -1) : pres;
    for (const p of ['ي', 'ت', 'ن', 'ا']) {
      out.set(p + pres, 'present');
      for (const s of weak ? ['ون', 'ان', 'وا', 'ين'] : ['ون', 'ان', 'وا', 'ن', 'ين', 'ا'])
        out.set(p + base + s, 'present');
    }
  }
  return out;
}

function slotOf(word: string): Map<string, Tense> {
  const slot = new Map<string, Tense>();
  for (const alt of word.split('|')) {
    if (alt.startsWith('@')) for (const [f, t] of inflectVerb(alt.slice(1))) slot.set(f, t);
    else {
      slot.set(foldNoun(alt), 'noun');
      slot.set(fold(alt), 'noun');
    }
  }
  return slot;
}

function cue(list: readonly string[] | undefined): string[][] {
  return (list ?? []).map((p) => p.split(/\s+/).filter(Boolean).map(fold));
}

export function compileLexicon(src: typeof raw): EventLexicon {
  const patterns: TriggerPattern[] = [];
  const types = src.types as unknown as Record<EventType, RawGroup[]>;
  for (const [type, groups] of Object.entries(types) as [EventType, RawGroup[]][]) {
    for (const g of groups) {
      const base = {
        type,
        facet: g.facet,
        ...(g.near ? { near: new Set(g.near.map(fold)) } : {}),
        ...(g.requiresKind ? { requiresKind: new Set(g.requiresKind as EntityKind[]) } : {}),
      };
      const phrase = (text: string): TriggerPattern => {
        const parts = text.split(/\s+/);
        return {
          ...base,
          words: parts.map(slotOf),
          gapBefore: parts.map((_, k) => k > 0 && parts[k - 1]!.startsWith('@')),
        };
      };
      for (const v of g.verbs ?? []) patterns.push({ ...base, words: [inflectVerb(v)], gapBefore: [false] });
      for (const w of g.words ?? []) patterns.push(phrase(w));
      for (const p of g.phrases ?? []) patterns.push(phrase(p));
    }
  }
  const byFirst = new Map<string, TriggerPattern[]>();
  for (const p of patterns)
    for (const f of p.words[0]!.keys()) {
      const list = byFirst.get(f) ?? [];
      if (!list.includes(p)) list.push(p);
      byFirst.set(f, list);
    }
  const f = src.factuality;
  return {
    patterns,
    byFirst,
    window: f.window,
    negation: cue(f.negation),
    negationBeforeVerb: cue(f.negationBeforeVerb),
    future: cue(f.future),
    modal: cue(f.modal),
    present: cue(f.present),
    denial: cue(f.denial),
    rumour: cue(f.rumour),
    futureAfter: new Set(['المقبل', 'المقبله', 'القادم', 'القادمه'].map(fold)),
    agentAfter: cue(src.agentAfter),
    undone: cue(src.undone),
    locationPrepositions: cue(src.locationPrepositions),
    groupNouns: new Set((src.groupNouns ?? []).map(fold)),
  };
}

let compiled: EventLexicon | undefined;
/** The shipped lexicon, compiled on first use. */
export function eventLexicon(): EventLexicon {
  compiled ??= compileLexicon(raw);
  return compiled;
}
