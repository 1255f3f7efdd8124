// The batch entry point: paths, directories, "-" and URLs → a stream of items. It never throws
// for a bad input; every failure is an item naming its input and the batch goes on.
import type { Dirent } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MarsadError, toMarsadError } from '../model/index.js';
import { fetchBytes } from './fetch.js';
import { formatFromExtension } from './format.js';
import { checkSize, itemsFromBytes } from './parse.js';
import { DEFAULT_FETCH_TIMEOUT_MS, DEFAULT_MAX_BYTES, type IngestItem, type IngestOptions } from './types.js';

/** Extensions that are never articles: skipped inside directories (given explicitly, still read). */
const SKIP_IN_DIRECTORIES = new Set(
  (
    '.png .jpg .jpeg .gif .webp .bmp .ico .tif .tiff .heic .svg .psd ' +
    '.zip .gz .tgz .bz2 .xz .7z .rar .tar .pdf .doc .docx .xls .xlsx .ppt .pptx .odt .epub ' +
    '.mp3 .mp4 .m4a .wav .ogg .webm .mov .avi .mkv .woff .woff2 .ttf .otf .eot ' +
    '.exe .dll .so .dylib .bin .class .jar .pyc .o .a .wasm .db .sqlite .sqlite3 .db-wal .db-shm .db-journal .lock .css .js .map'
  ).split(' '),
);

const isUrl = (s: string) => /^https?:\/\//i.test(s);

function failure(source: string, e: unknown, code: 'E_IO' | 'E_FETCH' | 'E_INTERNAL' = 'E_IO'): IngestItem {
  return { ok: false, source, error: toMarsadError(e, code, source) };
}

async function readFileCapped(path: string, maxBytes: number): Promise<Uint8Array> {
  // Check the size first: a 50 MB file is refused without reading it.
  const info = await stat(path);
  checkSize(info.size, maxBytes, path);
  const handle = await open(path, 'r');
  try {
    const buf = await handle.readFile();
    checkSize(buf.length, maxBytes, path); // the file may have grown since stat
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } finally {
    await handle.close();
  }
}

function fsError(path: string, e: unknown): MarsadError {
  if (e instanceof MarsadError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new MarsadError('E_NOT_FOUND', `${path}: no such file or directory`, { cause: e, input: path });
  }
  return new MarsadError('E_IO', `${path}: ${(e as Error).message}`, { cause: e, input: path });
}

async function* fileItems(path: string, maxBytes: number): AsyncGenerator<IngestItem> {
  let bytes: Uint8Array;
  try {
    bytes = await readFileCapped(path, maxBytes);
  } catch (e) {
    yield { ok: false, source: path, error: fsError(path, e) };
    return;
  }
  const format = formatFromExtension(path);
  yield* itemsFromBytes(bytes, { source: path, maxBytes, ...(format ? { format } : {}) });
}

/** Files under `dir`, depth first, sorted by name; hidden entries and non-article types skipped. */
async function* walk(dir: string): AsyncGenerator<{ path: string } | { path: string; error: MarsadError }> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    yield { path: dir, error: fsError(dir, e) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    // Symlinked directories are not followed (a link to ".." would loop); symlinked files are read.
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile() || entry.isSymbolicLink()) {
      const ext = entry.name.includes('.') ? entry.name.slice(entry.name.lastIndexOf('.')).toLowerCase() : '';
      if (SKIP_IN_DIRECTORIES.has(ext)) continue;
      if (entry.isSymbolicLink()) {
        const info = await stat(path).catch(() => null);
        if (!info?.isFile()) continue;
      }
      yield { path };
    }
  }
}

async function readStream(
  stream: NodeJS.ReadableStream,
  maxBytes: number,
  source: string,
): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    total += b.length;
    checkSize(total, maxBytes, source);
    chunks.push(b);
  }
  const all = Buffer.concat(chunks);
  return new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
}

async function* urlItems(
  url: string,
  options: Required<Pick<IngestOptions, 'maxBytes' | 'fetchTimeoutMs'>> & IngestOptions,
): AsyncGenerator<IngestItem> {
  let fetched: Awaited<ReturnType<typeof fetchBytes>>;
  try {
    fetched = await fetchBytes(url, {
      timeoutMs: options.fetchTimeoutMs,
      maxBytes: options.maxBytes,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (e) {
    yield failure(url, e, 'E_FETCH');
    return;
  }
  yield* itemsFromBytes(fetched.bytes, {
    source: url,
    kind: 'url',
    url: fetched.finalUrl,
    maxBytes: options.maxBytes,
    ...(fetched.contentType ? { contentType: fetched.contentType } : {}),
  });
}

/**
 * Read every input: a file path, a directory (recursively), "-" for stdin, or an http(s) URL.
 * Yields one item per article (a JSONL file or feed yields many) and one per failure.
 */
export async function* readSources(
  inputs: string[],
  options: IngestOptions = {},
): AsyncGenerator<IngestItem> {
  const opts = {
    ...options,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    fetchTimeoutMs: options.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS,
  };
  for (const input of inputs) {
    if (opts.signal?.aborted) return;
    try {
      if (input === '-') {
        const stream = opts.stdin ?? process.stdin;
        let bytes: Uint8Array;
        try {
          bytes = await readStream(stream, opts.maxBytes, '<stdin>');
        } catch (e) {
          yield failure('<stdin>', e);
          continue;
        }
        yield* itemsFromBytes(bytes, { source: '<stdin>', kind: 'stdin', maxBytes: opts.maxBytes });
        continue;
      }
      if (isUrl(input)) {
        yield* urlItems(input, opts);
        continue;
      }
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input) && !/^file:\/\//i.test(input)) {
        yield failure(
          input,
          new MarsadError('E_USAGE', `${input}: only http(s) URLs, files, directories and - are read`, {
            input,
          }),
        );
        continue;
      }
      const path = /^file:\/\//i.test(input) ? fileURLToPath(input) : input;
      let info: Awaited<ReturnType<typeof stat>>;
      try {
        info = await stat(path);
      } catch (e) {
        yield { ok: false, source: input, error: fsError(input, e) };
        continue;
      }
      if (info.isDirectory()) {
        for await (const entry of walk(path)) {
          if (opts.signal?.aborted) return;
          if ('error' in entry) yield { ok: false, source: entry.path, error: entry.error };
          else yield* fileItems(entry.path, opts.maxBytes);
        }
      } else {
        yield* fileItems(path, opts.maxBytes);
      }
    } catch (e) {
      // Anything unforeseen is still a per-input failure, never the end of the batch.
      yield failure(input, e, 'E_INTERNAL');
    }
  }
}
