import type { KbEntity } from '../../kb/index.js';
import type { EntityKind, EntityType, Span } from '../../model/index.js';
import { normalizeForMatch } from '../../text/index.js';
import { type EntityResources, mayStartVariant, variantOf } from './resources.js';
import { tagNames } from './tagger-names.js';
import { knownWord, namedOtherwise, ordinaryWord, spelledAsIn } from './variant-guards.js';
import { type Reading, type Word, type WordStream, wordStream } from './words.js';

// Mention recognition. One left-to-right pass over the word stream takes, at each word, the
// longest of: a KB alias (clitic-aware: «وفاغنر», «بباماكو», «للجزائر»), a government phrase
// («السلطات المالية» → Mali), an army phrase («الجيش النيجري» → Niger's army) and a plural
// demonym used as a noun («الروس» → Russia). Capitals that stand for their state are then read
// as actor or place. What the KB does not list comes after: spelling variants (skeletons),
// institution names («مركز … للدراسات»), the learned tagger's names, and family names of people
// already met («يوسوف» after «أندريه يوسوف»).

export type MentionSource =
  | 'alias'
  | 'variant'
  | 'government'
  | 'army'
  | 'demonym'
  | 'institution'
  | 'tagger'
  | 'family-name';

export interface MentionCandidate {
  /** Half-open offsets into the text; text.slice(start, end) === text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The form an entity's aliases list: «للجزائر» → «الجزائر». */
  readonly surface: string;
  /** The KB entity, when the mention is linked to one. */
  kbId?: string;
  /** For names the KB does not know. */
  readonly type?: EntityType;
  readonly kind?: EntityKind;
  readonly source: MentionSource;
  /** Word range [firstWord, endWord) in the stream. */
  readonly firstWord: number;
  readonly endWord: number;
  /** Candidates for an ambiguous alias, resolved after the pass. */
  hits?: readonly string[];
  /** For a name the KB does not know: its full form in this text (the minted id comes from it). */
  readonly canonical?: string;
}

interface Match {
  readonly firstWord: number;
  readonly endWord: number;
  readonly start: number;
  readonly surface: string;
  readonly ids: readonly string[];
  readonly source: MentionSource;
}

/** The longest KB alias starting at word i (any clitic reading of its first word). */
/** «القاعدة العسكرية», «القاعدة الفرنسية», «القاعدة 101»: the common noun, not the group's name. */
function commonNounHere(res: EntityResources, stream: WordStream, i: number, surface: string): boolean {
  const modifiers = res.lexicon.commonNounNames.get(normalizeForMatch(surface));
  const next = stream.words[i + 1];
  if (!modifiers || !next || next.barrier) return false;
  return modifiers.has(next.norm) || res.demonymForms.has(next.norm) || next.kind === 'number';
}

export function aliasAt(res: EntityResources, stream: WordStream, i: number): Match | undefined {
  const { words } = stream;
  const w = words[i];
  if (!w || w.furniture) return undefined;
  let best: Match | undefined;
  for (const r of w.readings) {
    if (!res.prefixes.has(r.key)) continue;
    let key = r.key;
    let found = res.aliases.get(key) ? i + 1 : 0;
    let foundKey = key;
    for (let j = i + 1; j < words.length && !words[j]!.barrier; j++) {
      const k2 = `${key} ${words[j]!.norm}`;
      if (!res.prefixes.has(k2)) break;
      key = k2;
      if (res.aliases.get(key)) {
        found = j + 1;
        foundKey = key;
      }
    }
    if (found && (!best || found > best.endWord)) {
      const hits = res.aliases.get(foundKey)!;
      if (found === i + 1 && hamzaClash(w.text.slice(r.start), res.initials.get(foundKey))) continue;
      if (found === i + 1 && commonNounHere(res, stream, i, r.surface)) continue;
      best = {
        firstWord: i,
        endWord: found,
        start: w.start + r.start,
        surface: r.surface + stream.text.slice(w.end, words[found - 1]!.end),
        ids: [...new Set(hits.map((h) => h.id))],
        source: 'alias',
      };
    }
  }
  return best;
}

const HAMZA_ALEF = new Set(['أ', 'إ', 'آ']);

/**
 * The normaliser folds أ/إ/آ into ا, so «إطار» (framework) meets the town «أطار» (Atar). When the
 * text writes one hamza alef and every KB form another, they are different words.
 */
