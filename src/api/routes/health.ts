import { createRoute } from '@hono/zod-openapi';
import { Health } from '../contract.js';
import type { ApiApp, ApiDeps } from '../deps.js';
import { ok } from '../openapi.js';

const route = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['server'],
  summary: 'Is the server up, and how big is the corpus',
  responses: { ...ok(Health) },
});

export function registerHealth(app: ApiApp, deps: ApiDeps): void {
  app.openapi(route, async (c) => {
    const [documents, entities, snapshot] = await Promise.all([
      deps.store.countDocuments(),
      deps.store.listEntities({ limit: 1 }),
      deps.cache.get(),
    ]);
    return c.json(
      {
        ok: true as const,
        version: deps.version,
        documents,
        entities: entities.total,
        events: snapshot.events.length,
      },
      200,
    );
  });
}
