import { type AliasIndex, buildAliasIndex, type KbEntity, type KnowledgeBase } from '../../kb/index.js';
import { normalizeForMatch, scanTokens } from '../../text/index.js';
import { BoundedMemo, cachedFor } from '../../util/index.js';
import type { NerModel } from '../ner/index.js';
import { defaultLexicon, type EntityLexicon } from './lexicon.js';
import { letterCount, skeleton, skeletonParts, spellingLetters, vowelEdits } from './skeleton.js';

// Everything recognition and linking look up, built once per knowledge base: the alias index
// keyed like the word stream (normalised words joined by one space, dashes dropped), its word
// prefixes for an early-exit longest match, nationality adjectives, each country's army, and the
// transliteration-skeleton index for variants the KB does not list.

export interface SkeletonEntry {
  readonly id: string;
  /** Long vowels inside the form: a variant differs by at most one («تينزواتين» vs «تين زاوتين»). */
  readonly vowels: number;
  /** spellingLetters(form), for the vowel-edit and final-ي checks */
  readonly letters: string;
}

/**
 * Vowel edits a guessed variant may have (the article not counted): none up to five letters, one
 * at six, two from seven on. «السعادة» is not «السعودية»; a five-letter word with a long vowel
 * more or less is most often another Arabic word — «أكسيد» (oxide) is not «أكساد», «معارف» not
 * «معاريف», «الأزهار» not «الأزهر» — while letters written either way («فاجنر»/«فاغنر») still
 * match at any length. On AQMAR and Wojood text this dropped 15 guesses, 13 of them wrong.
 */
const maxVowelEdits = (letters: string): number => {
  const n = letters.length - (letters.startsWith('ال') ? 2 : 0);
  return n >= 7 ? 2 : n >= 6 ? 1 : 0;
};

/**
 * A definite word ending in ة has the shape of an Arabic noun or adjective («المسئولة», the one
 * responsible; «الروحانية», spirituality), and Arabic place names of that shape are spelt one
 * way («المسيلة», «الريحانية»): for such a word only a letter written either way is a variant,
 * not a long vowel put in or taken out.
 */
const arabicShaped = (letters: string): boolean => letters.startsWith('ال') && letters.endsWith('ه');

const DIGITS = /[0-9\u0660-\u0669\u06f0-\u06f9]/u;
/**
 * A variant ends in ي or و when the form does: else «تكتيكي», tactical, would be «تيك توك», and
 * the first name «كريستيان» the footballer «كريستيانو» (a foreign name's final o is always written).
 */
const sameEnding = (a: string, b: string): boolean =>
  a.endsWith('ي') === b.endsWith('ي') && a.endsWith('و') === b.endsWith('و');

/**
 * ي and an ending: masculine, feminine (ة, normalised ه), accusative ا, plurals («يين» is «ين»
 * once doubled letters are collapsed)
 */
const NISBA_ENDING = /^(?:ي(?:ه|ا|ون|ات)?|ين)$/u;

/**
 * Whether spelling `a` is the nisba adjective of the name spelt `b`: «بربرية» of «بربرة»,
 * «فنلنديا» (accusative, «شخصا فنلنديا») of «فنلندا», «كتالوني» of «كتالونيا». An adjective is
 * an attribute of the noun it qualifies, not a mention of the place.
 */
export function nisbaOf(a: string, b: string): boolean {
  if (a === b) return false;
  let stem = /[اه]$/u.test(b) ? b.slice(0, -1) : b;
  // «ليبيا» → «ليب» + «ي»
  if (stem.endsWith('ي')) stem = stem.slice(0, -1);
  return stem.length >= 3 && a.startsWith(stem) && NISBA_ENDING.test(a.slice(stem.length));
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
  /** every prefix of every key of `skeletons` (see mayStartVariant) */
  readonly skeletonPrefixes: ReadonlySet<string>;
  /** KB load order: the first-listed entity wins an ambiguous alias when the text does not decide. */
  readonly order: ReadonlyMap<string, number>;
  readonly ner: NerModel | undefined;
  /** Alias key → the first letters its KB forms are written with (for hamza-alef homographs). */
  readonly initials: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * The matching key of a name: its word/number tokens' normalised forms, dashes dropped (the
 * tokens' `norm`, without the clitic readings `tokenize` also works out: this runs for every
 * name of the KB at start-up).
 */
