import { normalizeForMatch } from '../text/index.js';
import type { CorpusEvent } from './acled.js';

// Which corpus events a user asked for: shared by `marsad events` and GET /api/events.

export interface EventFilter {
  type?: string;
  from?: string;
  to?: string;
  /** An entity id or a name (Arabic or Latin, as written or folded). */
  actor?: string;
  place?: string;
}

function refersTo(c: CorpusEvent, id: string, ref: string): boolean {
  if (id === ref || id === `ent-${ref}`) return true;
  const e = c.entities.get(id);
  if (!e) return false;
  const want = normalizeForMatch(ref).toLowerCase();
  return [e.name, e.name_ar, ...e.aliases].some((n) => n && normalizeForMatch(n).toLowerCase() === want);
}

/** The corpus events that pass the filter (dates compare as ranges: an event overlapping it passes). */
export function filterEvents(events: readonly CorpusEvent[], f: EventFilter): CorpusEvent[] {
  return events.filter((c) => {
    const e = c.event;
    if (f.type && e.type !== f.type) return false;
    if (f.from && (!e.date || e.date.end < f.from)) return false;
    if (f.to && (!e.date || e.date.start > f.to)) return false;
    if (f.actor && !e.actors.some((a) => refersTo(c, a, f.actor!))) return false;
    if (f.place && !(e.location && refersTo(c, e.location, f.place))) return false;
    return true;
  });
}