function hamzaClash(surface: string, initials: ReadonlySet<string> | undefined): boolean {
  const first = surface[0]!;
  if (!initials || !HAMZA_ALEF.has(first)) return false;
  return [...initials].every((c) => HAMZA_ALEF.has(c) && c !== first);
}

type Phrases = readonly (readonly string[])[];
/** Each phrase list by first word (its order kept, longest first): a lookup, not a scan per word. */
const phraseIndex = new WeakMap<Phrases, Map<string, (readonly string[])[]>>();
function byFirstWord(phrases: Phrases): Map<string, (readonly string[])[]> {
  let index = phraseIndex.get(phrases);
  if (!index) {
    index = new Map();
    for (const p of phrases) {
      const list = index.get(p[0]!);
      if (list) list.push(p);
      else index.set(p[0]!, [p]);
    }
    phraseIndex.set(phrases, index);
  }
  return index;
}

/** The phrase of `phrases` that words i… spell (first word through its clitic readings). */
function phraseAt(
  stream: WordStream,
  i: number,
  phrases: Phrases,
): { end: number; reading: Reading } | undefined {
  const { words } = stream;
  const w = words[i];
  if (!w) return undefined;
  const index = byFirstWord(phrases);
  for (const r of w.readings) {
    const starting = index.get(r.key);
    if (!starting) continue;
    for (const p of starting) {
      let ok = true;
      for (let k = 1; k < p.length && ok; k++) {
        const x = words[i + k];
        ok = x !== undefined && !x.barrier && x.norm === p[k];
      }
      if (ok) return { end: i + p.length, reading: r };
    }
  }
  return undefined;
}

/** The state a mention at word j names (a country, or a capital/palace standing for one). */
function stateAt(
  res: EntityResources,
  stream: WordStream,
  j: number,
): { end: number; id: string } | undefined {
  const m = aliasAt(res, stream, j);
  if (!m) return undefined;
  for (const id of m.ids) {
    const e = res.kb.get(id);
    if (e?.kind === 'country') return { end: m.endWord, id };
    if (e?.stands_for) {
      const s = res.kb.resolveStandsFor(id);
      if (s?.kind === 'country') return { end: m.endWord, id: s.id };
    }
  }
  return undefined;
}

/**
 * (noun) + [modifiers] + (definite demonym | في + state), or (construct noun) + state. `target`
 * maps the country found to the entity the phrase names (the country itself, or its army).
 *   «السلطات المالية», «الحكومة الانتقالية في مالي», «النظام العسكري الحاكم في باماكو»,
 *   «سلطات مالي», «حكومة باماكو»                                   → mali
 *   «الجيش المالي», «القوات المسلحة في مالي», «جيش مالي»           → mali-army
 */
function statePhraseAt(
  res: EntityResources,
  stream: WordStream,
  i: number,
  definite: readonly (readonly string[])[],
  construct: readonly (readonly string[])[],
  target: ((country: string) => string | undefined) | ReadonlyMap<string, string>,
  source: MentionSource,
): Match | undefined {
  const { words } = stream;
  const w = words[i]!;
  const def = phraseAt(stream, i, definite);
  const con = def ? undefined : phraseAt(stream, i, construct);
  if (!def && !con) return undefined;
  const make = (end: number, reading: Reading, country: string): Match | undefined => {
    const id = typeof target === 'function' ? target(country) : target.get(country);
    if (!id) return undefined;
    // trailing modifiers: «حكومة مالي الانتقالية»
    while (
      end < words.length &&
      !words[end]!.barrier &&
      res.lexicon.governmentModifiers.has(words[end]!.norm)
    )
      end++;
    const start = w.start + reading.start;
    return {
      firstWord: i,
      endWord: end,
      start,
      surface: reading.surface + stream.text.slice(w.end, words[end - 1]!.end),
      ids: [id],
      source,
    };
  };
  if (def) {
    let j = def.end;
    for (
      let k = 0;
      k < 3 && words[j] && !words[j]!.barrier && res.lexicon.governmentModifiers.has(words[j]!.norm);
      k++
    )
      j++;
    const x = words[j];
    if (x && !x.barrier) {
      const country = res.demonyms.get(x.norm);
      if (country) return make(j + 1, def.reading, country);
      if (x.norm === 'في' && words[j + 1] && !words[j + 1]!.barrier) {
        const s = stateAt(res, stream, j + 1);
        if (s) return make(s.end, def.reading, s.id);
      }
    }
  }
  const con2 = con ?? phraseAt(stream, i, construct);
  if (con2 && words[con2.end] && !words[con2.end]!.barrier) {
    const s = stateAt(res, stream, con2.end);
    if (s) return make(s.end, con2.reading, s.id);
  }
  return undefined;
}

