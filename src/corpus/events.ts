// One event, many reports: the reports of the same real event in several documents (or twice in
// one) get one corpus-wide event id, by ACLED's rule — same type, same actors, same place, same
// date — tolerant of the spread between reports (a day in one, «late July» in another).
import type { KnowledgeBase } from '../kb/index.js';
import type { AnalysedDocument, DateRange, Event } from '../model/index.js';

export interface EventReport {
  /** The document the report is in. */
  doc: string;
  event: Event;
  /**
   * The latest day the reported event can have happened (YYYY-MM-DD): the document's publication
   * date, else a month after the latest date it names. An undated report cannot be one event with
   * a report dated after it.
   */
  notAfter?: string;
}

export interface EventMergeOptions {
  /** Days two dated reports may differ by (beyond overlapping ranges). Default 7. */
  toleranceDays?: number;
  /** Place → the larger places it lies in (city → region → country), to let «Kidal» meet «Mali». */
  within?: (place: string) => readonly string[];
  /** Is the place a town or a site (precise enough to merge on place and date alone)? */
  pointPlace?: (place: string) => boolean;
  /**
   * Is the actor a state (a country)? States take part in many events at once, so two undated
   * reports sharing only states are not one event unless they share three of them.
   */
  isState?: (actor: string) => boolean;
}

/** Place relations from the knowledge base: a city lies in its region(s) and its country. */
export function kbPlaces(
  kb: Pick<KnowledgeBase, 'get'>,
): Required<Pick<EventMergeOptions, 'within' | 'pointPlace' | 'isState'>> {
  const kbId = (id: string) => id.replace(/^ent-/, '');
  const within = (id: string): string[] => {
    const out: string[] = [];
    const seen = new Set<string>();
    const walk = (k: string) => {
      const e = kb.get(k);
      if (!e || seen.has(k)) return;
      seen.add(k);
      const up = [
        ...(e.country ? [e.country] : []),
        ...e.links.filter((l) => l.type === 'located_in').map((l) => l.target),
      ];
      for (const u of up) {
        out.push(`ent-${u}`);
        walk(u);
      }
    };
    walk(kbId(id));
    return out;
  };
  const pointPlace = (id: string) => {
    const k = kb.get(kbId(id))?.kind;
    return k === 'city' || k === 'facility';
  };
  const isState = (id: string) => kb.get(kbId(id))?.kind === 'country';
  return { within, pointPlace, isState };
}

/** The facet an event id carries (`ev-military_aid.training-…` → training), else the type. */
export function eventFacetOf(e: Pick<Event, 'id' | 'type'>): string {
  const m = /^ev-[a-z_]+\.([a-z0-9-]+?)-(?:\d{4}|nodate)/.exec(e.id);
  return m?.[1] ?? e.type;
}

function dayNumber(s: string, end: boolean): number {
  const [y, m, d] = s.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (d !== undefined) return Date.UTC(y, (m ?? 1) - 1, d) / 86400000;
  if (m !== undefined) return (end ? Date.UTC(y, m, 0) : Date.UTC(y, m - 1, 1)) / 86400000;
  return (end ? Date.UTC(y, 11, 31) : Date.UTC(y, 0, 1)) / 86400000;
}

function datesMeet(a: DateRange, b: DateRange, tol: number): boolean {
  return (
    dayNumber(a.start, false) <= dayNumber(b.end, true) + tol &&
    dayNumber(b.start, false) <= dayNumber(a.end, true) + tol
  );
}

function placesMeet(a: string | null, b: string | null, within: EventMergeOptions['within']): boolean {
  if (!a || !b || a === b) return true;
  const wa = within?.(a) ?? [];
  const wb = within?.(b) ?? [];
  return wa.includes(b) || wb.includes(a);
}

/**
 * Aid, talks, agreements and ruptures happen between states: one report puts the training «in
 * Ukraine», another «in Mali», and both name Ukraine among the parties. Their place may be the
 * country of a party of the other report.
 */
const BETWEEN_PARTIES = new Set([
  'military_aid',
  'meeting',
  'agreement',
  'diplomatic_break',
  'accusation',
  'vote',
]);

function placesFit(a: Event, b: Event, options: EventMergeOptions): boolean {
  if (placesMeet(a.location, b.location, options.within)) return true;
  if (!BETWEEN_PARTIES.has(a.type) || !a.location || !b.location) return false;
  const state = options.isState;
  return (
    (!!state?.(a.location) && b.actors.includes(a.location)) ||
    (!!state?.(b.location) && a.actors.includes(b.location))
  );
}

/** A report's bound against the other's date: an undated event is not one reported as later. */
function withinBounds(a: EventReport, b: EventReport): boolean {
  const late = (r: EventReport, other: EventReport) =>
    !r.event.date &&
    r.notAfter &&
    other.event.date &&
    dayNumber(other.event.date.start, false) > dayNumber(r.notAfter, true);
  return !late(a, b) && !late(b, a);
}

