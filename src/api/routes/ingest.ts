import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative } from 'node:path';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MarsadError } from '../../model/index.js';
import { ApiError, IngestJsonBody, JobEnvelope } from '../contract.js';
import type { ApiApp, ApiDeps } from '../deps.js';
import {
  describeZodError,
  errorResponse,
  notFound as notFoundError,
  badRequest as usage,
} from '../errors.js';
import { QueueFullError } from '../ingest-jobs.js';

// POST /api/ingest: files (multipart), a text or a URL (JSON). The input is written under the
// upload directory (kept: it is the document's source) and ingested by a background job, the
// same job `marsad ingest` runs; GET /api/jobs/:id reports its progress and, at the end, the
// ingest report with a failure line for every bad article.

/** Multipart framing around the files: headers and boundaries. */
const MULTIPART_OVERHEAD = 1024 * 1024;

/** A file name safe to write: no directories, no leading dots, letters (any script), digits, . _ - */
export function safeFileName(name: string, fallback = 'upload.txt'): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '_')
    .replace(/^[._]+/, '')
    .slice(-120);
  return clean && clean !== '_' ? clean : fallback;
}

/** The path a document's source will show: relative to the working directory when inside it. */
function sourcePath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

async function newUploadFolder(root: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const dir = join(root, `${stamp}-${randomBytes(3).toString('hex')}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

function filesOf(body: Record<string, unknown>): File[] {
  const v = body.file;
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.filter((x): x is File => x instanceof File);
}

async function fromMultipart(c: Context, deps: ApiDeps): Promise<{ inputs: string[]; labels: string[] }> {
  let body: Record<string, unknown>;
  try {
    body = (await c.req.parseBody({ all: true })) as Record<string, unknown>;
  } catch (e) {
    throw new MarsadError('E_USAGE', `unreadable multipart body: ${(e as Error).message}`);
  }
  const files = filesOf(body);
  if (!files.length) throw usage('multipart body: expected one or more "file" parts');
  for (const f of files)
    if (f.size > deps.settings.maxBytes)
      throw new MarsadError(
        'E_TOO_LARGE',
        `${f.name || 'file'}: ${f.size} bytes is over the ${deps.settings.maxBytes}-byte limit`,
      );
  const dir = await newUploadFolder(deps.uploadDir);
  const inputs: string[] = [];
  const labels: string[] = [];
  const used = new Set<string>();
  for (const f of files) {
    let name = safeFileName(f.name);
    for (let i = 2; used.has(name); i++) name = `${i}-${safeFileName(f.name)}`;
    used.add(name);
    const path = join(dir, name);
    await writeFile(path, new Uint8Array(await f.arrayBuffer()));
    inputs.push(sourcePath(path));
    labels.push(f.name || name);
  }
  return { inputs, labels };
}

async function fromJson(c: Context, deps: ApiDeps): Promise<{ inputs: string[]; labels: string[] }> {
  const raw = await c.req.text();
  if (!raw.trim()) throw usage('empty body: expected {"text": …} or {"url": …}');
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    throw usage(`malformed JSON body: ${(e as Error).message}`);
  }
  const parsed = IngestJsonBody.safeParse(data);
  if (!parsed.success)
    throw usage(
      `expected {"text": "…", "title"?, "source"?, "published"?} or {"url": "http(s)://…"}: ${describeZodError(parsed.error, 'body')}`,
    );
  const body = parsed.data;
  if ('url' in body) return { inputs: [body.url], labels: [body.url] };
  if (!body.text.trim()) throw usage('text: must not be blank');
  const dir = await newUploadFolder(deps.uploadDir);
  const name = safeFileName(body.source ?? body.title ?? 'text', 'text');
  const path = join(dir, `${extname(name) === '.json' ? name : `${name}.json`}`);
  await writeFile(path, JSON.stringify(body));
  return { inputs: [sourcePath(path)], labels: [body.source ?? body.title ?? 'text'] };
}

export function registerIngest(app: ApiApp, deps: ApiDeps): void {
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/api/ingest',
    tags: ['ingest'],
    summary: 'Add articles: upload files, or post a text or a URL; returns a job to poll',
    request: {
      body: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: z.object({
              file: z.string().openapi({
                type: 'string',
                format: 'binary',
                description: 'one or more files (text, HTML, JSON/JSONL, RSS/Atom)',
              }),
            }),
          },
          'application/json': { schema: IngestJsonBody },
        },
      },
    },
    responses: {
      202: { description: 'the job, queued', content: { 'application/json': { schema: JobEnvelope } } },
      400: { description: 'bad input', content: { 'application/json': { schema: ApiError } } },
      413: {
        description: 'over the size limit (settings.maxBytes)',
        content: { 'application/json': { schema: ApiError } },
      },
    },
  });
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/jobs/{id}',
    tags: ['ingest'],
    summary: 'An ingest job: status, progress, and the report once done',
    request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }) },
    responses: {
      200: { description: 'the job', content: { 'application/json': { schema: JobEnvelope } } },
      404: { description: 'no such job', content: { 'application/json': { schema: ApiError } } },
    },
  });

  app.post(
    '/api/ingest',
    bodyLimit({
      maxSize: deps.settings.maxBytes + MULTIPART_OVERHEAD,
      onError: (c) =>
        errorResponse(c, 'E_TOO_LARGE', `request body over the ${deps.settings.maxBytes}-byte limit`),
    }),
    async (c) => {
      if (deps.queue.full) return errorResponse(c, 'E_BUSY', 'too many ingest jobs waiting: try again later');
      const type = (c.req.header('content-type') ?? '').toLowerCase();
      let given: { inputs: string[]; labels: string[] };
      if (type.startsWith('multipart/form-data')) given = await fromMultipart(c, deps);
      else if (type.startsWith('application/json')) given = await fromJson(c, deps);
      else
        throw usage('Content-Type: expected multipart/form-data (files) or application/json (text or url)');
      try {
        return c.json({ job: deps.queue.submit(given.inputs, given.labels) }, 202);
      } catch (e) {
        if (e instanceof QueueFullError) return errorResponse(c, 'E_BUSY', e.message);
        throw e;
      }
    },
  );

  app.get('/api/jobs/:id', (c) => {
    const job = deps.queue.get(c.req.param('id'));
    if (!job) throw notFoundError(`no job ${c.req.param('id')}`);
    return c.json({ job }, 200);
  });
}