const MARKS = /[\u064b-\u065f\u0670\u0640]/gu;
/** Written with the article: «الجيش», «والجيش», «بالمركز», «للدراسات» (not «إلى», «أمن»). */
export function isDefiniteWord(text: string): boolean {
  return /^[وف]?[بلك]?ال|^[وف]?لل/u.test(text.replace(MARKS, ''));
}

const phrasesOfSet = new WeakMap<ReadonlySet<string>, string[][]>();
/** One-word phrases of a word set, built once per set. */
function asPhrases(s: ReadonlySet<string>): string[][] {
  let p = phrasesOfSet.get(s);
  if (!p) {
    p = [...s].map((w) => [w]);
    phrasesOfSet.set(s, p);
  }
  return p;
}
const sameCountry = (c: string): string => c;

function governmentAt(res: EntityResources, stream: WordStream, i: number): Match | undefined {
  const lx = res.lexicon;
  return statePhraseAt(
    res,
    stream,
    i,
    lx.governmentDefinite,
    asPhrases(lx.governmentConstruct),
    sameCountry,
    'government',
  );
}

function armyAt(res: EntityResources, stream: WordStream, i: number): Match | undefined {
  return statePhraseAt(
    res,
    stream,
    i,
    res.lexicon.armyDefinite,
    res.lexicon.armyConstruct,
    res.armies,
    'army',
  );
}

const PRONOUN_SUFFIX = /(ها|هم|هما|هن|كم|نا)$/u;

/**
 * «الروس», «الجزائريون» used as nouns (the people, for their state) → the country. Not when the
 * word qualifies the noun before it («حلفاؤها الروس», «الخبراء الروس»): an adjective follows a
 * definite noun or a noun with a pronoun.
 */
function pluralDemonymAt(res: EntityResources, stream: WordStream, i: number): Match | undefined {
  const w = stream.words[i]!;
  for (const r of w.readings) {
    const country = res.pluralDemonyms.get(r.key);
    if (!country) continue;
    const prev = stream.words[i - 1];
    if (prev && !w.barrier && r.stripped === 0) {
      if (isDefiniteWord(prev.text) || PRONOUN_SUFFIX.test(prev.norm)) return undefined;
    }
    return {
      firstWord: i,
      endWord: i + 1,
      start: w.start + r.start,
      surface: r.surface,
      ids: [country],
      source: 'demonym',
    };
  }
  return undefined;
}

/**
 * A capital or palace that stands for its state (KB `stands_for`) is the state when it acts and
 * the place when it is one. Place readings:
 *   - after a place preposition or noun: «في باماكو», «إلى موسكو», «العاصمة باماكو»
 *   - a dateline: the first word of a line followed by a dash («باماكو- يبدو أن …»)
 *   - what a visit verb reaches in the same clause: «زار وزير الدفاع … موسكو»
 *   - a city with ب written on it: «اجتمعوا بباماكو» (in Bamako)
 * Everything else — subject of a verb («قالت باماكو», «تهدف كييف»), a party («بين كييف و…»,
 * «مع موسكو»), a possessor («تورط كييف») — is the state.
 */
export function isPlaceReading(res: EntityResources, stream: WordStream, m: Match): boolean {
  const { words } = stream;
  const lx = res.lexicon;
  const w = words[m.firstWord]!;
  if (w.lineStart && words[m.endWord - 1]!.dashAfter) return true;
  // «اجتمعوا بباماكو»: ب on a city is «in»; on a palace it is «with» («علاقاتها بالكرملين»)
  const proclitics = stream.text.slice(w.start, m.start);
  if (proclitics.includes('ب') && res.kb.get(m.ids[0]!)?.kind === 'city') return true;
  if (w.barrier) return false;
  // the preposition may be a separate word («في باماكو») or a phrase («بالقرب من موسكو»)
  for (const p of lx.placePrepositions) {
    const k = m.firstWord - p.length;
    if (k < 0) continue;
    let ok = true;
    for (let q = 0; q < p.length && ok; q++) {
      const x = words[k + q]!;
      ok = (q === 0 || !x.barrier) && (x.norm === p[q] || x.readings.some((r) => r.key === p[q]));
    }
    if (ok) return true;
  }
  const prev = words[m.firstWord - 1];
  if (prev?.readings.some((r) => lx.placeNouns.has(r.key))) return true;
  for (let k = m.firstWord - 1, n = 0; k >= 0 && n < lx.visitWindow; k--, n++) {
    const x = words[k]!;
    if (x.readings.some((r) => lx.visitVerbs.has(r.key))) return true;
    if (x.barrier) break;
  }
  return false;
}

