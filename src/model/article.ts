import { z } from 'zod';

/** How an article reached Marsad. */
export const SOURCE_KINDS = ['text', 'html', 'jsonl', 'feed', 'url', 'stdin'] as const;
export const SourceKind = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKind>;

/** ISO calendar date, YYYY-MM-DD. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/**
 * What ingest hands to the text layer: one article, decoded to a JS string, boilerplate removed,
 * with whatever metadata the container gave. `body` is plain text (never HTML).
 */
export const RawArticle = z.object({
  /** File path, URL or `<stdin>`, with `#n` for the n-th item of a JSONL file or feed. */
  source: z.string().min(1),
  kind: SourceKind,
  title: z.string().nullable(),
  /** Publication date (ISO) from metadata or from a date line in the text; null if none found. */
  published: IsoDate.nullable(),
  /** Canonical or fetched URL, when known. */
  url: z.string().nullable(),
  body: z.string(),
  /** The encoding the bytes were decoded from (`utf-8`, `windows-1256`, …); null for JSON input. */
  encoding: z.string().nullable(),
  /** Non-fatal remarks from ingest (boilerplate dropped, encoding guessed…). */
  warnings: z.array(z.string()).default([]),
});
export type RawArticle = z.infer<typeof RawArticle>;
