import type { AnalysedDocument, Claim, Entity, Stance } from '../model/index.js';
import { scanTokens, searchTerm } from '../text/index.js';
import { sha256Hex } from '../util/index.js';

// Corroboration and contradiction across the corpus: claims about the same thing, from every
// document, gathered into groups that show who asserts, who denies, how many independent sources
// and when the thing was first and last reported.
//
// THE GROUPING RULE. Two claims belong to the same group when any of these holds (groups are the
// connected components of the relation, so the rule is applied transitively):
//
//  1. same entities and same content: their `about` sets overlap (Jaccard ≥ 0.5, or at least two
//     shared entities, or — for a denial — the denial's whole `about` set is inside the other's:
//     «موريتانيا نفت» is about Mauritania, the assertion about Mauritania, Ukraine and the rebels)
//     AND their content stems overlap (at least two shared stems and an overlap coefficient
//     |A∩B| / min(|A|,|B|) ≥ 0.25; one shared stem is enough when the smaller side has ≤ 3;
//     two claims of one document, unless one denies and the other does not, need three shared
//     stems and a coefficient ≥ 0.4: an article says many things about the same actors);
//  2. same content alone: at least four shared stems and an overlap coefficient ≥ 0.6 (the same
//     report whose entities were recognised differently);
//  3. a denial by reference: a denial whose content points back rather than restating («نفت تلك
//     التهم», «نفى ذلك», or three stems or fewer) answers the nearest claim before it in the same
//     document that asserts or alleges, from another speaker.
//
// Content stems: the words of the claim's content span, each through the search term of the text
// layer (normalised, clitics and the article stripped), then light suffixes (ات ين ون هم ها يه يا
// ه ي) stripped while more than four letters remain, cut to five letters; Arabic function words
// and reporting verbs are ignored.

export interface ClaimRecord {
  /** `<document id>#<claim id>`: unique across the corpus. */
  key: string;
  claimId: string;
  documentId: string;
  /** The document's source (file name or URL). */
  source: string;
  /** The outlet: the host of a URL source, else the source itself. */
  outlet: string;
  published: string | null;
  speaker: string | null;
  speakerName: string | null;
  stance: Stance;
  cue: string;
  /** The content span's text. */
  quote: string;
  content: { start: number; end: number };
  about: string[];
  stems: string[];
}

export interface GroupSpeaker {
  /** Entity id; null for an unattributed claim. */
  id: string | null;
  name: string | null;
  claims: number;
}

export interface ClaimGroup {
  /** `cg-` + the first 12 hex digits of the hash of its sorted claim keys: stable. */
  id: string;
  /** In publication order (undated last), then document, then position. */
  claims: ClaimRecord[];
  /** Every entity the claims are about, most claims first. */
  about: string[];
  asserting: GroupSpeaker[];
  denying: GroupSpeaker[];
  alleging: GroupSpeaker[];
  hedging: GroupSpeaker[];
  /** Distinct documents. */
  documents: number;
  /** Distinct outlets (document sources). */
  outlets: number;
  /** Distinct named speakers (one speaker in many documents counts once). */
  speakers: number;
  /**
   * Independent sources: each named speaker once, plus each outlet whose claims in the group are
   * unattributed (an outlet reporting on its own account).
   */
  independentSources: number;
  firstSeen: string | null;
  lastSeen: string | null;
  /** At least one assert or allege and at least one deny. */
  contested: boolean;
}

/** What grouping needs of a document. */
export type ClaimSourceDocument = Pick<
  AnalysedDocument,
  'id' | 'source' | 'published' | 'text' | 'claims' | 'entities'
>;

// ---- content stems