/** Skip the titles a name may start with: «الرئيس», «العقيد», «وزير الخارجية» are not the name. */
function titleEnd(res: EntityResources, stream: WordStream, i: number, end: number): number {
  let k = i;
  for (;;) {
    const t = k < end ? phraseAt(stream, k, res.lexicon.titles) : undefined;
    if (!t || t.end > end) return k;
    k = t.end;
  }
}

/**
 * A new person's name after a title: title, then its complement (definite words, nationality
 * adjectives, names already found: «وزير الدفاع الروسي», «قائد القوات الجوية», «الصحفي بالمركز»),
 * then 2–4 undefined words up to punctuation or a particle. «أغ»/«ولد» stay inside the name.
 *   «الصحفي بالمركز أنطون فيسيلوف،» → أنطون فيسيلوف
 */
function personAfterTitle(
  res: EntityResources,
  stream: WordStream,
  covered: Uint8Array,
  personAt: ReadonlySet<number>,
  i: number,
): MentionCandidate | undefined {
  const { words } = stream;
  const t = phraseAt(stream, i, res.lexicon.titles);
  if (!t) return undefined;
  let j = t.end;
  for (let n = 0; n < 5 && j < words.length && !words[j]!.barrier; n++, j++) {
    const w = words[j]!;
    // a person already named here owns the title: «وزير الدفاع ساديو كامارا موسكو …»
    if (covered[j] && personAt.has(j)) return undefined;
    const complement =
      covered[j] ||
      isDefiniteWord(w.text) ||
      res.demonymForms.has(w.norm) ||
      phraseAt(stream, j, res.lexicon.titles);
    if (!complement) break;
  }
  const first = j;
  while (j < words.length && j - first < 4 && !covered[j] && !words[j]!.furniture) {
    const w = words[j]!;
    if ((j > first && w.barrier) || (j === first && w.barrier)) break;
    if (w.kind !== 'word' || isDefiniteWord(w.text) || w.norm.length < 2) break;
    if (phraseAt(stream, j, res.lexicon.titles)) break;
    if (w.readings.some((r) => res.lexicon.notNames.has(r.key) || res.demonymForms.has(r.key))) break;
    j++;
  }
  if (j - first < 2) return undefined;
  // the name must end where the phrase does: at punctuation, a particle or a definite word
  const after = words[j];
  if (
    after &&
    !after.barrier &&
    !covered[j] &&
    !isDefiniteWord(after.text) &&
    !after.readings.some((r) => res.lexicon.notNames.has(r.key))
  )
    return undefined;
  return newName(res, stream, first, j, 'person');
}

const DIGIT = /[0-9\u0660-\u0669]/u;

/**
 * A tagger span made a new-name candidate, or nothing. Precision first (a spurious entity costs
 * as much as a missed one): titles are taken off the front («الصحفي وسيم نصر» → «وسيم نصر»),
 * generic words and nationality adjectives off the ends («المنظمة الأوكرانية» → nothing); one
 * word alone is not enough (a family name is picked up later, from a full name met before); an
 * organisation needs a definite word («اتحاد اقتصادي ونقدي» is a description); no digits.
 */
