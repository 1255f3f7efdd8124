import { type ChildProcess, spawn } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP, createApi, httpStatusFor, tokensMatch } from '../../src/api/index.js';
import { serverSettings } from '../../src/cli/serve.js';
import type { Store } from '../../src/store/index.js';
import { tempDir } from '../helpers/cli.js';
import { makeDoc } from '../store/fixtures.js';
import { type Fixture, makeFixture, SETTINGS } from './helpers.js';

// Auth, headers, the static web directory, internal errors and the serve command's refusals.
// The store holds one hand-made document: none of this needs the analysis pipeline.

const TOKEN = 'correct-horse-battery';
let open: Fixture;
let locked: Fixture;

beforeAll(async () => {
  open = await makeFixture({ ingest: false });
  await open.store.putDocuments([
    makeDoc({
      source: 'files/a.txt',
      body: 'عقد وزراء الخارجية اجتماعا في القاهرة.',
      published: '2024-03-10',
    }),
  ]);
  symlinkSync(join(open.dir, 'secret.txt'), join(open.webDir, 'linked.txt'));
  locked = await makeFixture({ ingest: false, api: { token: TOKEN } });
});
afterAll(async () => {
  await open.close();
  await locked.close();
});

describe('access token', () => {
  it('without a token configured, no auth is asked', async () => {
    expect((await open.get('/api/health')).status).toBe(200);
  });

  it('with a token: 401 without it or with a wrong one, on the API and the web app', async () => {
    for (const path of [
      '/api/health',
      '/api/documents',
      '/api/openapi.json',
      '/api/docs',
      '/',
      '/assets/app.js',
    ]) {
      const res = await locked.get(path);
      expect(res.status, path).toBe(401);
    }
    const wrong = await locked.get('/api/health', { headers: { authorization: 'Bearer nope-nope-nope' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { code: 'E_UNAUTHORIZED' } });
    const prefix = await locked.get('/api/health', {
      headers: { authorization: `Bearer ${TOKEN.slice(0, -1)}` },
    });
    expect(prefix.status).toBe(401);
  });

  it('accepts the bearer header, ?token= (which sets an HttpOnly SameSite=Strict cookie) and the cookie', async () => {
    const bearer = await locked.get('/api/health', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(bearer.status).toBe(200);
    const first = await locked.get(`/?token=${TOKEN}`);
    expect(first.status).toBe(200);
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^marsad_token=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const withCookie = await locked.get('/api/documents', { headers: { cookie: cookie.split(';')[0]! } });
    expect(withCookie.status).toBe(200);
    const download = await locked.get(`/api/export?format=jsonl&token=${TOKEN}`);
    expect(download.status).toBe(200);
  });

  it('the spec of a locked server declares the bearer token', async () => {
    const res = await locked.get('/api/openapi.json', { headers: { authorization: `Bearer ${TOKEN}` } });
    const spec = (await res.json()) as { security?: unknown; components: { securitySchemes?: object } };
    expect(spec.security).toEqual([{ token: [] }]);
    expect(spec.components.securitySchemes).toMatchObject({ token: { type: 'http', scheme: 'bearer' } });
  });

  it('compares tokens whatever their lengths', () => {
    expect(tokensMatch(TOKEN, TOKEN)).toBe(true);
    expect(tokensMatch('', TOKEN)).toBe(false);
    expect(tokensMatch(`${TOKEN}x`, TOKEN)).toBe(false);
  });
});

describe('other sites', () => {
  it('without a token, answers loopback host names only (DNS rebinding)', async () => {
    const evil = await open.get('/api/documents', { headers: { host: 'evil.example:4317' } });
    expect(evil.status).toBe(403);
    expect(await evil.json()).toMatchObject({ error: { code: 'E_FORBIDDEN' } });
    for (const host of ['127.0.0.1:4317', 'localhost:4317', '[::1]:4317'])
      expect((await open.get('/api/health', { headers: { host } })).status, host).toBe(200);
    // with a token the token decides
    const named = await locked.get('/api/health', {
      headers: { host: 'marsad.lan:4317', authorization: `Bearer ${TOKEN}` },
    });
    expect(named.status).toBe(200);
  });

  it('refuses a write posted from another site, allows this one and a local dev server', async () => {
    const form = () => {
      const fd = new FormData();
      fd.append('file', new Blob(['نص قصير عن النيجر.']), 'a.txt');
      return fd;
    };
    const post = (headers: Record<string, string>) =>
      open.get('/api/ingest', { method: 'POST', body: form(), headers });
    expect((await post({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ origin: 'null' })).status).toBe(403);
    expect((await post({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post({ origin: 'http://localhost' })).status).toBe(202);
    expect((await post({ origin: 'http://localhost:5173', 'sec-fetch-site': 'same-site' })).status).toBe(202);
    // reading is not a write: a GET with a foreign Origin is still answered (CORS keeps the body from it)
    expect((await open.get('/api/health', { headers: { origin: 'https://evil.example' } })).status).toBe(200);
  });
});

describe('headers', () => {
  it('HTML carries the CSP; every response nosniff', async () => {
    for (const path of ['/', '/api/docs', '/reader/abc']) {
      const res = await open.get(path);
      expect(res.headers.get('content-security-policy'), path).toBe(CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const json = await open.get('/api/nope');
    expect(json.headers.get('x-content-type-options')).toBe('nosniff');
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).toContain("frame-ancestors 'none'");
  });
});

describe('static web app', () => {
  it('serves files, and index.html for client routes', async () => {
    const js = await open.get('/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await js.text()).toContain('marsad');
    const route = await open.get('/entities/ent-mali');
    expect(await route.text()).toContain('marsad test app');
  });

  it('never serves a file outside the web directory', async () => {
    for (const path of [
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/....//secret.txt',
      '/%252e%252e%252fsecret.txt',
      `/${encodeURIComponent(join(open.dir, 'secret.txt'))}`,
      '/linked.txt',
      '/index.html%00.js',
    ]) {
      const res = await open.get(path);
      const text = await res.text();
      expect(text, path).not.toContain('TOP SECRET');
    }
  });

  it('without a built web app, / says how to build it', async () => {
    const api = createApi({
      store: open.store,
      settings: SETTINGS,
      webDir: join(open.dir, 'no-such-dir'),
      uploadDir: join(open.dir, 'uploads'),
    });
    const res = await api.app.request('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('npm run build:web');
  });
});

describe('errors', () => {
  it('an internal failure is a 500 with a generic message; the log gets the detail', async () => {
    const logged: string[] = [];
    const broken = new Proxy(open.store, {
      get(target, prop, receiver) {
        if (prop === 'listDocuments')
          return async () => {
            throw new Error('SQLITE_CORRUPT at /secret/path');
          };
        return Reflect.get(target, prop, receiver);
      },
    }) as Store;
    const api = createApi({
      store: broken,
      settings: SETTINGS,
      webDir: open.webDir,
      uploadDir: join(open.dir, 'uploads'),
      log: (m) => logged.push(m),
    });
    const res = await api.app.request('/api/documents');
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('E_INTERNAL');
    expect(body.error.message).not.toContain('secret');
    expect(logged.join('\n')).toContain('SQLITE_CORRUPT');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('a download the client abandons does not leave the export job waiting forever', async () => {
    const long = (n: number) =>
      makeDoc({ source: `files/long-${n}.txt`, body: `${'نص طويل جدا '.repeat(3000)}${n}` });
    await open.store.putDocuments([long(1), long(2), long(3)]);
    let ended = false;
    const watched = new Proxy(open.store, {
      get(target, prop, receiver) {
        if (prop === 'iterateDocuments')
          return async function* (batch?: number) {
            try {
              yield* target.iterateDocuments(batch);
            } finally {
              ended = true;
            }
          };
        return Reflect.get(target, prop, receiver);
      },
    }) as Store;
    const api = createApi({ store: watched, settings: SETTINGS, webDir: open.webDir, uploadDir: open.dir });
    const res = await api.app.request('/api/export?format=jsonl');
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel();
    await expect.poll(() => ended, { timeout: 3000 }).toBe(true);
  });

  it('maps error codes to statuses', () => {
    expect(httpStatusFor('E_USAGE')).toBe(400);
    expect(httpStatusFor('E_NOT_FOUND')).toBe(404);
    expect(httpStatusFor('E_TOO_LARGE')).toBe(413);
    expect(httpStatusFor('E_STORE')).toBe(500);
  });
});

const BIN = fileURLToPath(new URL('../../bin/marsad.js', import.meta.url));

/** Run marsad in the background (the two serve tests overlap: each start costs seconds). */
function marsadAsync(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, MARSAD_TOKEN: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('exit', (status) => resolve({ status, stderr }));
  });
}

describe('marsad serve', () => {
  let refusal: Promise<{ status: number | null; stderr: string }>;
  beforeAll(() => {
    refusal = marsadAsync(['serve', '--host', '0.0.0.0', '--db', join(tempDir(), 'm.db')]);
  });

  it('checks the port and the token before opening anything', () => {
    expect(() => serverSettings({ port: 'eighty' }, {})).toThrow(/--port/);
    expect(() => serverSettings({ port: '70000' }, {})).toThrow(/--port/);
    expect(() => serverSettings({ host: '0.0.0.0', token: 'short' }, {})).toThrow(/at least 8/);
    expect(serverSettings({ host: '0.0.0.0' }, { MARSAD_TOKEN: TOKEN })).toMatchObject({
      host: '0.0.0.0',
      token: TOKEN,
    });
    expect(serverSettings({}, {})).toMatchObject({ host: '127.0.0.1', port: 4317, token: undefined });
  });

  it('prints its URL and whether the web app is built, answers, and stops on SIGTERM', async () => {
    const dir = tempDir();
    const child: ChildProcess = spawn(
      process.execPath,
      [BIN, 'serve', '--port', '0', '--web', join(dir, 'none'), '--db', join(dir, 'm.db')],
      { env: { ...process.env, MARSAD_TOKEN: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 30_000);
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (m && out.includes('web app')) {
          clearTimeout(timer);
          resolve(m[0]);
        }
      });
    });
    expect(out).toContain('not built');
    const res = await fetch(`${url}api/health`);
    expect(await res.json()).toMatchObject({ ok: true, documents: 0 });
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', (c) => resolve(c));
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
  }, 40_000);

  it('refuses another host without a token (exit 2)', async () => {
    const r = await refusal;
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--token');
    expect(r.stderr).toContain('MARSAD_TOKEN');
  }, 30_000);
});
