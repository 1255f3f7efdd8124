import { z } from '@hono/zod-openapi';
import type { Page } from './contract.js';

// Query parameters shared by the routes. Every value arrives as a string; a bad one is a 400 that
// names it (the app's validation hook), never a 500.

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

export const Pagination = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_LIMIT)
    .default(DEFAULT_LIMIT)
    .openapi({ description: `items per page (1–${MAX_LIMIT}, default ${DEFAULT_LIMIT})` }),
  offset: z.coerce.number().int().min(0).default(0).openapi({ description: 'items skipped' }),
});

/** YYYY, YYYY-MM or YYYY-MM-DD (a partial date covers its whole month or year). */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected YYYY[-MM[-DD]]');

export const DateFilter = z.object({
  from: PartialDate.optional().openapi({ description: 'on or after this date (YYYY[-MM[-DD]])' }),
  to: PartialDate.optional().openapi({ description: 'on or before this date (YYYY[-MM[-DD]])' }),
});

/** `?flag=true|false` (also 1/0); anything else is a 400. */
export const BooleanParam = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** One page of an in-memory list. */
export function page<T>(items: readonly T[], limit: number, offset: number): Page<T> {
  return { total: items.length, offset, limit, items: items.slice(offset, offset + limit) };
}

/** The day a partial date starts on (2024-07 → 2024-07-01) or ends on (→ 2024-07-31). */
export function dayOf(d: string, end: boolean): string {
  if (d.length === 10) return d;
  if (d.length === 4) return end ? `${d}-12-31` : `${d}-01-01`;
  if (!end) return `${d}-01`;
  const last = new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)), 0)).getUTCDate();
  return `${d}-${String(last).padStart(2, '0')}`;
}

/** Does [start, end] (partial dates) overlap [from, to] (partial dates, either open)? */
export function overlaps(start: string, end: string, from?: string, to?: string): boolean {
  if (from && dayOf(end, true) < dayOf(from, false)) return false;
  if (to && dayOf(start, false) > dayOf(to, true)) return false;
  return true;
}