export function newName(
  res: EntityResources,
  stream: WordStream,
  firstWord: number,
  endWord: number,
  type: EntityType,
): MentionCandidate | undefined {
  const { words } = stream;
  const lx = res.lexicon;
  let a = titleEnd(res, stream, firstWord, endWord);
  let b = endWord;
  const generic = (w: Word) => w.readings.some((r) => lx.notNames.has(r.key) || res.demonymForms.has(r.key));
  while (a < b && generic(words[a]!)) a++;
  while (b > a && generic(words[b - 1]!)) b--;
  if (b - a < 2 || b - a > 5) return undefined;
  for (let k = a; k < b; k++) {
    const w = words[k]!;
    if (w.furniture || DIGIT.test(w.text) || generic(w) || w.norm.length < 2) return undefined;
    if (k > a && w.barrier) return undefined;
  }
  if (type === 'organization' && !words.slice(a, b).some((w) => isDefiniteWord(w.text))) return undefined;
  // «ولافروف»: take a proclitic off only when the rest of the word stands alone elsewhere.
  const w = words[a]!;
  let reading = w.readings[0]!;
  for (const r of w.readings)
    if (r.stripped > 0 && !r.key.startsWith('ال') && stream.vocabulary.has(r.key)) {
      reading = r;
      break;
    }
  const start = w.start + reading.start;
  const last = words[b - 1]!;
  const surface = reading.surface + stream.text.slice(w.end, last.end);
  const keys = words.slice(a, b).map((x, i) => (i === 0 ? reading.key : x.norm));
  let kbId = res.aliases.get(keys.join(' '))?.[0]?.id;
  if (!kbId) {
    const guess = variantOf(res, surface);
    // a word the tagger knows well is itself, not a misspelling: «محمود مرسى» is not «محمد مرسي»
    // (a vowel apart), though «هونج كونج» is «هونغ كونغ» (one consonant written two ways)
    if (guess && keys.every((k, i) => !knownWord(res, words[a + i]!.text) || spelledAsIn(res, guess, k)))
      kbId = guess;
  }
  return {
    start,
    end: last.end,
    text: stream.text.slice(start, last.end),
    surface,
    ...(kbId ? { kbId } : { type, canonical: surface }),
    source: kbId ? 'variant' : 'tagger',
    firstWord: a,
    endWord: b,
  };
}

/** Institutions named by a head and a «لل…» complement: «مركز المستقبل للدراسات». */
function institutionAt(res: EntityResources, stream: WordStream, i: number): MentionCandidate | undefined {
  const { words } = stream;
  const lx = res.lexicon;
  const w = words[i]!;
  let head: Reading | undefined;
  let kind: EntityKind | undefined;
  for (const r of w.readings) {
    kind = lx.institutionHeads.get(r.key);
    if (kind) {
      head = r;
      break;
    }
  }
  if (!head || !kind) return undefined;
  let j = i + 1;
  let lil = -1;
  while (j < words.length && j - i < lx.institutionMaxWords && !words[j]!.barrier) {
    const x = words[j]!.text.replace(MARKS, '');
    if (lil < 0 && /^و?لل/u.test(x) && x.length > 4) lil = j;
    else if (!isDefiniteWord(x)) break;
    j++;
  }
  // «مركز للدراسات» names nothing: an indefinite head needs a definite word before «لل…»
  if (lil < 0 || (lil === i + 1 && !head.key.startsWith('ال'))) return undefined;
  const last = words[j - 1]!;
  const start = w.start + head.start;
  const text = stream.text.slice(start, last.end);
  return {
    start,
    end: last.end,
    text,
    surface: head.surface + stream.text.slice(w.end, last.end),
    type: 'organization',
    kind,
    source: 'institution',
    firstWord: i,
    endWord: j,
  };
}

/**
 * «شمال مالي», «وسط مالي» → a mention of Mali on «مالي»: a compass direction before a country's
 * name locates something inside the country; the state is what is named.
 */
function directionAsCountry(res: EntityResources, stream: WordStream, m: Match): Match {
  if (m.source !== 'alias' || m.endWord - m.firstWord < 2 || m.ids.length !== 1) return m;
  const region = res.kb.get(m.ids[0]!);
  if (!region?.country || region.kind === 'country') return m;
  const first = stream.words[m.firstWord]!;
  if (!first.readings.some((r) => res.lexicon.directions.has(r.key))) return m;
  const rest = aliasAt(res, stream, m.firstWord + 1);
  if (rest?.endWord === m.endWord && rest.ids.includes(region.country))
    return { ...rest, ids: [region.country] };
  return m;
}

/** «مجلس حقوق الإنسان التابع للأمم المتحدة»: the United Nations is mentioned too. */
function affiliatedIn(
  res: EntityResources,
  stream: WordStream,
  c: MentionCandidate,
): MentionCandidate | undefined {
  if (c.source !== 'alias' || c.endWord - c.firstWord < 3) return undefined;
  for (let k = c.firstWord + 1; k < c.endWord - 1; k++) {
    if (!res.lexicon.affiliation.has(stream.words[k]!.norm)) continue;
    const sub = aliasAt(res, stream, k + 1);
    if (sub?.endWord === c.endWord) return toCandidate(stream, sub);
  }
  return undefined;
}

