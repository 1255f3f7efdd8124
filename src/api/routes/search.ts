import { createRoute, z } from '@hono/zod-openapi';
import { SearchPage } from '../contract.js';
import type { ApiApp, ApiDeps } from '../deps.js';
import { badRequest, ok } from '../openapi.js';
import { DateFilter, dayOf as fullDay, Pagination } from '../params.js';

const route = createRoute({
  method: 'get',
  path: '/api/search',
  tags: ['documents'],
  summary: 'Full-text search (Arabic-aware: clitics, the article and diacritics do not matter)',
  request: {
    query: Pagination.extend(DateFilter.shape).extend({
      q: z.string().trim().min(1, 'q must not be empty').openapi({
        description: 'words (all must match) and "quoted phrases"',
        example: 'المتمردين',
      }),
      source: z.string().optional().openapi({ description: 'a substring of the document source' }),
    }),
  },
  responses: { ...ok(SearchPage), ...badRequest },
});

export function registerSearch(app: ApiApp, deps: ApiDeps): void {
  app.openapi(route, async (c) => {
    const { q, from, to, source, limit, offset } = c.req.valid('query');
    const result = await deps.store.search({
      q,
      limit,
      offset,
      ...(from ? { from: fullDay(from, false) } : {}),
      ...(to ? { to: fullDay(to, true) } : {}),
      ...(source ? { source } : {}),
    });
    return c.json({ total: result.total, offset, limit, items: result.hits }, 200);
  });
}
