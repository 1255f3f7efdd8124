// Decoded text or raw bytes → items, whatever the format. Files, stdin, URLs and the programmatic
// API all come through here, so a format behaves the same wherever it came from.
import { MarsadError, type RawArticle, type SourceKind, toMarsadError } from '../model/index.js';
import { decodeBytes } from './decode.js';
import { feedItems } from './feed.js';
import { finishArticle } from './finish.js';
import { detectFormat, formatFromContentType, type InputFormat, sniffFormat } from './format.js';
import { htmlToArticle } from './html/article.js';
import { jsonItems, jsonlItems } from './records.js';
import { DEFAULT_MAX_BYTES, type IngestItem } from './types.js';

export interface TextContext {
  /** File path, URL or "<stdin>". */
  source: string;
  /** Forced format; otherwise detected from the source name and the content. */
  format?: InputFormat;
  /** Kind for a single article; default 'text' / 'html' by format ('stdin', 'url' for those). */
  kind?: SourceKind;
  /** Where the text came from, when it is a URL. */
  url?: string | null;
  encoding?: string | null;
  warnings?: string[];
  contentType?: string;
}

export interface BytesContext extends Omit<TextContext, 'encoding' | 'warnings'> {
  maxBytes?: number;
}

function fail(
  source: string,
  e: unknown,
  code: 'E_INTERNAL' | 'E_HTML' | 'E_ENCODING' = 'E_INTERNAL',
): IngestItem {
  return { ok: false, source, error: toMarsadError(e, code, source) };
}

/** One format decision for text from a URL: Content-Type first, but a feed served as text/html is a feed. */
export function chooseFormat(ctx: TextContext, text: string): InputFormat {
  if (ctx.format) return ctx.format;
  if (ctx.kind === 'url') {
    const byType = formatFromContentType(ctx.contentType);
    const sniffed = sniffFormat(text);
    if (byType && !(sniffed === 'feed' && byType !== 'feed')) return byType;
    return detectFormat(new URL(ctx.source).pathname, text);
  }
  return detectFormat(ctx.source, text, ctx.contentType);
}

export function* itemsFromText(text: string, ctx: TextContext): Generator<IngestItem> {
  const format = chooseFormat(ctx, text);
  const encoding = ctx.encoding ?? null;
  const warnings = ctx.warnings ?? [];
  if (format === 'feed') {
    yield* feedItems(text, ctx.source, encoding);
    return;
  }
  if (format === 'jsonl') {
    yield* jsonlItems(text, ctx.source);
    return;
  }
  if (format === 'json') {
    yield* jsonItems(text, ctx.source);
    return;
  }
  try {
    if (format === 'html') {
      const page = htmlToArticle(text, { source: ctx.source, url: ctx.url ?? null });
      yield {
        ok: true,
        article: finishArticle({
          source: ctx.source,
          kind: ctx.kind ?? 'html',
          title: page.title,
          published: page.published,
          url: page.url,
          body: page.body,
          encoding,
          warnings: [...warnings, ...page.warnings],
        }),
      };
      return;
    }
    // Plain text: no title (the headline stays the first line of the body), the body whole.
    yield {
      ok: true,
      article: finishArticle({
        source: ctx.source,
        kind: ctx.kind ?? 'text',
        title: null,
        published: null,
        url: ctx.url ?? null,
        body: text,
        encoding,
        warnings,
      }),
    };
  } catch (e) {
    yield fail(ctx.source, e, format === 'html' ? 'E_HTML' : 'E_INTERNAL');
  }
}

export function checkSize(size: number, maxBytes: number, source: string): void {
  if (size > maxBytes) {
    throw new MarsadError('E_TOO_LARGE', `${source}: ${size} bytes is over the ${maxBytes}-byte limit`, {
      input: source,
    });
  }
}

export function* itemsFromBytes(bytes: Uint8Array, ctx: BytesContext): Generator<IngestItem> {
  let decoded: ReturnType<typeof decodeBytes>;
  try {
    checkSize(bytes.length, ctx.maxBytes ?? DEFAULT_MAX_BYTES, ctx.source);
    decoded = decodeBytes(bytes, {
      source: ctx.source,
      ...(ctx.contentType ? { contentType: ctx.contentType } : {}),
    });
  } catch (e) {
    yield fail(ctx.source, e, 'E_ENCODING');
    return;
  }
  yield* itemsFromText(decoded.text, { ...ctx, encoding: decoded.encoding, warnings: decoded.warnings });
}

// ---- programmatic API ----

export interface ReadStringOptions {
  source: string;
  format?: InputFormat;
  url?: string | null;
}

export interface ReadBytesOptions extends ReadStringOptions {
  contentType?: string;
  maxBytes?: number;
}

function single(items: IngestItem[], source: string): RawArticle {
  if (items.length !== 1) {
    throw new MarsadError('E_USAGE', `${source}: holds ${items.length} articles; use readItemsFrom…`, {
      input: source,
    });
  }
  const item = items[0]!;
  if (!item.ok) throw item.error;
  return item.article;
}

/** Every item of a string in any format (JSONL, feed… yield several). Never throws for bad input. */
export function readItemsFromString(content: string, opts: ReadStringOptions): IngestItem[] {
  const ctx: TextContext = {
    source: opts.source,
    ...(opts.format ? { format: opts.format } : {}),
    url: opts.url ?? null,
  };
  if (!content.trim()) {
    return [
      {
        ok: false,
        source: opts.source,
        error: new MarsadError('E_EMPTY', `${opts.source}: no text`, { input: opts.source }),
      },
    ];
  }
  return [...itemsFromText(content, ctx)];
}

/** Every item of a byte buffer in any format: decoded as a file would be. Never throws for bad input. */
export function readItemsFromBytes(bytes: Uint8Array, opts: ReadBytesOptions): IngestItem[] {
  return [
    ...itemsFromBytes(bytes, {
      source: opts.source,
      ...(opts.format ? { format: opts.format } : {}),
      ...(opts.contentType ? { contentType: opts.contentType } : {}),
      ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}),
      url: opts.url ?? null,
    }),
  ];
}

/** One article from a string (text or HTML). Throws MarsadError; E_USAGE if it holds several. */
export function readArticleFromString(content: string, opts: ReadStringOptions): RawArticle {
  return single(readItemsFromString(content, opts), opts.source);
}

/** One article from bytes (any encoding). Throws MarsadError; E_USAGE if it holds several. */
export function readArticleFromBytes(bytes: Uint8Array, opts: ReadBytesOptions): RawArticle {
  return single(readItemsFromBytes(bytes, opts), opts.source);
}