function toCandidate(stream: WordStream, m: Match): MentionCandidate {
  const end = stream.words[m.endWord - 1]!.end;
  return {
    start: m.start,
    end,
    text: stream.text.slice(m.start, end),
    surface: m.surface,
    source: m.source,
    firstWord: m.firstWord,
    endWord: m.endWord,
    ...(m.ids.length === 1 ? { kbId: m.ids[0]! } : { hits: m.ids }),
  };
}

function longest(...ms: (Match | undefined)[]): Match | undefined {
  let best: Match | undefined;
  for (const m of ms) if (m && (!best || m.endWord > best.endWord)) best = m;
  return best;
}

/** Resolve ambiguous aliases: the entity whose country (or itself) the text names elsewhere wins. */
function resolveAmbiguous(res: EntityResources, found: MentionCandidate[]): void {
  const known = new Set(found.flatMap((c) => (c.kbId ? [c.kbId] : [])));
  for (const c of found) {
    if (c.kbId || !c.hits) continue;
    const score = (id: string) => {
      const e = res.kb.get(id);
      return (known.has(id) ? 2 : 0) + (e?.country && known.has(e.country) ? 1 : 0);
    };
    const sorted = [...c.hits].sort((a, b) => score(b) - score(a) || res.order.get(a)! - res.order.get(b)!);
    c.kbId = sorted[0]!;
    delete c.hits;
  }
}

function isPerson(e: KbEntity | undefined): boolean {
  return e?.type === 'person';
}

export interface RecognizeOptions {
  /** Run the learned tagger for names the KB does not list (default: when resources have a model). */
  readonly tagger?: boolean;
}

