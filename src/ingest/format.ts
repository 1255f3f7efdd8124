// Which reader a file needs. The extension decides when it is one we know; otherwise (no extension,
// stdin, a URL with a vague Content-Type) the first bytes of the text do.
import { extname } from 'node:path';

export const INPUT_FORMATS = ['text', 'html', 'jsonl', 'json', 'feed'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

const BY_EXTENSION: Record<string, InputFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
  '.markdown': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'json',
  '.xml': 'feed',
  '.rss': 'feed',
  '.atom': 'feed',
};

export function formatFromExtension(name: string): InputFormat | null {
  // A URL's path may carry the extension: https://x/feed.xml?x=1.
  const path = name.replace(/[?#].*$/, '');
  return BY_EXTENSION[extname(path).toLowerCase()] ?? null;
}

/** From an HTTP Content-Type; null for types that say nothing useful (octet-stream, missing). */
export function formatFromContentType(contentType: string | undefined): InputFormat | null {
  if (!contentType) return null;
  const t = contentType.split(';')[0]!.trim().toLowerCase();
  if (t === 'text/html' || t === 'application/xhtml+xml') return 'html';
  if (t === 'application/rss+xml' || t === 'application/atom+xml' || t === 'application/rdf+xml')
    return 'feed';
  if (t === 'application/xml' || t === 'text/xml') return 'feed';
  if (t === 'application/x-ndjson' || t === 'application/jsonl' || t === 'application/x-jsonlines')
    return 'jsonl';
  if (t === 'application/json' || t.endsWith('+json')) return 'json';
  if (t === 'text/plain' || t === 'text/markdown') return 'text';
  return null;
}

/** Guess from content: <!doctype html>/<html> → html, <?xml…<rss|<feed → feed, {…}\n{…} → jsonl. */
export function sniffFormat(text: string): InputFormat {
  const head = text
    .slice(0, 4096)
    .replace(/^\ufeff/, '')
    .trimStart();
  const lower = head.toLowerCase();
  if (/^<\?xml\b/.test(lower) || /^<(rss|feed|rdf:rdf)\b/.test(lower)) {
    // An XHTML page also starts with <?xml: only a feed root makes it a feed.
    if (/<(rss|feed|rdf:rdf)\b/.test(lower)) return 'feed';
    if (/<html\b/.test(lower)) return 'html';
    return 'feed';
  }
  if (
    /^<!doctype\s+html\b/.test(lower) ||
    /^<html\b/.test(lower) ||
    /^(<!--[\s\S]*?-->\s*)+<(!doctype|html)/.test(lower)
  ) {
    return 'html';
  }
  if (head.startsWith('[')) return 'json';
  if (head.startsWith('{')) {
    // Several lines that each start with "{" → JSONL; one (pretty-printed) object → JSON.
    const lines = text.split('\n').filter((l) => l.trim());
    const objectLines = lines.filter((l) => l.trimStart().startsWith('{')).length;
    return lines.length > 1 && objectLines === lines.length ? 'jsonl' : lines.length === 1 ? 'jsonl' : 'json';
  }
  // A fragment with block tags but no <html>: still markup, read it as HTML.
  if (/^<(div|p|article|section|body|head|meta|title)\b/.test(lower)) return 'html';
  return 'text';
}

/** Extension (or explicit format) first, then Content-Type, then content. */
export function detectFormat(name: string, text: string, contentType?: string): InputFormat {
  return formatFromExtension(name) ?? formatFromContentType(contentType) ?? sniffFormat(text);
}
