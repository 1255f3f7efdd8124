import { useEffect, useState } from 'preact/hooks';

// Hash routes: #/search, #/doc/:id?s=start-end, #/entity/:id, #/graph, #/timeline, #/map,
// #/claims, #/ingest. The hash keeps the server out of routing and survives a reload.

export interface Route {
  /** Decoded path segments: ['doc', 'sha256:…']. */
  parts: string[];
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const parts = path
    .split('/')
    .filter((p) => p !== '')
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  return { parts, query };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

function withQuery(path: string, query?: Record<string, string | number | undefined | null>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

export const href = {
  search: (query?: Record<string, string | number | undefined>) => withQuery('#/search', query),
  /** A document, optionally scrolled to and highlighting [start, end). */
  doc: (id: string, span?: { start: number; end: number }) =>
    withQuery(`#/doc/${encodeURIComponent(id)}`, span ? { s: `${span.start}-${span.end}` } : undefined),
  entity: (id: string) => `#/entity/${encodeURIComponent(id)}`,
  graph: (query?: Record<string, string | undefined>) => withQuery('#/graph', query),
  timeline: (query?: Record<string, string | undefined>) => withQuery('#/timeline', query),
  map: () => '#/map',
  claims: () => '#/claims',
  ingest: () => '#/ingest',
};

/** `?s=120-180` → { start: 120, end: 180 }, or null when absent or malformed. */
export function parseSpan(value: string | null): { start: number; end: number } | null {
  const m = value ? /^(\d+)-(\d+)$/.exec(value) : null;
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return end >= start ? { start, end } : null;
}

export function setQuery(route: Route, changes: Record<string, string | undefined>): void {
  const query = new URLSearchParams(route.query);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === '') query.delete(k);
    else query.set(k, v);
  }
  const path = `#/${route.parts.map(encodeURIComponent).join('/')}`;
  const s = query.toString();
  location.hash = s ? `${path}?${s}` : path;
}
