// The claim and relation cue lexicons (data/lexicons/claims.json, relations.json), folded once
// with the text layer's normaliser. Read lazily, never on import.
import { readFileSync } from 'node:fs';
import { type EntityKind, MarsadError, type RelationType, type Stance } from '../../model/index.js';
import { normalizeForMatch } from '../../text/index.js';

const CLAIMS_URL = new URL('../../../data/lexicons/claims.json', import.meta.url);
const RELATIONS_URL = new URL('../../../data/lexicons/relations.json', import.meta.url);

/** The matching key of a word. */
export function fold(s: string): string {
  return normalizeForMatch(s).replace(/\s+/g, ' ').trim();
}

/** A word and its readings with proclitics (و ف ب ل ك ال) stripped, longest first. */
export function readings(norm: string): string[] {
  const out = [norm];
  let s = norm;
  for (;;) {
    if (s.length > 2 && 'وفبلك'.includes(s[0]!)) s = s.slice(1);
    else if (s.length > 3 && s.startsWith('ال')) s = s.slice(2);
    else break;
    out.push(s);
  }
  return out;
}

/** Phrases as arrays of folded words. */
export type Phrase = readonly string[];
const phrase = (s: string): Phrase => fold(s).split(' ').filter(Boolean);

export interface ClaimLexicon {
  /** Every written form of a reporting verb → its stance. */
  verbs: Map<string, Stance>;
  passiveHedges: Set<string>;
  participles: Map<string, Stance>;
  nouns: { phrase: Phrase; stance: Stance }[];
  sources: Phrase[];
  reportedHedges: Phrase[];
  unattributed: Set<string>;
  negation: Set<string>;
  contentNegation: Set<string>;
  hedges: Phrase[];
  complementizers: Set<string>;
  /** Every form of a verb that often is not a reporting verb. */
  weakVerbs: Set<string>;
  /** Definite common noun (folded, without ال) → the kinds of entity it stands for. */
  descriptive: Map<string, readonly (EntityKind | 'person')[]>;
  relatives: Set<string>;
  auxiliaries: Set<string>;
  /** Negation words that open no denial («لا يزال», «ليست المرة الأولى»). */
  negationIdioms: Phrase[];
}

export type CueDirection = 'forward' | 'backward' | 'between' | 'title';
export interface RelationCue {
  type: RelationType;
  direction: CueDirection;
  phrase: Phrase;
}

/** Past and present persons of a verb given as 3ms past («قال», «نفى») or present («يقول»). */
export function verbForms(base: string): string[] {
  const v = fold(base);
  const out = new Set([v]);
  if (v.startsWith('ي') && v.length >= 3) {
    const stem = v.slice(1);
    const defective = v.endsWith('ي') || v.endsWith('و');
    const root = defective ? v.slice(0, -1) : v;
    for (const p of ['ت', 'ن', 'ا']) out.add(p + stem);
    out.add(`${root}ون`);
    out.add(`${root}ان`);
    out.add(`ت${root.slice(1)}ان`);
    out.add(`ت${root.slice(1)}ون`);
    if (defective) out.add(`${v.slice(0, -1)}وا`);
  } else {
    const defective = v.endsWith('ي') || v.endsWith('ا');
    const root = defective ? v.slice(0, -1) : v;
    out.add(`${root}ت`);
    out.add(`${root}وا`);
    out.add(defective ? `${root}يا` : `${v}ا`);
    out.add(`${root}تا`);
    out.add(`${v}ت`.replace(/[يا]ت$/, 'ت'));
  }
  return [...out];
}

interface ClaimsJson {
  verbs: Record<Stance, string[]>;
  forms: Record<Stance, string[]>;
  passiveHedges: string[];
  participles: Record<Stance, string[]>;
  nouns: Record<Stance, string[]>;
  sources: string[];
  reportedHedges: string[];
  unattributed: string[];
  negation: string[];
  contentNegation: string[];
  hedges: string[];
  complementizers: string[];
  weakVerbs: string[];
  descriptive: Record<string, (EntityKind | 'person')[]>;
  relatives: string[];
  auxiliaries: string[];
  negationIdioms: string[];
}
interface RelationsJson {
  cues: Record<RelationType, Partial<Record<CueDirection, string[]>>>;
  titles: { minister: string[]; deputy: string[]; counterpart: string[] };
  countryRef: { country: string[]; directions: string[] };
  memberLists: { states: string[]; numbers: Record<string, number>; cues: string[] };
}