/**
 * How strongly two reports are one event (0: not). Same type and facet, at least one shared actor,
 * compatible places; dated reports within the tolerance; where one or both are undated, only when
 * they share three actors, or a non-state actor and either the whole of the shorter actor list
 * or most of both lists (the rest must match strongly).
 */
export function reportAffinity(a: Event, b: Event, options: EventMergeOptions = {}): number {
  if (a.type !== b.type || eventFacetOf(a) !== eventFacetOf(b)) return 0;
  if (!placesFit(a, b, options)) return 0;
  const shared = a.actors.filter((x) => b.actors.includes(x)).length;
  const tol = options.toleranceDays ?? 7;
  // one town, one type, the same days: one event, even when each report names a different side
  if (!shared)
    return a.location &&
      a.location === b.location &&
      a.date &&
      b.date &&
      datesMeet(a.date, b.date, tol) &&
      options.pointPlace?.(a.location)
      ? 2
      : 0;
  if (a.date && b.date) {
    if (!datesMeet(a.date, b.date, tol)) return 0;
    return 2 + shared;
  }
  // undated: ACLED would not merge at all; we do when the actors leave little doubt — three
  // shared, or a shared non-state actor and half the shorter list (reports bounded in time by
  // their documents: EventReport.notAfter)
  const common = a.actors.filter((x) => b.actors.includes(x));
  const specific = common.some((x) => !options.isState?.(x));
  const small = Math.min(a.actors.length, b.actors.length);
  if (shared >= 3 || (specific && shared * 2 >= small)) return 1 + shared / 10;
  return 0;
}

/**
 * The pairs of reports that can have a non-zero affinity, without trying every pair of a type
 * (a corpus of 10k articles has ~100k reports): two reports of one event share an actor, or a town
 * on the same days, so only reports of one type sharing an actor or a point place are paired, and
 * among dated ones only those whose dates come within the tolerance (a sweep over start dates).
 * Yields each pair once, i < j. Exactly the pairs the full comparison would score above zero.
 */