const STOP_WORDS = [
  'في',
  'من',
  'الى',
  'إلى',
  'على',
  'عن',
  'مع',
  'ان',
  'أن',
  'إن',
  'له',
  'لها',
  'لهم',
  'لهذه',
  'لهذا',
  'ولم',
  'انه',
  'أنه',
  'انها',
  'أنها',
  'التي',
  'الذي',
  'الذين',
  'اللذين',
  'هذا',
  'هذه',
  'ذلك',
  'تلك',
  'هؤلاء',
  'هو',
  'هي',
  'هم',
  'كان',
  'كانت',
  'قد',
  'لقد',
  'ما',
  'لا',
  'لم',
  'لن',
  'أو',
  'او',
  'ثم',
  'بل',
  'كما',
  'حيث',
  'إذ',
  'اذ',
  'بين',
  'بعد',
  'قبل',
  'خلال',
  'عبر',
  'حول',
  'ضد',
  'نحو',
  'أي',
  'اي',
  'كل',
  'بعض',
  'غير',
  'دون',
  'منذ',
  'حتى',
  'عند',
  'لدى',
  'تم',
  'وفق',
  'وفقا',
  'حسب',
  'بحسب',
  'قال',
  'قالت',
  'أعلن',
  'أعلنت',
  'أكد',
  'أكدت',
  'نفى',
  'نفت',
  'زعم',
  'زعمت',
  'أشار',
  'أشارت',
  'تشير',
  'يشير',
  'ذكر',
  'ذكرت',
  'أضاف',
  'أضافت',
  'أوضح',
  'أوضحت',
  'كشف',
  'كشفت',
  'يعتقد',
  'ورد',
  'مصادر',
  'تقارير',
  'le',
  'la',
  'les',
  'de',
  'des',
  'du',
  'et',
  'que',
  'qui',
];

function stemOf(word: string): string {
  let t = searchTerm(word);
  for (let changed = true; changed && t.length > 4; ) {
    changed = false;
    for (const suf of ['ات', 'ين', 'ون', 'هم', 'ها', 'يه', 'يا', 'ه', 'ي']) {
      if (t.length - suf.length >= 4 && t.endsWith(suf)) {
        t = t.slice(0, -suf.length);
        changed = true;
        break;
      }
    }
  }
  return t.length > 5 ? t.slice(0, 5) : t;
}

const STOP_STEMS = new Set(STOP_WORDS.map(stemOf));

/** The content stems of a passage (distinct, sorted), as used by the grouping rule. */
export function contentStems(text: string): string[] {
  const out = new Set<string>();
  scanTokens(text, (kind, start, end) => {
    if (kind !== 'word') return;
    const s = stemOf(text.slice(start, end));
    if (s.length < 2 || STOP_STEMS.has(s)) return;
    out.add(s);
  });
  return [...out].sort();
}

// ---- records

