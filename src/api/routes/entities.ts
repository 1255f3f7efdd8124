import { createRoute, z } from '@hono/zod-openapi';
import { filterClaimGroups } from '../../corpus/index.js';
import { EntityDetail, EntityKind, EntityPage, EntityType } from '../contract.js';
import type { ApiApp, ApiDeps } from '../deps.js';
import { notFound as notFoundError } from '../errors.js';
import { badRequest, notFound, ok } from '../openapi.js';
import { Pagination } from '../params.js';
import { claimGroupView, eventView, relationView } from '../views.js';

const list = createRoute({
  method: 'get',
  path: '/api/entities',
  tags: ['entities'],
  summary: 'Entities across the corpus, most documents first',
  request: {
    query: Pagination.extend({
      q: z.string().optional().openapi({ description: 'a substring of a name, an alias or the id' }),
      type: EntityType.optional(),
      kind: EntityKind.optional(),
    }),
  },
  responses: { ...ok(EntityPage), ...badRequest },
});

const one = createRoute({
  method: 'get',
  path: '/api/entities/{ref}',
  tags: ['entities'],
  summary: 'One entity: dossier, relations, events and claims by and about it',
  request: {
    params: z.object({
      ref: z
        .string()
        .min(1)
        .openapi({
          param: { name: 'ref', in: 'path' },
          description: 'an entity id (ent-…) or a name, alias or mention text (URL-encoded)',
        }),
    }),
    query: z.object({
      documents: z.coerce
        .number()
        .int()
        .min(0)
        .max(500)
        .default(50)
        .openapi({ description: 'documents listed' }),
    }),
  },
  responses: { ...ok(EntityDetail), ...badRequest, ...notFound },
});

const CAP = 500;

export function registerEntities(app: ApiApp, deps: ApiDeps): void {
  app.openapi(list, async (c) => {
    const { q, type, kind, limit, offset } = c.req.valid('query');
    const r = await deps.store.listEntities({
      limit,
      offset,
      ...(q ? { q } : {}),
      ...(type ? { type } : {}),
      ...(kind ? { kind } : {}),
    });
    return c.json({ total: r.total, offset, limit, items: r.entities }, 200);
  });

  app.openapi(one, async (c) => {
    const { ref } = c.req.valid('param');
    const { documents } = c.req.valid('query');
    const entity = await deps.store.getEntityDossier(ref, { documentsLimit: documents });
    if (!entity) throw notFoundError(`no entity ${ref}`);
    const s = await deps.cache.get();
    const id = entity.id;
    const views = await s.claims();
    const relations = views.relations.filter((r) => r.source === id || r.target === id);
    const events = s.events.filter((e) => e.event.location === id || e.event.actors.includes(id));
    const by = filterClaimGroups(views.groups, { speaker: id });
    const about = views.groups.filter((g) => g.about.includes(id));
    return c.json(
      {
        entity,
        relations: relations.slice(0, CAP).map((r) => relationView(s, r)),
        events: events.slice(0, CAP).map((e) => eventView(s, e)),
        claims: {
          by: by.slice(0, CAP).map((g) => claimGroupView(s, g)),
          about: about.slice(0, CAP).map((g) => claimGroupView(s, g)),
        },
        counts: {
          relations: relations.length,
          events: events.length,
          claimsBy: by.length,
          claimsAbout: about.length,
        },
      },
      200,
    );
  });
}
