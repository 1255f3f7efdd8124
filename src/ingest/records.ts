// JSON records → articles: one object per JSONL line, or a .json file holding one object or an
// array of them. Fields: source|url, title, published|date, text|body|content or html.
import { MarsadError, toMarsadError } from '../model/index.js';
import { toIsoDate } from './dates.js';
import { finishArticle } from './finish.js';
import { htmlToArticle } from './html/article.js';
import type { IngestItem } from './types.js';

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

function httpUrl(v: unknown): string | null {
  const s = str(v);
  if (!s) return null;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** One record → an item. `ref` is `file#n`, used when the record names no source of its own. */
export function recordToItem(record: unknown, ref: string): IngestItem {
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    return fail(ref, 'E_JSONL', `${ref}: expected a JSON object`);
  }
  const r = record as Record<string, unknown>;
  const source = str(r.source) ?? str(r.url) ?? ref;
  const text = str(r.text) ?? str(r.body) ?? str(r.content);
  const html = str(r.html);
  // Failures name the line (file#n) so it can be found; the record's own source goes in the message.
  if (!text && !html) {
    const named = source === ref ? '' : ` (${source})`;
    return fail(ref, 'E_JSONL', `${ref}${named}: no "text" or "html" field`);
  }
  const warnings: string[] = [];
  const rawDate = r.published ?? r.date ?? r.published_at ?? r.datePublished;
  const published = toIsoDate(rawDate);
  if (rawDate != null && rawDate !== '' && !published)
    warnings.push(`unreadable published date: ${String(rawDate)}`);
  let url = httpUrl(r.url) ?? httpUrl(r.source);
  let title = str(r.title);
  let body = text ?? '';
  let htmlDate: string | null = null;
  if (!text && html) {
    try {
      const page = htmlToArticle(html, { source, url, fragment: !/<(html|head|body)\b/i.test(html) });
      body = page.body;
      title ??= page.title;
      htmlDate = page.published;
      url ??= page.url;
      warnings.push(...page.warnings);
    } catch (e) {
      return { ok: false, source, error: toMarsadError(e, 'E_HTML', source) };
    }
  }
  try {
    const article = finishArticle({
      source,
      kind: 'jsonl',
      title,
      published: published ?? htmlDate,
      url,
      body,
      // The record's text is already a string; no byte decoding belongs to it (model: null for JSON).
      encoding: null,
      warnings,
    });
    if (!article.body.trim()) return fail(source, 'E_EMPTY', `${ref}: empty text`);
    return { ok: true, article };
  } catch (e) {
    return { ok: false, source, error: toMarsadError(e, 'E_INTERNAL', source) };
  }
}

function fail(source: string, code: 'E_JSONL' | 'E_EMPTY', message: string): IngestItem {
  return { ok: false, source, error: new MarsadError(code, message, { input: source }) };
}

/** JSONL: one item per non-blank line; a bad line is a failure named `file#lineNo`, the rest go on. */
export function* jsonlItems(text: string, file: string): Generator<IngestItem> {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const ref = `${file}#${i + 1}`;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (e) {
      yield {
        ok: false,
        source: ref,
        error: new MarsadError('E_JSONL', `${ref}: invalid JSON: ${(e as Error).message}`, {
          cause: e,
          input: ref,
        }),
      };
      continue;
    }
    yield recordToItem(record, ref);
  }
}

/** A .json file: one article object, an array of them, or {"articles": […]}. */
export function* jsonItems(text: string, file: string): Generator<IngestItem> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    // Maybe it is JSONL under a .json name.
    if (text.trim().split('\n').length > 1) {
      yield* jsonlItems(text, file);
      return;
    }
    yield {
      ok: false,
      source: file,
      error: new MarsadError('E_JSONL', `${file}: invalid JSON: ${(e as Error).message}`, {
        cause: e,
        input: file,
      }),
    };
    return;
  }
  const list = Array.isArray(data)
    ? data
    : data && typeof data === 'object' && Array.isArray((data as { articles?: unknown }).articles)
      ? (data as { articles: unknown[] }).articles
      : null;
  if (!list) {
    yield recordToItem(data, file);
    return;
  }
  for (let i = 0; i < list.length; i++) yield recordToItem(list[i], `${file}#${i + 1}`);
}
