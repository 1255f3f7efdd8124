import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Context } from 'hono';

// The built web app: every non-/api GET is a file under the web directory, else index.html (the
// app routes on the client). Nothing outside the directory is ever served: the decoded path is
// resolved and must stay inside it, symbolic links included.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export const MISSING_WEB_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Marsad</title></head>
<body><h1>Marsad (مرصد)</h1>
<p>The web app is not built yet. Run <code>npm run build:web</code>, then reload this page.</p>
<p>The HTTP API is up: see <a href="/api/docs">/api/docs</a>.</p></body></html>
`;

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The file under `root` a URL path names, or null when it names none (or would leave `root`). */
export async function resolveWebFile(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const candidate = resolve(base, `.${sep}${decoded.replace(/^[/\\]+/, '')}`);
  if (candidate !== base && !candidate.startsWith(base + sep)) return null;
  if (!(await isFile(candidate))) return null;
  // a link inside the directory pointing outside it is refused too
  const [realBase, real] = await Promise.all([realpath(base), realpath(candidate)]);
  if (real !== realBase && !real.startsWith(realBase + sep)) return null;
  return real;
}

export async function webDirExists(root: string): Promise<boolean> {
  return isFile(join(root, 'index.html'));
}

export async function serveWeb(c: Context, root: string): Promise<Response> {
  if (!(await webDirExists(root))) return c.html(MISSING_WEB_PAGE, 200);
  const file = (await resolveWebFile(root, c.req.path)) ?? (await resolveWebFile(root, '/index.html'));
  if (!file) return c.text('not found', 404);
  const body = await readFile(file);
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  // hashed assets can be cached for long; index.html must be fresh so a rebuild shows at once
  const immutable = /[/\\]assets[/\\]/.test(file);
  return c.body(body, 200, {
    'Content-Type': type,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
}
