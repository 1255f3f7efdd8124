import type { MiddlewareHandler } from 'hono';
import { errorBody } from './errors.js';

// Without a token the server trusts anyone who can reach 127.0.0.1 — which includes web pages the
// user opens elsewhere. Two guards keep those out:
//  - DNS rebinding: a page served from evil.example whose name later resolves to 127.0.0.1 sends
//    `Host: evil.example`; only loopback host names are answered (with a token this is not needed).
//  - cross-site writes: a form on another site can POST multipart to /api/ingest without a CORS
//    preflight; a write whose Origin is another site (not this server, not a loopback dev server)
//    is refused.

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const SAFE = /^(GET|HEAD|OPTIONS)$/;

export function hostnameOf(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.replace(/:\d+$/, '');
}

function loopbackOrigin(origin: string): boolean {
  try {
    return LOOPBACK_HOSTS.has(new URL(origin).hostname);
  } catch {
    return false;
  }
}

export function originGuard(options: { loopbackOnly: boolean }): MiddlewareHandler {
  return async (c, next) => {
    if (options.loopbackOnly) {
      const host = c.req.header('host');
      if (host && !LOOPBACK_HOSTS.has(hostnameOf(host)))
        return c.json(
          errorBody('E_FORBIDDEN', `Host ${host} is not this server (loopback only without a token)`),
          403,
        );
    }
    if (!SAFE.test(c.req.method)) {
      const origin = c.req.header('origin');
      const own = new URL(c.req.url).origin;
      if (origin && origin !== 'null' && origin !== own && !loopbackOrigin(origin))
        return c.json(errorBody('E_FORBIDDEN', `a write from ${origin} is not allowed`), 403);
      if (origin === 'null' || c.req.header('sec-fetch-site') === 'cross-site')
        return c.json(errorBody('E_FORBIDDEN', 'a cross-site write is not allowed'), 403);
    }
    await next();
  };
}
