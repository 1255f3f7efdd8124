import { existsSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApi,
  type EventPage,
  type Health,
  type JobEnvelope,
  type SearchPage,
} from '../../src/api/index.js';
import { encodeWindows1256 } from '../helpers/encodings.js';
import { makeDoc } from '../store/fixtures.js';
import { type Fixture, makeFixture, SETTINGS } from './helpers.js';

// Ingest over HTTP into an empty store: the job runs in the server, the corpus views follow.

let f: Fixture;
let site: Server;
let siteUrl: string;

beforeAll(async () => {
  f = await makeFixture({ ingest: false });
  site = createServer((req, res) => {
    if (req.url === '/gao') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        '<!doctype html><html><head><title>قصف في غاو</title></head><body><article><h1>قصف في غاو</h1><p>قصفت طائرات مسيرة مواقع للمتمردين قرب مدينة غاو يوم 5 مايو 2024، وقال الجيش المالي إن العملية نجحت.</p></article></body></html>',
      );
    } else {
      res.writeHead(404);
      res.end('no');
    }
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
}, 60_000);
afterAll(async () => {
  await f.close();
  await new Promise((r) => site.close(r));
});

type Err = { error: { code: string; message: string } };

const postJson = (body: unknown) =>
  f.get('/api/ingest', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const upload = (files: { name: string; data: string | Uint8Array }[]) => {
  const form = new FormData();
  for (const x of files) form.append('file', new Blob([x.data]), x.name);
  return f.get('/api/ingest', { method: 'POST', body: form });
};

/** Submit, wait for the queue, and return the finished job. */
async function finished(res: Response): Promise<JobEnvelope['job']> {
  expect(res.status).toBe(202);
  const { job } = (await res.json()) as JobEnvelope;
  expect(['queued', 'running']).toContain(job.status);
  await f.api.idle();
  const polled = await f.json<JobEnvelope>(`/api/jobs/${job.id}`);
  expect(polled.status).toBe(200);
  return polled.body.job;
}

describe('POST /api/ingest', () => {
  it('a JSON text is analysed and stored; the corpus views see it', async () => {
    const before = await f.json<EventPage>('/api/events');
    expect(before.body.total).toBe(0);
    const job = await finished(
      await postJson({
        text: 'اندلعت اشتباكات عنيفة بين الجيش المالي والمتمردين قرب مدينة كيدال يوم 12 مارس 2024.',
        title: 'اشتباكات في كيدال',
        source: 'desk/kidal-1',
        published: '2024-03-12',
      }),
    );
    expect(job.status).toBe('done');
    expect(job.report).toMatchObject({ seen: 1, stored: 1, failed: 0 });
    expect(job.done).toBe(1);
    expect(job.inputs).toEqual(['desk/kidal-1']);
    const health = await f.json<Health>('/api/health');
    expect(health.body.documents).toBe(1);
    const after = await f.json<EventPage>('/api/events');
    expect(after.body.items.map((e) => e.location)).toContain('ent-kidal');
    const hit = await f.json<SearchPage>(`/api/search?q=${encodeURIComponent('كيدال')}`);
    expect(hit.body.items[0]).toMatchObject({ source: 'desk/kidal-1', title: 'اشتباكات في كيدال' });
    // the same text again is a duplicate, not a second document
    const again = await finished(
      await postJson({
        text: 'اندلعت اشتباكات عنيفة بين الجيش المالي والمتمردين قرب مدينة كيدال يوم 12 مارس 2024.',
        title: 'اشتباكات في كيدال',
      }),
    );
    expect(again.report).toMatchObject({ stored: 0, duplicates: 1 });
  });

  it('uploaded files: a good one stored, a binary and an empty one reported, nothing written outside', async () => {
    const job = await finished(
      await upload([
        { name: 'niger.txt', data: 'أعلنت حكومة النيجر يوم 2 أغسطس 2023 قطع العلاقات الدبلوماسية مع فرنسا.' },
        {
          name: 'old-paper.txt',
          data: encodeWindows1256('قال وزير الخارجية الموريتاني إن بلاده تدعم الحوار في مالي.'),
        },
        { name: 'photo.txt', data: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3, 0, 0]) },
        { name: '../../escape.txt', data: '' },
      ]),
    );
    expect(job.status).toBe('done');
    expect(job.report).toMatchObject({ seen: 4, stored: 2, failed: 2 });
    expect(job.report!.failures.map((x) => x.code).sort()).toEqual(['E_BINARY', 'E_EMPTY']);
    expect(job.inputs).toContain('../../escape.txt');
    for (const x of job.report!.failures) expect(x.source.startsWith(join(f.dir, 'uploads'))).toBe(true);
    expect(existsSync(join(f.dir, 'escape.txt'))).toBe(false);
    expect(readdirSync(f.dir)).not.toContain('escape.txt');
    const niger = await f.json<SearchPage>(`/api/search?q=${encodeURIComponent('الموريتاني')}`);
    expect(niger.body.total).toBe(1);
  });

  it('a URL is fetched and ingested; an unreachable one is a failure line', async () => {
    const ok = await finished(await postJson({ url: `${siteUrl}/gao` }));
    expect(ok.report).toMatchObject({ stored: 1, failed: 0 });
    const bad = await finished(await postJson({ url: `${siteUrl}/missing` }));
    expect(bad.status).toBe('done');
    expect(bad.report!.failures[0]!.code).toBe('E_FETCH');
  });

  /**
   * An API on the same store whose first job is held running until `release()`, so what the
   * queue does while a job runs is seen however fast a small ingest finishes.
   */
  function heldApi(uploads: string, maxQueuedJobs?: number) {
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    const api = createApi({
      store: f.store,
      settings: SETTINGS,
      webDir: f.webDir,
      uploadDir: join(f.dir, uploads),
      ...(maxQueuedJobs !== undefined ? { maxQueuedJobs } : {}),
      wrapIngest: (run) => async (inputs, progress) => {
        await held;
        return run(inputs, progress);
      },
    });
    const post = (text: string) =>
      api.app.request('/api/ingest', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      });
    return { api, post, release };
  }

  it('jobs wait their turn', async () => {
    const { api, post, release } = heldApi('turn-uploads');
    const a = await post('قالت مصادر إن وفدا من النيجر زار باماكو.');
    const b = await post('قالت مصادر إن وفدا من مالي زار نيامي.');
    const ja = ((await a.json()) as JobEnvelope).job;
    const jb = ((await b.json()) as JobEnvelope).job;
    expect(ja.status).toBe('running');
    expect(jb.status).toBe('queued');
    release();
    await api.idle();
    const after = await api.app.request(`/api/jobs/${jb.id}`);
    expect(((await after.json()) as JobEnvelope).job.status).toBe('done');
  });

  it('a full queue answers 503 and writes nothing', async () => {
    const { api, post, release } = heldApi('busy-uploads', 1);
    const statuses = [];
    for (const t of ['خبر أول عن باماكو.', 'خبر ثان عن نيامي.', 'خبر ثالث عن غاو.'])
      statuses.push((await post(t)).status);
    expect(statuses).toEqual([202, 202, 503]);
    release();
    await api.idle();
    expect(readdirSync(join(f.dir, 'busy-uploads'))).toHaveLength(2);
  });

  it('bad requests are 400 with a message', async () => {
    const cases: [Response, string][] = [
      [await postJson('{"text": "نص'), 'malformed JSON'],
      [await postJson(''), 'empty body'],
      [await postJson({ text: '' }), 'text'],
      [await postJson({ text: '   ' }), 'blank'],
      [await postJson({ text: 'نص', published: 'yesterday' }), 'published'],
      [await postJson({ url: 'ftp://example.org/a' }), 'url'],
      [await postJson({ words: 'x' }), 'expected'],
      [await postJson([1, 2]), 'expected'],
      [
        await f.get('/api/ingest', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'نص' }),
        'Content-Type',
      ],
      [await f.get('/api/ingest', { method: 'POST', body: new FormData() }), 'file'],
    ];
    for (const [res, words] of cases) {
      expect(res.status, words).toBe(400);
      const body = (await res.json()) as Err;
      expect(body.error.code).toBe('E_USAGE');
      expect(body.error.message).toContain(words);
    }
  });

  it('too large: a file over maxBytes and a body over the limit are 413', async () => {
    const big = 'ا'.repeat(SETTINGS.maxBytes); // two bytes a letter in UTF-8
    const file = await upload([{ name: 'big.txt', data: big }]);
    expect(file.status).toBe(413);
    expect(((await file.json()) as Err).error.code).toBe('E_TOO_LARGE');
    const huge = await postJson({ text: 'ب'.repeat(SETTINGS.maxBytes + 1024 * 1024) });
    expect(huge.status).toBe(413);
  });

  it('a document written by another process (same database) shows in the corpus views', async () => {
    const before = (await f.json<EventPage>('/api/events')).body.total;
    const doc = makeDoc({ source: 'other/process.txt', body: 'نص كتبته عملية أخرى عن اشتباك في غاو.' });
    doc.events = [
      {
        id: 'ev-armed_clash.fighting-2024-05-01-gao-test',
        type: 'armed_clash',
        date: { start: '2024-05-01', end: '2024-05-01', precision: 'day' },
        location: null,
        actors: [],
        fatalities: null,
        evidence: [{ start: 0, end: 10 }],
      },
    ];
    await f.store.putDocuments([doc]);
    const after = await f.json<EventPage>('/api/events');
    expect(after.body.total).toBe(before + 1);
    expect(after.body.items.find((e) => e.id.endsWith('gao-test'))?.evidence[0]?.sentence).toContain(
      'عملية أخرى',
    );
  });

  it('404 for an unknown job', async () => {
    const { status, body } = await f.json<Err>('/api/jobs/job-nope');
    expect(status).toBe(404);
    expect(body.error.code).toBe('E_NOT_FOUND');
  });
});
