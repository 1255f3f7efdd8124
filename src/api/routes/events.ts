import { createRoute, z } from '@hono/zod-openapi';
import { filterEvents } from '../../jobs/index.js';
import { EventPage, EventType, TimelinePage } from '../contract.js';
import type { ApiApp, ApiDeps } from '../deps.js';
import { badRequest, ok } from '../openapi.js';
import { DateFilter, overlaps, Pagination, page } from '../params.js';
import { eventView, timelineItem } from '../views.js';

const events = createRoute({
  method: 'get',
  path: '/api/events',
  tags: ['events'],
  summary: 'Corpus events (one per real event, its reports merged), by date',
  request: {
    query: Pagination.extend(DateFilter.shape).extend({
      type: EventType.optional(),
      actor: z.string().optional().openapi({ description: 'an actor: entity id or name' }),
      place: z.string().optional().openapi({ description: 'a location: entity id or name' }),
    }),
  },
  responses: { ...ok(EventPage), ...badRequest },
});

const timeline = createRoute({
  method: 'get',
  path: '/api/timeline',
  tags: ['events'],
  summary: 'Dated events for a timeline, by date',
  request: { query: Pagination.extend(DateFilter.shape).extend({ type: EventType.optional() }) },
  responses: { ...ok(TimelinePage), ...badRequest },
});

export function registerEvents(app: ApiApp, deps: ApiDeps): void {
  app.openapi(events, async (c) => {
    const { type, from, to, actor, place, limit, offset } = c.req.valid('query');
    const s = await deps.cache.get();
    const rows = filterEvents(s.events, {
      ...(type ? { type } : {}),
      ...(actor ? { actor } : {}),
      ...(place ? { place } : {}),
    }).filter(
      (e) => (!from && !to) || (e.event.date && overlaps(e.event.date.start, e.event.date.end, from, to)),
    );
    const p = page(rows, limit, offset);
    return c.json({ ...p, items: p.items.map((e) => eventView(s, e)) }, 200);
  });

  app.openapi(timeline, async (c) => {
    const { type, from, to, limit, offset } = c.req.valid('query');
    const s = await deps.cache.get();
    const rows = s.events.filter(
      (e) =>
        e.event.date &&
        (!type || e.event.type === type) &&
        overlaps(e.event.date.start, e.event.date.end, from, to),
    );
    const p = page(rows, limit, offset);
    return c.json({ ...p, items: p.items.flatMap((e) => timelineItem(s, e) ?? []) }, 200);
  });
}