export function candidatePairs(
  reports: readonly EventReport[],
  options: EventMergeOptions = {},
): [number, number][] {
  const tol = options.toleranceDays ?? 7;
  const blocks = new Map<string, number[]>();
  const put = (k: string, i: number) => {
    const list = blocks.get(k);
    if (list) list.push(i);
    else blocks.set(k, [i]);
  };
  reports.forEach((r, i) => {
    const e = r.event;
    for (const a of new Set(e.actors)) put(`${e.type}\u0000${a}`, i);
    if (e.location && options.pointPlace?.(e.location)) put(`${e.type}\u0000@${e.location}`, i);
  });
  const n = reports.length;
  const seen = new Set<number>();
  const out: [number, number][] = [];
  const emit = (a: number, b: number) => {
    const [i, j] = a < b ? [a, b] : [b, a];
    const k = i * n + j;
    if (seen.has(k)) return;
    seen.add(k);
    out.push([i, j]);
  };
  for (const list of blocks.values()) {
    if (list.length < 2) continue;
    const dated = list
      .filter((i) => reports[i]!.event.date)
      .map((i) => {
        const d = reports[i]!.event.date!;
        return { i, start: dayNumber(d.start, false), end: dayNumber(d.end, true) };
      })
      .sort((a, b) => a.start - b.start);
    for (let x = 0; x < dated.length; x++)
      for (let y = x + 1; y < dated.length && dated[y]!.start <= dated[x]!.end + tol; y++)
        emit(dated[x]!.i, dated[y]!.i);
    const undated = list.filter((i) => !reports[i]!.event.date);
    for (const u of undated) for (const i of list) if (i !== u) emit(u, i);
  }
  return out.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

/**
 * Corpus ids for every (document, event) report: `${doc}\u0000${event.id}` → corpus id. Pure and
 * deterministic; pairs merge strongest first and never join two different events of one document
 * (a document's own reports were merged by the event stage). A group's id is its smallest member
 * id, so running it again over its own output changes nothing.
 */
export function mergeEventReports(
  reports: readonly EventReport[],
  options: EventMergeOptions = {},
): Map<string, string> {
  const key = (r: EventReport) => `${r.doc}\u0000${r.event.id}`;
  const parent = reports.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const docsOf = new Map<number, Map<string, string>>(); // root → doc → event id in it
  const members = new Map<number, number[]>(reports.map((_, i) => [i, [i]]));
  reports.forEach((r, i) => {
    docsOf.set(i, new Map([[r.doc, r.event.id]]));
  });
  const pairs: { i: number; j: number; score: number }[] = [];
  for (const [i, j] of candidatePairs(reports, options)) {
    if (reports[i]!.doc === reports[j]!.doc) continue;
    const score = withinBounds(reports[i]!, reports[j]!)
      ? reportAffinity(reports[i]!.event, reports[j]!.event, options)
      : 0;
    if (score > 0) pairs.push({ i, j, score });
  }
  // the pairs that fit (score > 0): the chaining check below looks them up instead of rescoring
  const n = reports.length;
  const fits = new Set(pairs.map((p) => p.i * n + p.j));
  const fitting = (x: number, y: number) => fits.has(x < y ? x * n + y : y * n + x);
  pairs.sort((p, q) => q.score - p.score || p.i - q.i || p.j - q.j);
  // groups found not to fit stay so as they grow (the misfit pair is still in them): remembered
  const misfits = new Set<number>();
  for (const { i, j } of pairs) {
    const a = find(i);
    const b = find(j);
    if (a === b) continue;
    const pairKey = a < b ? a * n + b : b * n + a;
    if (misfits.has(pairKey)) continue;
    const da = docsOf.get(a)!;
    const db = docsOf.get(b)!;
    let clash = false;
    for (const [doc, id] of db)
      if (da.has(doc) && da.get(doc) !== id) {
        clash = true;
        break;
      }
    if (clash) {
      misfits.add(pairKey);
      continue;
    }
    // every report of one group must fit every report of the other (no chaining A~B~C with A≁C)
    const ma = members.get(a)!;
    const mb = members.get(b)!;
    if (ma.some((x) => mb.some((y) => reports[x]!.doc !== reports[y]!.doc && !fitting(x, y)))) {
      misfits.add(pairKey);
      continue;
    }
    parent[b] = a;
    for (const [doc, id] of db) da.set(doc, id);
    ma.push(...mb);
  }
  const groupId = new Map<number, string>();
  reports.forEach((r, i) => {
    const root = find(i);
    const cur = groupId.get(root);
    if (!cur || r.event.id < cur) groupId.set(root, r.event.id);
  });
  const out = new Map<string, string>();
  reports.forEach((r, i) => {
    out.set(key(r), groupId.get(find(i))!);
  });
  return out;
}

/**
 * The latest day an event a document reports can have happened: its publication date, else a
 * month after the latest date it names (an article is written after the dates it gives), else none.
 */
export function latestPossibleDay(doc: Pick<AnalysedDocument, 'published' | 'dates'>): string | undefined {
  if (doc.published) return doc.published.padEnd(10, '-01').slice(0, 10);
  let latest = Number.NEGATIVE_INFINITY;
  for (const d of doc.dates ?? [])
    if (d.kind === 'date' && d.value) latest = Math.max(latest, dayNumber(d.value.end, true));
  if (latest === Number.NEGATIVE_INFINITY) return undefined;
  return new Date((latest + 31) * 86400000).toISOString().slice(0, 10);
}

/** The document with its events renamed by the mapping (the same object when nothing changes). */
export function applyEventIds(doc: AnalysedDocument, ids: ReadonlyMap<string, string>): AnalysedDocument {
  let changed = false;
  const events = doc.events.map((e) => {
    const id = ids.get(`${doc.id}\u0000${e.id}`);
    if (!id || id === e.id) return e;
    changed = true;
    return { ...e, id };
  });
  return changed ? { ...doc, events } : doc;
}

/** What the job needs of a store (src/store's Store has it). */
export interface EventStore {
  iterateDocuments(batchSize?: number): AsyncIterable<AnalysedDocument>;
  getDocument(ref: string): Promise<AnalysedDocument | null>;
  updateDocument(doc: AnalysedDocument): Promise<boolean>;
}

export interface EventMergeReport {
  reports: number;
  /** Corpus events (distinct ids after merging). */
  events: number;
  /** Documents rewritten. */
  documents: number;
}

/**
 * Give every stored report of one real event the same corpus id: one pass reads the events (not
 * kept with their texts), a second rewrites only the documents whose ids change. Idempotent.
 */
export async function runEventMergeJob(
  store: EventStore,
  options: EventMergeOptions = {},
): Promise<EventMergeReport> {
  const reports: EventReport[] = [];
  for await (const doc of store.iterateDocuments()) {
    const notAfter = latestPossibleDay(doc);
    for (const event of doc.events)
      reports.push({ doc: doc.id, event: { ...event, evidence: [] }, ...(notAfter ? { notAfter } : {}) });
  }
  const ids = mergeEventReports(reports, options);
  const touched = new Set<string>();
  for (const r of reports) if (ids.get(`${r.doc}\u0000${r.event.id}`) !== r.event.id) touched.add(r.doc);
  let documents = 0;
  for (const id of touched) {
    const doc = await store.getDocument(id);
    if (!doc) continue;
    const next = applyEventIds(doc, ids);
    if (next !== doc && (await store.updateDocument(next))) documents++;
  }
  return { reports: reports.length, events: new Set(ids.values()).size, documents };
}
