import { createRoute, z } from '@hono/zod-openapi';
import { buildGraph } from '../../corpus/index.js';
import { RELATION_TYPES } from '../../model/index.js';
import { GraphView } from '../contract.js';
import type { ApiApp, ApiDeps } from '../deps.js';
import { badRequest, listOf, ok } from '../openapi.js';
import { BooleanParam, DateFilter, overlaps } from '../params.js';

const route = createRoute({
  method: 'get',
  path: '/api/graph',
  tags: ['relations'],
  summary: 'The entity graph: entities as nodes, aggregated relations as edges',
  request: {
    query: DateFilter.extend({
      types: listOf(RELATION_TYPES).optional(),
      min_confidence: z.coerce.number().min(0).max(1).optional().openapi({ description: '0–1' }),
      all_entities: BooleanParam.optional().openapi({
        type: 'string',
        enum: ['true', 'false'],
        description: 'keep entities no edge touches (default false)',
      }),
    }),
  },
  responses: { ...ok(GraphView), ...badRequest },
});

export function registerGraph(app: ApiApp, deps: ApiDeps): void {
  app.openapi(route, async (c) => {
    const { types, min_confidence, from, to, all_entities } = c.req.valid('query');
    const s = await deps.cache.get();
    const relations = (await s.claims()).relations.filter((r) => {
      if (types && !types.includes(r.type)) return false;
      if (min_confidence !== undefined && r.confidence < min_confidence) return false;
      if (from || to) {
        // the relation's own dates when it has them, else when it was reported
        const start = r.start ?? r.firstSeen;
        const end = r.end ?? r.lastSeen;
        if (!start || !end || !overlaps(start, end, from, to)) return false;
      }
      return true;
    });
    const graph = buildGraph(s.entities.all(), relations, { connectedOnly: !all_entities });
    return c.json(graph, 200);
  });
}
