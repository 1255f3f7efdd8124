import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, all, api } from '../../web/src/api/client.js';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('web API client', () => {
  it('turns the server’s error body into an ApiError with its code and message', async () => {
    vi.stubGlobal('fetch', async () =>
      json({ error: { code: 'E_NOT_FOUND', message: 'no document sha256:00' } }, 404),
    );
    const e = await api.document('sha256:00').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 404, code: 'E_NOT_FOUND', message: 'no document sha256:00' });
  });

  it('reports a response that is not JSON, and a network failure, as ApiErrors too', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html>proxy error</html>', { status: 502 }));
    await expect(api.health()).rejects.toMatchObject({ status: 502, code: 'HTTP_502' });
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('fetch failed');
    });
    await expect(api.health()).rejects.toMatchObject({
      status: 0,
      code: 'E_NETWORK',
      message: 'fetch failed',
    });
  });

  it('encodes ids and leaves empty filters out of the query', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (u: string) => {
      urls.push(u);
      return json({ total: 0, offset: 0, limit: 50, items: [], nodes: [], edges: [] });
    });
    await api.entity('مالي');
    await api.search({ q: 'كيدال', from: '', source: undefined, limit: 20 });
    await api.graph({ types: ['located_in', 'member_of'], minConfidence: 0.5 });
    await api.claims({ contested: true });
    expect(urls).toEqual([
      `/api/entities/${encodeURIComponent('مالي')}`,
      `/api/search?q=${encodeURIComponent('كيدال')}&limit=20`,
      '/api/graph?types=located_in%2Cmember_of&min_confidence=0.5',
      '/api/claims?contested=true',
    ]);
  });

  it('posts pasted text as JSON', async () => {
    let seen: { url: string; init: RequestInit | undefined } | null = null;
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      seen = { url, init };
      return json({ job: { id: 'job-1', status: 'queued', done: 0, total: null } }, 202);
    });
    const { job } = await api.ingestText({ text: 'نص', title: 'عنوان' });
    expect(job.id).toBe('job-1');
    expect(seen!.init?.method).toBe('POST');
    expect(JSON.parse(String(seen!.init?.body))).toEqual({ text: 'نص', title: 'عنوان' });
  });

  it('all() walks every page until the total is reached', async () => {
    const items = Array.from({ length: 1203 }, (_, i) => i);
    const got = await all(async ({ limit = 50, offset = 0 }) => ({
      total: items.length,
      offset,
      limit,
      items: items.slice(offset, offset + limit),
    }));
    expect(got.total).toBe(1203);
    expect(got.items).toEqual(items);
  });
});
