// http(s) URLs → bytes, with a timeout that covers the whole exchange and a size cap enforced
// while streaming (a Content-Length can lie or be missing).
import { MarsadError } from '../model/index.js';

export interface Fetched {
  bytes: Uint8Array;
  contentType: string | undefined;
  /** After redirects. */
  finalUrl: string;
}

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
}

export async function fetchBytes(url: string, opts: FetchOptions): Promise<Fetched> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, opts.timeoutMs);
  const onAbort = () => controller.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const failure = (e: unknown): MarsadError => {
    if (e instanceof MarsadError) return e;
    if (timedOut)
      return new MarsadError('E_FETCH', `${url}: timed out after ${opts.timeoutMs} ms`, {
        cause: e,
        input: url,
      });
    if (opts.signal?.aborted)
      return new MarsadError('E_FETCH', `${url}: cancelled`, { cause: e, input: url });
    const reason = (e as { cause?: { code?: string; message?: string } }).cause;
    const detail = reason?.code ?? reason?.message ?? (e as Error).message;
    return new MarsadError('E_FETCH', `${url}: unreachable (${detail})`, { cause: e, input: url });
  };
  try {
    const res = await fetch(url, {
      signal: controller.signal,
      redirect: 'follow',
      headers: {
        accept:
          'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5',
      },
    });
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      throw new MarsadError('E_FETCH', `${url}: HTTP ${res.status} ${res.statusText}`.trim(), { input: url });
    }
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > opts.maxBytes) {
      await res.body?.cancel().catch(() => {});
      throw new MarsadError(
        'E_TOO_LARGE',
        `${url}: ${declared} bytes is over the ${opts.maxBytes}-byte limit`,
        { input: url },
      );
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    if (res.body) {
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > opts.maxBytes) {
          await reader.cancel().catch(() => {});
          throw new MarsadError('E_TOO_LARGE', `${url}: response is over the ${opts.maxBytes}-byte limit`, {
            input: url,
          });
        }
        chunks.push(value);
      }
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.byteLength;
    }
    return { bytes, contentType: res.headers.get('content-type') ?? undefined, finalUrl: res.url || url };
  } catch (e) {
    throw failure(e);
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
}