/** All entity mentions of a cleaned text, in text order, without overlaps. */
export function recognizeMentions(
  res: EntityResources,
  text: string,
  sentences: readonly Span[],
  options: RecognizeOptions = {},
): MentionCandidate[] {
  const stream = wordStream(text, sentences, res.lexicon);
  const { words } = stream;
  const covered = new Uint8Array(words.length);
  const found: MentionCandidate[] = [];
  const add = (c: MentionCandidate) => {
    for (let k = c.firstWord; k < c.endWord; k++) covered[k] = 1;
    found.push(c);
  };

  // 1. KB aliases and the state/army/demonym rules, longest first at each word.
  for (let i = 0; i < words.length; ) {
    if (words[i]!.furniture) {
      i++;
      continue;
    }
    let m = longest(
      governmentAt(res, stream, i),
      armyAt(res, stream, i),
      aliasAt(res, stream, i),
      pluralDemonymAt(res, stream, i),
    );
    if (m) m = directionAsCountry(res, stream, m);
    if (!m) {
      i++;
      continue;
    }
    const c = toCandidate(stream, m);
    if (m.source === 'alias' && m.ids.length === 1) {
      const e = res.kb.get(m.ids[0]!);
      if (e?.stands_for && !isPlaceReading(res, stream, m))
        c.kbId = res.kb.resolveStandsFor(e.id)?.id ?? e.id;
    }
    add(c);
    i = m.endWord;
  }
  for (const c of [...found]) {
    const nested = affiliatedIn(res, stream, c);
    if (nested) found.push(nested);
  }
  resolveAmbiguous(res, found);
  const context = new Set(found.map((c) => c.kbId!));

  // 2. Institution names.
  for (let i = 0; i < words.length; i++) {
    if (covered[i] || words[i]!.furniture) continue;
    const c = institutionAt(res, stream, i);
    if (c && !covered.subarray(c.firstWord, c.endWord).some(Boolean)) add(c);
  }

  // 3. Spelling variants of KB names (one word, or two written apart: «تين زاوتين»), for words
  // the tagger's training text did not see repeatedly: a new spelling of a name is a rare word;
  // «مصالح», «بينهما» and «الحاسمة» are words whose skeletons happen to be those of names.
  for (let i = 0; i < words.length; i++) {
    if (covered[i] || words[i]!.furniture || knownWord(res, words[i]!.text)) continue;
    const w = words[i]!;
    // «بالقرار» is ب + ال + قرار: never read the whole word as a name («بلغاريا»)
    const cliticked = /^[وف]?[بلك]ال|^[وف]ال|^[وف]?لل/u.test(w.text.replace(MARKS, ''));
    for (const r of w.readings) {
      if (res.demonymForms.has(r.key)) break;
      if (cliticked && r.start === 0) continue;
      // a KB name as written was the exact matcher's to take or leave («القاعدة العسكرية»)
      if (res.aliases.get(r.key)) continue;
      let id = variantOf(res, r.key, context);
      let end = i + 1;
      const next = words[i + 1];
      // two words written apart («تين زاوتين»), neither a short function word («أن تأسيس»)
      if (
        !id &&
        next &&
        !next.barrier &&
        !covered[i + 1] &&
        !knownWord(res, next.text) &&
        r.key.length >= 3 &&
        next.norm.length >= 3 &&
        mayStartVariant(res, r.key)
      ) {
        id = variantOf(res, `${r.key}${next.norm}`, context);
        if (id) end = i + 2;
      }
      if (!id) continue;
      // a word with affixes whose stem the tagger knows is no name: «تتركه», «العالمين»; and
      // «وتتركه» read as «تتركه» is still a verb
      if (ordinaryWord(res, w.text)) break;
      if (r.stripped > 0 && ordinaryWord(res, r.key)) continue;
      if (end === i + 1 ? namedOtherwise(res, w.text, id) : ordinaryWord(res, next!.text)) continue;
      const e = res.kb.get(id);
      if (e?.stands_for) {
        const m: Match = {
          firstWord: i,
          endWord: end,
          start: w.start + r.start,
          surface: '',
          ids: [id],
          source: 'variant',
        };
        if (!isPlaceReading(res, stream, m)) id = res.kb.resolveStandsFor(id)?.id ?? id;
      }
      const start = w.start + r.start;
      const last = words[end - 1]!;
      add({
        start,
        end: last.end,
        text: text.slice(start, last.end),
        surface: r.surface + text.slice(w.end, last.end),
        kbId: id,
        source: 'variant',
        firstWord: i,
        endWord: end,
      });
      context.add(id);
      break;
    }
  }

  // 4. People named after a title or role: «بقائد القوات الجوية آلو بوا ديارا في …».
  const personAt = new Set<number>();
  for (const c of found)
    if (c.kbId && isPerson(res.kb.get(c.kbId))) for (let k = c.firstWord; k < c.endWord; k++) personAt.add(k);
  for (let i = 0; i < words.length; i++) {
    if (covered[i] || words[i]!.furniture) continue;
    const c = personAfterTitle(res, stream, covered, personAt, i);
    if (c) add(c);
  }

  // 5. Names the KB does not know, from the tagger.
  if (options.tagger !== false && res.ner) {
    for (const span of tagNames(res.ner, stream, covered)) {
      const c = newName(res, stream, span.firstWord, span.endWord, span.type);
      if (c && !covered.subarray(c.firstWord, c.endWord).some(Boolean)) add(c);
    }
  }

  // 6. Family names of people met in this text: «يوسوف» after «أندريه يوسوف», «بوشيخي».
  const family = new Map<string, { kbId?: string; canonical: string; type: EntityType }>();
  for (const c of found) {
    const person = c.kbId ? isPerson(res.kb.get(c.kbId)) : c.type === 'person';
    if (!person) continue;
    const forms = c.kbId ? [c.text, res.kb.get(c.kbId)!.name_ar] : [c.text];
    for (const f of forms) {
      const parts = normalizeForMatch(f).split(/\s+/u).filter(Boolean);
      if (parts.length < 2) continue;
      const last = parts[parts.length - 1]!;
      if (last.length < 3 || res.lexicon.particles.has(last)) continue;
      if (!family.has(last))
        family.set(last, { ...(c.kbId ? { kbId: c.kbId } : {}), canonical: c.text, type: 'person' });
    }
  }
  if (family.size > 0) {
    for (let i = 0; i < words.length; i++) {
      if (covered[i] || words[i]!.furniture) continue;
      const w = words[i]!;
      for (const r of w.readings) {
        const p = family.get(r.key);
        if (!p) continue;
        add({
          start: w.start + r.start,
          end: w.end,
          text: text.slice(w.start + r.start, w.end),
          surface: r.surface,
          ...(p.kbId ? { kbId: p.kbId } : { canonical: p.canonical }),
          type: p.type,
          source: 'family-name',
          firstWord: i,
          endWord: i + 1,
        });
        break;
      }
    }
  }

  return found.sort((a, b) => a.start - b.start);
}

export type { Word };
