import { z } from 'zod';

/** A half-open [start, end) range of UTF-16 code units in a document's cleaned text. */
export const Span = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((s) => s.end >= s.start, 'span end before start');
export type Span = z.infer<typeof Span>;
