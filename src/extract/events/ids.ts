import type { Event } from '../../model/index.js';
import { sha256Hex } from '../../util/index.js';

// Event ids are deterministic, so the same report analysed again keeps its id and two identical
// reports in two documents meet before any corpus job: ev-<type>.<facet>-<date start|nodate>-
// <location|none>-<hash of the sorted actors>. The facet rides in the id because the export shape
// has no field for it and the corpus merge needs it (training and weapons to the same group are
// two events).

const SLUG = /[^a-z0-9]+/g;

function slug(id: string | null): string {
  if (!id) return 'none';
  return id.replace(/^ent-/, '').toLowerCase().replace(SLUG, '-').replace(/^-|-$/g, '') || 'x';
}

export function eventId(e: Pick<Event, 'type' | 'date' | 'location' | 'actors'>, facet: string): string {
  const actors = [...e.actors].sort().join('|');
  const date = e.date ? e.date.start : 'nodate';
  return `ev-${e.type}.${slug(facet)}-${date}-${slug(e.location)}-${sha256Hex(actors).slice(0, 8)}`;
}

/** The facet an event id carries (`ev-military_aid.training-…` → training), or the type. */
export function eventFacet(e: Pick<Event, 'id' | 'type'>): string {
  const m = /^ev-[a-z_]+\.([a-z0-9-]+?)-(?:\d{4}|nodate)/.exec(e.id);
  return m?.[1] ?? e.type;
}
