import { type AliasIndex, buildAliasIndex, type KbEntity, type KnowledgeBase } from '../../kb/index.js';
import { normalizeForMatch, tokenize } from '../../text/index.js';
import type { NerModel } from '../ner/index.js';
import { defaultLexicon, type EntityLexicon } from './lexicon.js';
import { letterCount, skeleton, skeletonParts } from './skeleton.js';

// Everything recognition and linking look up, built once per knowledge base: the alias index
// keyed like the word stream (normalised words joined by one space, dashes dropped), its word
// prefixes for an early-exit longest match, nationality adjectives, each country's army, and the
// transliteration-skeleton index for variants the KB does not list.

export interface SkeletonEntry {
  readonly id: string;
  /** Long vowels inside the form: a variant differs by at most one («تينزواتين» vs «تين زاوتين»). */
  readonly vowels: number;
}

export interface EntityResources {
  readonly kb: KnowledgeBase;
  readonly lexicon: EntityLexicon;
  readonly aliases: AliasIndex;
  /** Every word prefix of every alias key («جماعة», «جماعة نصرة», …). */
  readonly prefixes: ReadonlySet<string>;
  /** Definite nationality adjective («المالي», «المالية», «الماليين») → country id. */
  readonly demonyms: ReadonlyMap<string, string>;
  /** Definite plural demonyms used as nouns («الروس», «الجزائريون») → country id. */
  readonly pluralDemonyms: ReadonlyMap<string, string>;
  /** Every demonym form, definite or not («روسي», «الروسية»): never a name on its own. */
  readonly demonymForms: ReadonlySet<string>;
  /** Country id → its army (kind military, named «الجيش …» / «جيش …» in the KB). */
  readonly armies: ReadonlyMap<string, string>;
  readonly skeletons: ReadonlyMap<string, readonly SkeletonEntry[]>;
  /** KB load order: the first-listed entity wins an ambiguous alias when the text does not decide. */
  readonly order: ReadonlyMap<string, number>;
  readonly ner: NerModel | undefined;
  /** Alias key → the first letters its KB forms are written with (for hamza-alef homographs). */
  readonly initials: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The matching key of a name: its word/number tokens' normalised forms, dashes dropped. */
export function nameKey(s: string): string {
  return tokenize(s)
    .filter((t) => t.kind === 'word' || t.kind === 'number')
    .map((t) => t.norm)
    .join(' ');
}

const VOWEL = /[اوي]/gu;
export function innerVowels(s: string): number {
  const n = normalizeForMatch(s).replace(/\s+/gu, '');
  return (n.slice(1).match(VOWEL) ?? []).length;
}

function arabicForms(e: KbEntity): string[] {
  return [e.name_ar, ...e.aliases_ar];
}

export interface ResourceOptions {
  readonly lexicon?: EntityLexicon;
  /** The learned tagger for names nobody listed; without it only the KB and the rules find names. */
  readonly ner?: NerModel;
}

export function buildEntityResources(kb: KnowledgeBase, options: ResourceOptions = {}): EntityResources {
  const aliases = buildAliasIndex(kb, nameKey);
  const prefixes = new Set<string>();
  for (const key of aliases.keys()) {
    const parts = key.split(' ');
    for (let n = 1; n <= parts.length; n++) prefixes.add(parts.slice(0, n).join(' '));
  }
  const demonyms = new Map<string, string>();
  const pluralDemonyms = new Map<string, string>();
  const demonymForms = new Set<string>();
  const armies = new Map<string, string>();
  const skeletons = new Map<string, SkeletonEntry[]>();
  const order = new Map<string, number>();
  const initials = new Map<string, Set<string>>();
  for (const e of kb.entities.values()) {
    order.set(e.id, order.size);
    for (const f of arabicForms(e)) {
      const key = nameKey(f);
      const set = initials.get(key) ?? new Set<string>();
      set.add(f.trim()[0]!);
      initials.set(key, set);
    }
    const d = e.demonyms_ar;
    if (d) {
      for (const f of [...d.m, ...d.f, ...d.pl, ...d.pl_f]) {
        const def = normalizeForMatch(`ال${f}`);
        if (!demonyms.has(def)) demonyms.set(def, e.id);
        demonymForms.add(def).add(normalizeForMatch(f));
      }
      for (const f of [...d.pl, ...d.pl_f]) pluralDemonyms.set(normalizeForMatch(`ال${f}`), e.id);
    }
    if (e.kind === 'military' && e.country && !armies.has(e.country)) {
      const named = arabicForms(e).some((f) => /^(ال)?جيش/u.test(normalizeForMatch(f)));
      if (named) armies.set(e.country, e.id);
    }
    for (const f of arabicForms(e)) {
      if (letterCount(f) < 5) continue;
      const key = skeleton(f);
      if (key.length < 4) continue;
      const list = skeletons.get(key) ?? [];
      if (!list.some((x) => x.id === e.id)) list.push({ id: e.id, vowels: innerVowels(f) });
      skeletons.set(key, list);
    }
  }
  return {
    kb,
    lexicon: options.lexicon ?? defaultLexicon(),
    aliases,
    prefixes,
    demonyms,
    pluralDemonyms,
    demonymForms,
    armies,
    skeletons,
    order,
    ner: options.ner,
    initials,
  };
}

const NO_CONTEXT: ReadonlySet<string> = new Set();
const NONE: readonly string[] = [];
/** Per resources: surface → the KB ids it may be a variant of (most words: none). */
const variantMemo = new WeakMap<EntityResources, Map<string, readonly string[]>>();
const VARIANT_MEMO_MAX = 100_000;

/** The entities whose skeleton the surface has, with nearly the same vowels (memoised). */
function variantCandidates(res: EntityResources, surface: string): readonly string[] {
  let memo = variantMemo.get(res);
  if (!memo) {
    memo = new Map();
    variantMemo.set(res, memo);
  }
  let ids = memo.get(surface);
  if (ids) return ids;
  ids = NONE;
  // Guard against common words: the name without its article needs 5 letters and 4 consonants
  // («الأمن» is not «اليمن», «إطار» is not «أطار»).
  const parts = skeletonParts(surface);
  if (parts.bareLetters >= 5 && parts.bareSkeleton >= 4) {
    const list = res.skeletons.get(parts.skeleton);
    if (list) {
      const v = innerVowels(surface);
      ids = [...new Set(list.filter((x) => Math.abs(x.vowels - v) <= 1).map((x) => x.id))];
    }
  }
  if (memo.size >= VARIANT_MEMO_MAX) memo.clear();
  memo.set(surface, ids);
  return ids;
}

const skeletonPrefixes = new WeakMap<
  EntityResources,
  { prefixes: Set<string>; memo: Map<string, boolean> }
>();

/**
 * Whether a name that starts with `first` (a word, another written apart after it) can be a
 * variant of a KB name at all: the skeleton of «تين» + «زاوتين» starts with the skeleton of
 * «تين», so unless some KB skeleton starts with it, the pair need not be tried.
 */
export function mayStartVariant(res: EntityResources, first: string): boolean {
  let c = skeletonPrefixes.get(res);
  if (!c) {
    const prefixes = new Set<string>(['']);
    for (const key of res.skeletons.keys())
      for (let n = 1; n <= key.length; n++) prefixes.add(key.slice(0, n));
    c = { prefixes, memo: new Map() };
    skeletonPrefixes.set(res, c);
  }
  let ok = c.memo.get(first);
  if (ok === undefined) {
    ok = c.prefixes.has(skeleton(first));
    if (c.memo.size >= VARIANT_MEMO_MAX) c.memo.clear();
    c.memo.set(first, ok);
  }
  return ok;
}

/**
 * The KB entity a name not in the KB is a spelling variant of, when exactly one entity has a form
 * with the same skeleton and nearly the same vowels; names under 5 letters are never guessed.
 *   variantOf(res, 'فاقنر') → 'wagner'   variantOf(res, 'تينزواتين') → 'tinzaouaten'
 */
export function variantOf(
  res: EntityResources,
  surface: string,
  context: ReadonlySet<string> = NO_CONTEXT,
): string | undefined {
  const ids = variantCandidates(res, surface);
  if (ids.length === 0) return undefined;
  if (ids.length === 1) return ids[0];
  // «تينزواتين» is a town on each side of the Mali–Algeria border: the one of a country the text
  // names wins, else the first listed.
  const inContext = ids.filter((id) => context.has(id) || context.has(res.kb.get(id)?.country ?? ''));
  return inContext.length === 1 ? inContext[0] : undefined;
}