/** The outlet of a document source: a URL's host (without www.), else the source. */
export function outletOf(source: string): string {
  try {
    if (/^https?:\/\//i.test(source)) return new URL(source).hostname.replace(/^www\./, '');
  } catch {
    // not a URL after all
  }
  return source.replace(/#\d+$/, '');
}

export function entityLabel(e: Pick<Entity, 'name' | 'name_ar' | 'id'>): string {
  return e.name_ar ?? e.name ?? e.id;
}

/** One record per claim of the document, with its quote and stems. */
export function claimRecords(doc: ClaimSourceDocument): ClaimRecord[] {
  const names = new Map(doc.entities.map((e) => [e.id, entityLabel(e)]));
  const outlet = outletOf(doc.source);
  return doc.claims.map((c: Claim) => {
    const quote = doc.text.slice(c.content.start, c.content.end);
    return {
      key: `${doc.id}#${c.id}`,
      claimId: c.id,
      documentId: doc.id,
      source: doc.source,
      outlet,
      published: doc.published,
      speaker: c.speaker,
      speakerName: c.speaker === null ? null : (names.get(c.speaker) ?? c.speaker),
      stance: c.stance,
      cue: c.cue,
      quote,
      content: { start: c.content.start, end: c.content.end },
      about: [...new Set(c.about)].sort(),
      stems: contentStems(quote),
    };
  });
}

// ---- linking

function intersectionSize(a: readonly string[], b: readonly string[]): number {
  const set = new Set(a);
  let n = 0;
  for (const x of b) if (set.has(x)) n++;
  return n;
}

function entitiesMatch(a: ClaimRecord, b: ClaimRecord): boolean {
  if (a.about.length === 0 || b.about.length === 0) return false;
  const shared = intersectionSize(a.about, b.about);
  if (shared === 0) return false;
  if (shared >= 2) return true;
  const union = a.about.length + b.about.length - shared;
  if (shared / union >= 0.5) return true;
  // a denial's own small about set, inside the claim it answers
  if (a.stance === 'deny' && shared === a.about.length) return true;
  if (b.stance === 'deny' && shared === b.about.length) return true;
  return false;
}

function contentMatch(a: ClaimRecord, b: ClaimRecord): boolean {
  const min = Math.min(a.stems.length, b.stems.length);
  if (min === 0) return false;
  const shared = intersectionSize(a.stems, b.stems);
  if (shared === 0) return false;
  // one article says many things about the same actors: within a document, ask for more, except
  // between a denial and what it denies
  const denial = (a.stance === 'deny') !== (b.stance === 'deny');
  if (a.documentId === b.documentId && !denial) return shared >= 3 && shared / min >= 0.4;
  if (min <= 3) return true;
  return shared >= 2 && shared / min >= 0.25;
}

function strongContentMatch(a: ClaimRecord, b: ClaimRecord): boolean {
  const min = Math.min(a.stems.length, b.stems.length);
  const shared = intersectionSize(a.stems, b.stems);
  return shared >= 4 && shared / min >= 0.6;
}

/** Do these two claims report the same thing (rules 1 and 2)? */
export function sameThing(a: ClaimRecord, b: ClaimRecord): boolean {
  if (a.key === b.key) return true;
  return (entitiesMatch(a, b) && contentMatch(a, b)) || strongContentMatch(a, b);
}

const ANAPHORIC =
  /(?:^|\s)(?:هذه|تلك|هذا|ذلك|هذان|تلكم)(?:\s+(?:ال)?(?:تهم|تهمة|اتهامات|الاتهامات|مزاعم|ادعاءات|اتهام|انباء|أنباء|تقارير|معلومات|رواية|تصريحات|أخبار|اخبار))?/;

function isDenialByReference(r: ClaimRecord): boolean {
  return r.stance === 'deny' && (r.stems.length <= 3 || ANAPHORIC.test(r.quote));
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    for (let j = i; this.parent[j] !== r; ) {
      const next = this.parent[j]!;
      this.parent[j] = r;
      j = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

// stems shared by more claims than this are too common to propose candidate pairs on their own
const STEM_BLOCK_MAX = 200;
// claims about one entity beyond which they are paired through their shared stems only
const ENTITY_BLOCK_MAX = 1000;

/** Group claim records (from any number of documents) by the rule above. Deterministic. */
export function groupClaimRecords(records: readonly ClaimRecord[]): ClaimGroup[] {
  // a canonical order: the input order never changes the groups or their ids
  const recs = [...records].sort(compareRecords);
  const uf = new UnionFind(recs.length);

  // candidate pairs through shared entities (rule 1) or shared stems (rule 2). An entity named in
  // very many claims (the country every article is about) would pair them all: its claims are
  // paired only where they also share a content stem, which rule 1 needs anyway.
  const byEntity = new Map<string, number[]>();
  const byStem = new Map<string, number[]>();
  recs.forEach((r, i) => {
    for (const e of r.about) push(byEntity, e, i);
    for (const st of r.stems) push(byStem, st, i);
  });
  const n = recs.length;
  const tried = new Set<number>();
  const tryPair = (i: number, j: number, rule: (a: ClaimRecord, b: ClaimRecord) => boolean) => {
    if (uf.find(i) === uf.find(j)) return;
    const k = i < j ? i * n + j : j * n + i;
    if (tried.has(k)) return;
    tried.add(k);
    if (rule(recs[i]!, recs[j]!)) uf.union(i, j);
  };
  const allPairs = (list: readonly number[], rule: (a: ClaimRecord, b: ClaimRecord) => boolean) => {
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) tryPair(list[x]!, list[y]!, rule);
  };
  for (const list of byEntity.values()) {
    if (list.length <= ENTITY_BLOCK_MAX) {
      allPairs(list, sameThing);
      continue;
    }
    const byStemHere = new Map<string, number[]>();
    for (const i of list) for (const st of recs[i]!.stems) push(byStemHere, st, i);
    for (const sub of byStemHere.values()) if (sub.length <= STEM_BLOCK_MAX) allPairs(sub, sameThing);
  }
  for (const list of byStem.values()) if (list.length <= STEM_BLOCK_MAX) allPairs(list, strongContentMatch);

  // rule 3: denial by reference, within one document (records are in document order)
  const byDoc = new Map<string, number[]>();
  recs.forEach((r, i) => {
    push(byDoc, r.documentId, i);
  });
  for (const list of byDoc.values()) {
    const inDoc = [...list].sort((a, b) => recs[a]!.content.start - recs[b]!.content.start);
    inDoc.forEach((idx, pos) => {
      const d = recs[idx]!;
      if (!isDenialByReference(d)) return;
      for (let p = pos - 1; p >= 0; p--) {
        const c = recs[inDoc[p]!]!;
        if ((c.stance === 'assert' || c.stance === 'allege') && c.speaker !== d.speaker) {
          uf.union(idx, inDoc[p]!);
          return;
        }
      }
    });
  }

  const members = new Map<number, ClaimRecord[]>();
  recs.forEach((r, i) => {
    push(members, uf.find(i), r);
  });
  const groups = [...members.values()].map(makeGroup);
  return groups.sort(compareGroups);
}

/** Group the claims of these documents. */
export function groupClaims(docs: Iterable<ClaimSourceDocument>): ClaimGroup[] {
  const records: ClaimRecord[] = [];
  for (const d of docs) records.push(...claimRecords(d));
  return groupClaimRecords(records);
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function compareRecords(a: ClaimRecord, b: ClaimRecord): number {
  return (
    compareDates(a.published, b.published) ||
    (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0) ||
    a.content.start - b.content.start ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

/** Contested first, then most independent sources, then most claims, then id. */
function compareGroups(a: ClaimGroup, b: ClaimGroup): number {
  return (
    Number(b.contested) - Number(a.contested) ||
    b.independentSources - a.independentSources ||
    b.claims.length - a.claims.length ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function speakersOf(claims: readonly ClaimRecord[], stances: readonly Stance[]): GroupSpeaker[] {
  const m = new Map<string, GroupSpeaker>();
  for (const c of claims) {
    if (!stances.includes(c.stance)) continue;
    const k = c.speaker ?? '';
    const s = m.get(k);
    if (s) s.claims++;
    else m.set(k, { id: c.speaker, name: c.speakerName, claims: 1 });
  }
  return [...m.values()];
}

function makeGroup(claims: ClaimRecord[]): ClaimGroup {
  const sorted = [...claims].sort(compareRecords);
  const id = `cg-${sha256Hex(
    sorted
      .map((c) => c.key)
      .sort()
      .join('\n'),
  ).slice(0, 12)}`;
  const aboutCount = new Map<string, number>();
  for (const c of sorted) for (const e of c.about) aboutCount.set(e, (aboutCount.get(e) ?? 0) + 1);
  const about = [...aboutCount.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([e]) => e);
  const speakers = new Set(sorted.flatMap((c) => (c.speaker === null ? [] : [c.speaker])));
  const ownAccount = new Set(sorted.flatMap((c) => (c.speaker === null ? [c.outlet] : [])));
  const dates = sorted.flatMap((c) => (c.published === null ? [] : [c.published])).sort();
  const hasAssert = sorted.some((c) => c.stance === 'assert' || c.stance === 'allege');
  const hasDeny = sorted.some((c) => c.stance === 'deny');
  return {
    id,
    claims: sorted,
    about,
    asserting: speakersOf(sorted, ['assert']),
    denying: speakersOf(sorted, ['deny']),
    alleging: speakersOf(sorted, ['allege']),
    hedging: speakersOf(sorted, ['hedge']),
    documents: new Set(sorted.map((c) => c.documentId)).size,
    outlets: new Set(sorted.map((c) => c.outlet)).size,
    speakers: speakers.size,
    independentSources: speakers.size + ownAccount.size,
    firstSeen: dates[0] ?? null,
    lastSeen: dates[dates.length - 1] ?? null,
    contested: hasAssert && hasDeny,
  };
}

/**
 * Accumulates documents one at a time (from a streaming read) and groups at the end. Only the
 * claim records are kept, never the documents' texts.
 */
export class ClaimCollector {
  private readonly records: ClaimRecord[] = [];
  add(doc: ClaimSourceDocument): void {
    this.records.push(...claimRecords(doc));
  }
  get size(): number {
    return this.records.length;
  }
  groups(): ClaimGroup[] {
    return groupClaimRecords(this.records);
  }
}

export interface ClaimGroupFilter {
  /** An entity id: groups where it speaks. */
  speaker?: string;
  /** An entity id: groups about it (or where it speaks). */
  about?: string;
  /** Groups with at least one claim of this stance. */
  stance?: Stance;
  contested?: boolean;
}

export function filterClaimGroups(groups: readonly ClaimGroup[], f: ClaimGroupFilter): ClaimGroup[] {
  return groups.filter(
    (g) =>
      (f.speaker === undefined || g.claims.some((c) => c.speaker === f.speaker)) &&
      (f.about === undefined || g.about.includes(f.about) || g.claims.some((c) => c.speaker === f.about)) &&
      (f.stance === undefined || g.claims.some((c) => c.stance === f.stance)) &&
      (f.contested !== true || g.contested),
  );
}
