import { createRoute, z } from '@hono/zod-openapi';
import type { AnalysedDocument } from '../../model/index.js';
import { type DateMention, DocumentDetail, DocumentPage } from '../contract.js';
import type { ApiApp, ApiDeps } from '../deps.js';
import { notFound as notFoundError } from '../errors.js';
import { badRequest, notFound, ok } from '../openapi.js';
import { Pagination } from '../params.js';

const list = createRoute({
  method: 'get',
  path: '/api/documents',
  tags: ['documents'],
  summary: 'Stored documents, in ingest order',
  request: { query: Pagination },
  responses: { ...ok(DocumentPage), ...badRequest },
});

const one = createRoute({
  method: 'get',
  path: '/api/documents/{id}',
  tags: ['documents'],
  summary: 'One document with its entities, events, claims, relations, sentences and dates',
  request: {
    params: z.object({
      id: z
        .string()
        .min(1)
        .openapi({
          param: { name: 'id', in: 'path' },
          description: 'full id (sha256:…), an id prefix of at least 8 hex digits, or the exact source',
        }),
    }),
  },
  responses: { ...ok(DocumentDetail), ...badRequest, ...notFound },
});

/** The temporal expressions the analysis found (older stores have none). */
function datesOf(doc: AnalysedDocument): DateMention[] {
  return doc.dates ?? [];
}

export function registerDocuments(app: ApiApp, deps: ApiDeps): void {
  app.openapi(list, async (c) => {
    const { limit, offset } = c.req.valid('query');
    const [items, total] = await Promise.all([
      deps.store.listDocuments({ limit, offset }),
      deps.store.countDocuments(),
    ]);
    return c.json({ total, offset, limit, items }, 200);
  });

  app.openapi(one, async (c) => {
    const { id } = c.req.valid('param');
    const doc = await deps.store.getDocument(id);
    if (!doc) throw notFoundError(`no document ${id}`);
    return c.json(
      {
        document: {
          id: doc.id,
          source: doc.source,
          kind: doc.kind,
          url: doc.url,
          title: doc.title,
          published: doc.published,
          language: doc.language,
          text: doc.text,
          bodyStart: doc.bodyStart,
          entities: doc.entities,
          events: doc.events,
          claims: doc.claims,
          relations: doc.relations,
          warnings: doc.warnings,
        },
        sentences: doc.sentences,
        dates: datesOf(doc),
      },
      200,
    );
  });
}
