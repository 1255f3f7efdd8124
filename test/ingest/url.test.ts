import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSources } from '../../src/ingest/index.js';
import { RSS } from './fixtures.js';
import { AR, articles, collect, encodeSingleByte, failures } from './helpers.js';

const PAGE = `<!DOCTYPE html><html><head><title>انهيار جسر قديم فوق القناة</title>
<meta property="article:published_time" content="2024-08-07T10:00:00+03:00"></head>
<body><article><p>${AR.sentence}</p><p>${AR.second}</p><p>${AR.third}</p></article></body></html>`;

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/article') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    } else if (url === '/legacy') {
      // Declared by the header only, in windows-1256.
      res.writeHead(200, { 'content-type': 'text/html; charset=windows-1256' });
      res.end(Buffer.from(encodeSingleByte(PAGE, 'windows-1256')));
    } else if (url === '/redirect') {
      res.writeHead(302, { location: '/article' });
      res.end();
    } else if (url === '/feed') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(RSS);
    } else if (url === '/feed-as-html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(RSS);
    } else if (url === '/plain') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`07 أغسطس، 2024\n\n${AR.sentence}`);
    } else if (url === '/hang') {
      // Never answers: the client's timeout must end it.
    } else if (url === '/big') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(Buffer.alloc(200_000, 0x61));
    } else if (url === '/big-chunked') {
      // No Content-Length: the cap must be enforced while streaming.
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(16_384, 0x62);
      let sent = 0;
      const pump = () => {
        if (sent > 1_000_000 || res.destroyed) return res.end();
        sent += chunk.length;
        res.write(chunk, pump);
      };
      pump();
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('readSources: URLs', () => {
  it('an HTML page', async () => {
    const [a] = articles(await collect(readSources([`${base}/article`], {})));
    expect(a).toMatchObject({
      source: `${base}/article`,
      kind: 'url',
      title: 'انهيار جسر قديم فوق القناة',
      published: '2024-08-07',
      url: `${base}/article`,
      encoding: 'utf-8',
    });
    expect(a!.body).toBe(`${AR.sentence}\n\n${AR.second}\n\n${AR.third}`);
  });

  it('charset from the Content-Type header; redirects followed (url = final URL)', async () => {
    const [legacy] = articles(await collect(readSources([`${base}/legacy`], {})));
    expect(legacy).toMatchObject({ encoding: 'windows-1256', title: 'انهيار جسر قديم فوق القناة' });
    const [moved] = articles(await collect(readSources([`${base}/redirect`], {})));
    expect(moved).toMatchObject({ source: `${base}/redirect`, url: `${base}/article` });
  });

  it('a feed URL yields its items (also when served as text/html)', async () => {
    for (const path of ['/feed', '/feed-as-html']) {
      const items = articles(await collect(readSources([`${base}${path}`], {})));
      expect(items.map((a) => [a.kind, a.title])).toEqual([
        ['feed', 'انهيار جسر قديم فوق القناة'],
        ['feed', 'لجنة لفحص الجسور'],
      ]);
    }
  });

  it('text/plain', async () => {
    const [a] = articles(await collect(readSources([`${base}/plain`], {})));
    expect(a).toMatchObject({ kind: 'url', title: null, published: '2024-08-07' });
  });

  it('404, a server that never answers, an unreachable host → E_FETCH; the batch goes on', async () => {
    const start = Date.now();
    const items = await collect(
      readSources([`${base}/missing`, `${base}/hang`, 'http://127.0.0.1:1/', `${base}/article`], {
        fetchTimeoutMs: 300,
      }),
    );
    expect(failures(items).map((f) => [f.source, f.code])).toEqual([
      [`${base}/missing`, 'E_FETCH'],
      [`${base}/hang`, 'E_FETCH'],
      ['http://127.0.0.1:1/', 'E_FETCH'],
    ]);
    expect(failures(items)[0]!.message).toMatch(/404/);
    expect(failures(items)[1]!.message).toMatch(/timed out/);
    expect(articles(items)).toHaveLength(1);
    expect(Date.now() - start).toBeLessThan(5000);
  });

  it('an oversized response → E_TOO_LARGE (Content-Length, and streamed without one)', async () => {
    const items = await collect(readSources([`${base}/big`, `${base}/big-chunked`], { maxBytes: 100_000 }));
    expect(failures(items).map((f) => f.code)).toEqual(['E_TOO_LARGE', 'E_TOO_LARGE']);
  });
});
