import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { errorBody } from './errors.js';

// With a token (required when the server listens beyond 127.0.0.1), every request needs it: an
// `Authorization: Bearer` header, the cookie set by a first `?token=` visit (the web app's first
// load, a download link), or `?token=` itself.

export const TOKEN_COOKIE = 'marsad_token';

/** Constant time, whatever the lengths: both sides are hashed to 32 bytes first. */
export function tokensMatch(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function bearer(header: string | undefined): string | null {
  const m = header ? /^Bearer\s+(.+)$/i.exec(header.trim()) : null;
  return m ? m[1]!.trim() : null;
}

export function requireToken(token: string): MiddlewareHandler {
  return async (c, next) => {
    const query = c.req.query('token');
    const candidates = [
      bearer(c.req.header('authorization')),
      getCookie(c, TOKEN_COOKIE) ?? null,
      query ?? null,
    ];
    // every candidate is compared, so the time taken does not tell which one was present
    let ok = false;
    for (const t of candidates) if (t !== null && tokensMatch(t, token)) ok = true;
    if (!ok) {
      c.header('WWW-Authenticate', 'Bearer realm="marsad"');
      if (c.req.path.startsWith('/api/') || c.req.path === '/api')
        return c.json(
          errorBody('E_UNAUTHORIZED', 'a valid token is required (Authorization: Bearer …)'),
          401,
        );
      return c.html(
        '<!doctype html><html lang="en"><meta charset="utf-8"><title>Marsad</title><p>This Marsad server needs its access token: open it as <code>/?token=…</code>.</p></html>',
        401,
      );
    }
    if (query !== undefined && tokensMatch(query, token))
      setCookie(c, TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/' });
    await next();
  };
}
