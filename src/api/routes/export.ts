import { PassThrough, Readable } from 'node:stream';
import { z } from '@hono/zod-openapi';
import { buildGraph, type GraphFormat, writeGraph } from '../../corpus/index.js';
import { runExportJob } from '../../jobs/index.js';
import { ApiError, type ApiExportFormat, EXPORT_FORMATS } from '../contract.js';
import type { ApiApp, ApiDeps } from '../deps.js';
import { describeZodError, badRequest as usage } from '../errors.js';

// Downloads: the documents (marsad.document/v1 JSONL, streamed), the events (ACLED CSV) and the
// entity graph (GEXF, GraphML, Gephi CSV, FollowTheMoney JSON lines).

/**
 * The body of a streamed download. When the client goes away the web stream destroys it; the
 * export job then waits for a 'drain' that never comes. Instead, writes after that are dropped
 * (and a waiting job released) so the job runs out instead of hanging.
 */
class DownloadStream extends PassThrough {
  private gone = false;
  constructor() {
    super();
    this.once('close', () => {
      this.gone = true;
      this.emit('drain');
    });
  }
  override write(chunk: unknown, ...rest: unknown[]): boolean {
    if (this.gone) return true;
    return (super.write as (c: unknown, ...r: unknown[]) => boolean)(chunk, ...rest);
  }
}

const Query = z.object({ format: z.enum(EXPORT_FORMATS).default('jsonl') });

const FILES: Record<ApiExportFormat, { name: string; type: string }> = {
  jsonl: { name: 'marsad-documents.jsonl', type: 'application/x-ndjson; charset=utf-8' },
  acled: { name: 'marsad-events-acled.csv', type: 'text/csv; charset=utf-8' },
  gexf: { name: 'marsad-graph.gexf', type: 'application/gexf+xml; charset=utf-8' },
  graphml: { name: 'marsad-graph.graphml', type: 'application/graphml+xml; charset=utf-8' },
  csv: { name: 'marsad-graph.csv', type: 'text/csv; charset=utf-8' },
  ftm: { name: 'marsad-graph.ftm.jsonl', type: 'application/x-ndjson; charset=utf-8' },
};

export function registerExport(app: ApiApp, deps: ApiDeps): void {
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/export',
    tags: ['export'],
    summary: 'Download the corpus: jsonl (documents), acled (events CSV), gexf | graphml | csv | ftm (graph)',
    request: { query: Query },
    responses: {
      200: {
        description: 'a file (Content-Disposition: attachment)',
        content: Object.fromEntries(
          Object.values(FILES).map((f) => [f.type.split(';')[0]!, { schema: { type: 'string' } }]),
        ),
      },
      400: { description: 'unknown format', content: { 'application/json': { schema: ApiError } } },
    },
  });

  app.get('/api/export', async (c) => {
    const parsed = Query.safeParse(c.req.query());
    if (!parsed.success) throw usage(describeZodError(parsed.error));
    const format = parsed.data.format;
    const file = FILES[format];
    const headers = {
      'Content-Type': file.type,
      'Content-Disposition': `attachment; filename="${file.name}"`,
      'Cache-Control': 'no-store',
    };
    if (format === 'jsonl' || format === 'acled') {
      const s = format === 'acled' ? await deps.cache.get() : null;
      const out = new DownloadStream();
      runExportJob({ store: deps.store, out, format, ...(s ? { kb: s.kb } : {}) }).then(
        () => {
          if (!out.destroyed) out.end();
        },
        (e: unknown) => {
          deps.log(`export ${format} failed: ${String(e)}`);
          out.destroy(e instanceof Error ? e : new Error(String(e)));
        },
      );
      return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, { status: 200, headers });
    }
    const s = await deps.cache.get();
    const graph = buildGraph(s.entities.all(), (await s.claims()).relations, { connectedOnly: true });
    return c.body(writeGraph(graph, format as GraphFormat), 200, headers);
  });
}