export function nameKey(s: string): string {
  const parts: string[] = [];
  scanTokens(s, (kind, start, end) => {
    if (kind === 'word' || kind === 'number') parts.push(normalizeForMatch(s.slice(start, end)));
  });
  return parts.join(' ');
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

/**
 * Whether other spellings of a KB form may be guessed from its skeleton: a name, not a
 * description. A form with a digit («مجموعة 5+1»: the digits fall out of the skeleton) or a
 * descriptive word («شركة ياهو», «نادي الهلال», «موقع …») is matched as written only; its
 * skeleton would be that of ordinary words («شركائها», «ومجموعة»).
 */
function guessable(form: string, lexicon: EntityLexicon): boolean {
  // Latin letters fall out of the skeleton too («DW عربية» would be «عربية»)
  if (DIGITS.test(form) || /[A-Za-z]/.test(form)) return false;
  return !normalizeForMatch(form)
    .split(/\s+/u)
    .some((w) => lexicon.descriptiveWords.has(w));
}

function prefixesOf(keys: Iterable<string>): Set<string> {
  const out = new Set<string>(['']);
  for (const key of keys) for (let n = 1; n <= key.length; n++) out.add(key.slice(0, n));
  return out;
}

export function buildEntityResources(kb: KnowledgeBase, options: ResourceOptions = {}): EntityResources {
  const lexicon = options.lexicon ?? defaultLexicon();
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
      if (letterCount(f) < 5 || !guessable(f, lexicon)) continue;
      const key = skeleton(f);
      if (key.length < 4) continue;
      const list = skeletons.get(key) ?? [];
      if (!list.some((x) => x.id === e.id))
        list.push({ id: e.id, vowels: innerVowels(f), letters: spellingLetters(f) });
      skeletons.set(key, list);
    }
  }
  return {
    kb,
    lexicon,
    aliases,
    prefixes,
    demonyms,
    pluralDemonyms,
    demonymForms,
    armies,
    skeletons,
    skeletonPrefixes: prefixesOf(skeletons.keys()),
    order,
    ner: options.ner,
    initials,
  };
}

const NO_CONTEXT: ReadonlySet<string> = new Set();
const NONE: readonly string[] = [];
const VARIANT_MEMO_MAX = 100_000;
/** Per resources: surface → the KB ids it may be a variant of (most words: none). */
const variantMemo = new WeakMap<EntityResources, BoundedMemo<string, readonly string[]>>();

/** The entities whose skeleton the surface has, with nearly the same vowels (memoised). */
function variantCandidates(res: EntityResources, surface: string): readonly string[] {
  return cachedFor(variantMemo, res, () => new BoundedMemo(VARIANT_MEMO_MAX, (s) => closeForms(res, s))).get(
    surface,
  );
}

function closeForms(res: EntityResources, surface: string): readonly string[] {
  // Guard against common words: the name without its article needs 5 letters and 4 consonants
  // («الأمن» is not «اليمن», «إطار» is not «أطار»).
  const parts = skeletonParts(surface);
  if (parts.bareLetters < 5 || parts.bareSkeleton < 4) return NONE;
  const list = res.skeletons.get(parts.skeleton);
  if (!list) return NONE;
  const v = innerVowels(surface);
  const letters = spellingLetters(surface);
  const close = (x: SkeletonEntry) =>
    Math.abs(x.vowels - v) <= 1 &&
    sameEnding(letters, x.letters) &&
    !nisbaOf(letters, x.letters) &&
    vowelEdits(letters, x.letters) <=
      (arabicShaped(letters) ? 0 : maxVowelEdits(letters.length < x.letters.length ? letters : x.letters));
  return [...new Set(list.filter(close).map((x) => x.id))];
}

const startMemo = new WeakMap<EntityResources, BoundedMemo<string, boolean>>();

/**
 * Whether a name that starts with `first` (a word, another written apart after it) can be a
 * variant of a KB name at all: the skeleton of «تين» + «زاوتين» starts with the skeleton of
 * «تين», so unless some KB skeleton starts with it, the pair need not be tried.
 */
export function mayStartVariant(res: EntityResources, first: string): boolean {
  const memo = cachedFor(
    startMemo,
    res,
    () => new BoundedMemo(VARIANT_MEMO_MAX, (w: string) => res.skeletonPrefixes.has(skeleton(w))),
  );
  return memo.get(first);
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
