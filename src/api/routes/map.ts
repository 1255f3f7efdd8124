import { createRoute } from '@hono/zod-openapi';
import { type MapEvent, type MapPlace, MapView } from '../contract.js';
import type { ApiApp, ApiDeps } from '../deps.js';
import { ok } from '../openapi.js';

const route = createRoute({
  method: 'get',
  path: '/api/map',
  tags: ['events'],
  summary: 'Places of the corpus with coordinates (from the knowledge base), and the events located there',
  responses: { ...ok(MapView) },
});

const kbIdOf = (id: string) => id.replace(/^ent-/, '');

export function registerMap(app: ApiApp, deps: ApiDeps): void {
  app.openapi(route, async (c) => {
    const s = await deps.cache.get();
    const eventsAt = new Map<string, number>();
    for (const e of s.events)
      if (e.event.location) eventsAt.set(e.event.location, (eventsAt.get(e.event.location) ?? 0) + 1);
    const places: MapPlace[] = [];
    const coords = new Map<string, readonly [number, number]>();
    for (const n of s.entities.all()) {
      if (n.type !== 'location') continue;
      const k = s.kb.get(kbIdOf(n.id));
      if (!k?.coordinates) continue;
      coords.set(n.id, k.coordinates);
      places.push({
        id: n.id,
        name: n.name,
        name_ar: n.name_ar,
        lat: k.coordinates[0],
        lon: k.coordinates[1],
        country: k.kind === 'country' ? k.id : (k.country ?? null),
        kind: n.kind,
        documents: n.documents,
        events: eventsAt.get(n.id) ?? 0,
      });
    }
    const events: MapEvent[] = [];
    for (const e of s.events) {
      const at = e.event.location ? coords.get(e.event.location) : undefined;
      if (!at || !e.event.location) continue;
      events.push({
        id: e.event.id,
        type: e.event.type,
        date: e.event.date,
        lat: at[0],
        lon: at[1],
        label: e.notes.length > 200 ? `${e.notes.slice(0, 199)}…` : e.notes,
        location: e.event.location,
      });
    }
    return c.json({ places, events }, 200);
  });
}