/** Words of the KB-backed title rule and of «شمال البلاد» (data/lexicons/relations.json). */
export interface RelationWords {
  minister: Set<string>;
  deputy: Set<string>;
  counterpart: Set<string>;
  country: Set<string>;
  directions: Phrase[];
  states: Set<string>;
  /** «الثلاث» → 3: how many countries the number noun refers back to. */
  numbers: Map<string, number>;
  memberCues: Phrase[];
}

function readJson<T>(url: URL): T {
  try {
    return JSON.parse(readFileSync(url, 'utf8')) as T;
  } catch (e) {
    throw new MarsadError('E_INTERNAL', `cannot read lexicon ${url.pathname}: ${(e as Error).message}`, {
      cause: e,
    });
  }
}

let claimLexicon: ClaimLexicon | undefined;
export function loadClaimLexicon(): ClaimLexicon {
  if (claimLexicon) return claimLexicon;
  const j = readJson<ClaimsJson>(CLAIMS_URL);
  const verbs = new Map<string, Stance>();
  const stances = Object.keys(j.verbs) as Stance[];
  for (const stance of stances)
    for (const v of j.verbs[stance]) for (const f of verbForms(v)) verbs.set(f, stance);
  // Explicit forms win over derived ones (a derived form may collide with another verb).
  for (const stance of Object.keys(j.forms) as Stance[])
    for (const f of j.forms[stance]) verbs.set(fold(f), stance);
  const participles = new Map<string, Stance>();
  for (const stance of Object.keys(j.participles) as Stance[])
    for (const p of j.participles[stance]) participles.set(fold(p), stance);
  const nouns: ClaimLexicon['nouns'] = [];
  for (const stance of Object.keys(j.nouns) as Stance[])
    for (const n of j.nouns[stance]) nouns.push({ phrase: phrase(n), stance });
  claimLexicon = {
    verbs,
    passiveHedges: new Set(j.passiveHedges.map(fold)),
    participles,
    nouns,
    sources: j.sources.map(phrase).sort((a, b) => b.length - a.length),
    reportedHedges: j.reportedHedges.map(phrase),
    unattributed: new Set(j.unattributed.map(fold)),
    negation: new Set(j.negation.map(fold)),
    contentNegation: new Set(j.contentNegation.map(fold)),
    hedges: j.hedges.map(phrase),
    complementizers: new Set(j.complementizers.map(fold)),
    weakVerbs: new Set(j.weakVerbs.flatMap(verbForms)),
    descriptive: new Map(Object.entries(j.descriptive).map(([k, v]) => [fold(k).replace(/^ال/, ''), v])),
    relatives: new Set(j.relatives.map(fold)),
    auxiliaries: new Set(j.auxiliaries.map(fold)),
    negationIdioms: j.negationIdioms.map(phrase),
  };
  return claimLexicon;
}

let relationCues: RelationCue[] | undefined;
/** Every relation cue, longest phrase first. */
export function loadRelationCues(): RelationCue[] {
  if (relationCues) return relationCues;
  const j = readJson<RelationsJson>(RELATIONS_URL);
  const out: RelationCue[] = [];
  for (const type of Object.keys(j.cues) as RelationType[])
    for (const direction of Object.keys(j.cues[type]) as CueDirection[])
      for (const p of j.cues[type][direction] ?? []) out.push({ type, direction, phrase: phrase(p) });
  relationCues = out.sort((a, b) => b.phrase.length - a.phrase.length);
  return relationCues;
}

let relationWords: RelationWords | undefined;
export function loadRelationWords(): RelationWords {
  if (relationWords) return relationWords;
  const j = readJson<RelationsJson>(RELATIONS_URL);
  relationWords = {
    minister: new Set(j.titles.minister.map(fold)),
    deputy: new Set(j.titles.deputy.map(fold)),
    counterpart: new Set(j.titles.counterpart.map(fold)),
    country: new Set(j.countryRef.country.map(fold)),
    directions: j.countryRef.directions.map(phrase).sort((a, b) => b.length - a.length),
    states: new Set(j.memberLists.states.map(fold)),
    numbers: new Map(Object.entries(j.memberLists.numbers).map(([k, n]) => [fold(k), n])),
    memberCues: j.memberLists.cues.map(phrase).sort((a, b) => b.length - a.length),
  };
  return relationWords;
}
