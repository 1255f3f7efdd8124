// The typed client of the HTTP API: one function per route. Errors from the server
// ({ error: { code, message } }) become an ApiError carrying its message.
import type {
  AggregatedRelation,
  ClaimGroup,
  CorpusEvent,
  DocumentResponse,
  DocumentSummary,
  EntityResponse,
  EntitySummary,
  GraphResponse,
  Health,
  JobResponse,
  MapResponse,
  Page,
  SearchHit,
  TimelineItem,
} from './types.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Params = Record<string, string | number | boolean | undefined | null>;

export interface Paging {
  limit?: number;
  offset?: number;
}

function url(path: string, params?: Params): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) {
    if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  }
  const s = search.toString();
  return s ? `${path}?${s}` : path;
}

function errorOf(status: number, body: unknown): ApiError {
  const err = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const code = typeof err?.code === 'string' ? err.code : `HTTP_${status}`;
  const message = typeof err?.message === 'string' ? err.message : `HTTP ${status}`;
  return new ApiError(status, code, message);
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(init?.headers ?? {}) },
    });
  } catch (e) {
    throw new ApiError(0, 'E_NETWORK', e instanceof Error ? e.message : String(e));
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw errorOf(res.status, body);
  if (body === null) throw new ApiError(res.status, 'E_RESPONSE', `${path}: not JSON`);
  return body as T;
}

const enc = encodeURIComponent;

export const api = {
  health: () => request<Health>('/api/health'),

  documents: (p: Paging = {}) => request<Page<DocumentSummary>>(url('/api/documents', { ...p })),
  document: (id: string) => request<DocumentResponse>(`/api/documents/${enc(id)}`),

  search: (q: { q: string; from?: string; to?: string; source?: string } & Paging) =>
    request<Page<SearchHit>>(url('/api/search', { ...q })),

  entities: (q: { q?: string; type?: string; kind?: string } & Paging = {}) =>
    request<Page<EntitySummary>>(url('/api/entities', { ...q })),
  entity: (ref: string) => request<EntityResponse>(`/api/entities/${enc(ref)}`),

  events: (q: { type?: string; from?: string; to?: string; actor?: string; place?: string } & Paging = {}) =>
    request<Page<CorpusEvent>>(url('/api/events', { ...q })),

  claims: (q: { contested?: boolean; speaker?: string; q?: string } & Paging = {}) =>
    request<Page<ClaimGroup>>(url('/api/claims', { ...q })),

  relations: (q: { type?: string; entity?: string } & Paging = {}) =>
    request<Page<AggregatedRelation>>(url('/api/relations', { ...q })),

  graph: (q: { types?: string[]; from?: string; to?: string; minConfidence?: number } = {}) =>
    request<GraphResponse>(
      url('/api/graph', {
        types: q.types && q.types.length > 0 ? q.types.join(',') : undefined,
        from: q.from,
        to: q.to,
        min_confidence: q.minConfidence,
      }),
    ),

  timeline: (q: { from?: string; to?: string; type?: string } & Paging = {}) =>
    request<Page<TimelineItem>>(url('/api/timeline', { ...q })),

  map: () => request<MapResponse>('/api/map'),

  ingestFiles: (files: readonly File[]) => {
    const form = new FormData();
    for (const f of files) form.append('file', f, f.name);
    return request<JobResponse>('/api/ingest', { method: 'POST', body: form });
  },
  ingestText: (body: { text: string; title?: string; source?: string; published?: string }) =>
    request<JobResponse>('/api/ingest', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }),
  ingestUrl: (u: string) =>
    request<JobResponse>('/api/ingest', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: u }),
    }),
  job: (id: string) => request<JobResponse>(`/api/jobs/${enc(id)}`),

  exportUrl: (format: 'jsonl' | 'acled' | 'gexf' | 'graphml' | 'csv' | 'ftm') =>
    url('/api/export', { format }),
};

/** Every page of a paginated list (the server caps a page at 500). */
export async function all<T>(
  fetchPage: (p: Paging) => Promise<Page<T>>,
  max = 5000,
): Promise<{ total: number; items: T[] }> {
  const items: T[] = [];
  let total = 0;
  for (let offset = 0; offset < max; ) {
    const page = await fetchPage({ limit: 500, offset });
    total = page.total;
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) break;
    offset += page.items.length;
  }
  return { total, items };
}
