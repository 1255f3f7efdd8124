import { type AnalysedDocument, type RelationType, SYMMETRIC_RELATIONS } from '../model/index.js';
import { sha256Hex } from '../util/index.js';
import { type ClaimGroup, outletOf } from './claims.js';

// Relation aggregation: the same (type, source, target) in many documents — either order for the
// symmetric types — is one relation with all its evidence, how many independent sources report
// it, the dates it covers and a confidence.
//
// CONFIDENCE = (1 − 0.5^sources) × 0.5^denials, in (0, 1):
//  - sources: distinct outlets (document sources; a URL's host) reporting the relation, so one
//    outlet gives 0.5, two 0.75, three 0.875;
//  - denials: distinct speakers denying it, from claim groups that cover it: a group covers the
//    relation when its claims (about sets and speakers together) name both ends, or name one end
//    and the denying speaker is the other end (the accused denying); each such denying speaker
//    halves the confidence.

export interface RelationEvidence {
  documentId: string;
  source: string;
  published: string | null;
  start: number;
  end: number;
  quote: string;
}

export interface AggregatedRelation {
  /** `rel-` + 12 hex digits of the hash of type, source and target: stable. */
  id: string;
  type: RelationType;
  /** For symmetric types the two ends in id order. */
  source: string;
  target: string;
  symmetric: boolean;
  evidence: RelationEvidence[];
  documents: number;
  /** Distinct outlets. */
  sources: number;
  /** The span of the relation's own dates (partial ISO dates), or null. */
  start: string | null;
  end: string | null;
  /** Publication dates of the documents that report it. */
  firstSeen: string | null;
  lastSeen: string | null;
  /** Claim groups with a denial that covers it. */
  deniedBy: string[];
  /** Distinct denying speakers in those groups (null speakers count once). */
  denials: number;
  confidence: number;
}

export type RelationSourceDocument = Pick<
  AnalysedDocument,
  'id' | 'source' | 'published' | 'text' | 'relations'
>;

/** The confidence of a relation reported by `sources` outlets and denied by `denials` speakers. */
export function relationConfidence(sources: number, denials: number): number {
  const c = (1 - 0.5 ** Math.max(1, sources)) * 0.5 ** Math.max(0, denials);
  return Math.round(c * 1000) / 1000 || 0.001;
}

interface Acc {
  type: RelationType;
  source: string;
  target: string;
  evidence: RelationEvidence[];
  dates: string[];
}

function keyOf(type: RelationType, a: string, b: string): [string, string, string] {
  const [s, t] = SYMMETRIC_RELATIONS.has(type) && b < a ? [b, a] : [a, b];
  return [`${type}\u0000${s}\u0000${t}`, s, t];
}

/** Accumulates documents (streaming) and aggregates at the end. */
export class RelationCollector {
  private readonly acc = new Map<string, Acc>();

  add(doc: RelationSourceDocument): void {
    for (const r of doc.relations) {
      if (r.source === r.target) continue;
      const [key, source, target] = keyOf(r.type, r.source, r.target);
      let a = this.acc.get(key);
      if (!a) {
        a = { type: r.type, source, target, evidence: [], dates: [] };
        this.acc.set(key, a);
      }
      const spans = r.evidence.length > 0 ? r.evidence : [{ start: 0, end: 0 }];
      for (const s of spans)
        a.evidence.push({
          documentId: doc.id,
          source: doc.source,
          published: doc.published,
          start: s.start,
          end: s.end,
          quote: doc.text.slice(s.start, s.end),
        });
      if (r.date) a.dates.push(r.date.start, r.date.end);
    }
  }

  relations(groups: readonly ClaimGroup[] = []): AggregatedRelation[] {
    return [...this.acc.values()].map((a) => finish(a, groups)).sort(compareRelations);
  }
}

export function aggregateRelations(
  docs: Iterable<RelationSourceDocument>,
  groups: readonly ClaimGroup[] = [],
): AggregatedRelation[] {
  const c = new RelationCollector();
  for (const d of docs) c.add(d);
  return c.relations(groups);
}

/** Which denying speakers of which groups cover a relation between a and b. */
export function denialsOf(
  a: string,
  b: string,
  groups: readonly ClaimGroup[],
): { groups: string[]; speakers: number } {
  const ids: string[] = [];
  const speakers = new Set<string>();
  for (const g of groups) {
    if (g.denying.length === 0) continue;
    const named = new Set(g.about);
    for (const c of g.claims) if (c.speaker) named.add(c.speaker);
    let hit = false;
    for (const c of g.claims) {
      if (c.stance !== 'deny') continue;
      const both = named.has(a) && named.has(b);
      const accused = (c.speaker === a && named.has(b)) || (c.speaker === b && named.has(a));
      if (both || accused) {
        hit = true;
        speakers.add(c.speaker ?? '');
      }
    }
    if (hit) ids.push(g.id);
  }
  return { groups: ids.sort(), speakers: speakers.size };
}

function finish(a: Acc, groups: readonly ClaimGroup[]): AggregatedRelation {
  const evidence = a.evidence.sort(
    (x, y) =>
      (x.published ?? '9999').localeCompare(y.published ?? '9999') ||
      x.documentId.localeCompare(y.documentId) ||
      x.start - y.start,
  );
  const published = evidence.flatMap((e) => (e.published ? [e.published] : [])).sort();
  const dates = [...a.dates].sort();
  const sources = new Set(evidence.map((e) => outletOf(e.source))).size;
  const denied = denialsOf(a.source, a.target, groups);
  return {
    id: `rel-${sha256Hex(`${a.type}\n${a.source}\n${a.target}`).slice(0, 12)}`,
    type: a.type,
    source: a.source,
    target: a.target,
    symmetric: SYMMETRIC_RELATIONS.has(a.type),
    evidence,
    documents: new Set(evidence.map((e) => e.documentId)).size,
    sources,
    start: dates[0] ?? null,
    end: dates[dates.length - 1] ?? null,
    firstSeen: published[0] ?? null,
    lastSeen: published[published.length - 1] ?? null,
    deniedBy: denied.groups,
    denials: denied.speakers,
    confidence: relationConfidence(sources, denied.speakers),
  };
}

/** Highest confidence first, then most documents, then id. */
function compareRelations(a: AggregatedRelation, b: AggregatedRelation): number {
  return b.confidence - a.confidence || b.documents - a.documents || a.id.localeCompare(b.id);
}
