import type { AggregatedRelation, ClaimGroup } from '../corpus/index.js';
import type { CorpusEvent as JobCorpusEvent } from '../jobs/index.js';
import type { ClaimGroupView, CorpusEvent, RelationView, TimelineItem } from './contract.js';
import { type CorpusSnapshot, entityRef, entityRefs } from './corpus-cache.js';

// Corpus objects → the API's views, each with the entities it mentions named.

export function eventView(s: CorpusSnapshot, c: JobCorpusEvent): CorpusEvent {
  const e = c.event;
  return {
    id: e.id,
    type: e.type,
    date: e.date,
    location: e.location,
    actors: e.actors,
    fatalities: e.fatalities,
    sources: c.sources,
    documents: c.documents,
    evidence: s.evidence.get(e.id) ?? [],
    entities: entityRefs(s, [...e.actors, e.location]),
  };
}

const clip = (t: string, n: number) => (t.length > n ? `${t.slice(0, n - 1)}…` : t);

export function timelineItem(s: CorpusSnapshot, c: JobCorpusEvent): TimelineItem | null {
  const e = c.event;
  if (!e.date) return null;
  return {
    id: e.id,
    type: e.type,
    date: e.date,
    label: clip(c.notes, 200),
    location: e.location,
    actors: e.actors,
    documents: c.documents,
    entities: entityRefs(s, [...e.actors, e.location]),
  };
}

export function claimGroupView(s: CorpusSnapshot, g: ClaimGroup): ClaimGroupView {
  return { ...g, entities: entityRefs(s, [...g.about, ...g.claims.map((c) => c.speaker)]) };
}

export function relationView(s: CorpusSnapshot, r: AggregatedRelation): RelationView {
  return { ...r, sourceEntity: entityRef(s, r.source), targetEntity: entityRef(s, r.target) };
}
