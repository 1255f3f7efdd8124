import { createRoute, z } from '@hono/zod-openapi';
import { filterClaimGroups } from '../../corpus/index.js';
import { normalizeForMatch } from '../../text/index.js';
import { ClaimPage, RelationPage, RelationType, Stance } from '../contract.js';
import type { ApiApp, ApiDeps } from '../deps.js';
import { badRequest, ok } from '../openapi.js';
import { BooleanParam, Pagination, page } from '../params.js';
import { resolveEntityId } from '../resolve.js';
import { claimGroupView, relationView } from '../views.js';

const claims = createRoute({
  method: 'get',
  path: '/api/claims',
  tags: ['claims'],
  summary: 'Claims grouped across the corpus: who asserts, who denies, independent sources',
  request: {
    query: Pagination.extend({
      contested: BooleanParam.optional().openapi({
        type: 'string',
        enum: ['true', 'false'],
        description:
          'true: only groups where someone asserts or alleges and someone denies; false: only the others',
      }),
      speaker: z.string().optional().openapi({ description: 'groups where this entity (id or name) speaks' }),
      about: z.string().optional().openapi({ description: 'groups about this entity (id or name)' }),
      stance: Stance.optional(),
      q: z.string().optional().openapi({ description: 'words that must appear in a quote' }),
    }),
  },
  responses: { ...ok(ClaimPage), ...badRequest },
});

const relations = createRoute({
  method: 'get',
  path: '/api/relations',
  tags: ['relations'],
  summary: 'Relations aggregated across documents, with evidence and a confidence',
  request: {
    query: Pagination.extend({
      type: RelationType.optional(),
      entity: z
        .string()
        .optional()
        .openapi({ description: 'relations with this entity (id or name) at either end' }),
      min_confidence: z.coerce.number().min(0).max(1).optional().openapi({ description: '0–1' }),
    }),
  },
  responses: { ...ok(RelationPage), ...badRequest },
});

const fold = (s: string) => normalizeForMatch(s).toLowerCase();

export function registerClaims(app: ApiApp, deps: ApiDeps): void {
  app.openapi(claims, async (c) => {
    const { contested, speaker, about, stance, q, limit, offset } = c.req.valid('query');
    const s = await deps.cache.get();
    const { groups: all } = await s.claims();
    let groups = filterClaimGroups(all, {
      ...(speaker ? { speaker: await resolveEntityId(deps.store, speaker) } : {}),
      ...(about ? { about: await resolveEntityId(deps.store, about) } : {}),
      ...(stance ? { stance } : {}),
    });
    if (contested !== undefined) groups = groups.filter((g) => g.contested === contested);
    if (q?.trim()) {
      const words = fold(q).split(/\s+/).filter(Boolean);
      groups = groups.filter((g) =>
        g.claims.some((cl) => {
          const quote = fold(cl.quote);
          return words.every((w) => quote.includes(w));
        }),
      );
    }
    const p = page(groups, limit, offset);
    return c.json({ ...p, items: p.items.map((g) => claimGroupView(s, g)) }, 200);
  });

  app.openapi(relations, async (c) => {
    const { type, entity, min_confidence, limit, offset } = c.req.valid('query');
    const s = await deps.cache.get();
    const { relations: all } = await s.claims();
    const id = entity ? await resolveEntityId(deps.store, entity) : undefined;
    const rows = all.filter(
      (r) =>
        (!type || r.type === type) &&
        (id === undefined || r.source === id || r.target === id) &&
        (min_confidence === undefined || r.confidence >= min_confidence),
    );
    const p = page(rows, limit, offset);
    return c.json({ ...p, items: p.items.map((r) => relationView(s, r)) }, 200);
  });
}
