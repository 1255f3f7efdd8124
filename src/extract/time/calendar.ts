// Calendar arithmetic on proleptic Gregorian days (UTC, no time zones: a news date is a calendar
// date as written). A DateValue is a closed range [start, end] of YYYY-MM-DD days with the precision
// the text gave: «4 أغسطس 2024» day, «يوليو 2024» month (07-01…07-31), «عام 2013» year.
import type { DatePrecision } from '../../model/index.js';

export type Precision = DatePrecision;

export interface DateValue {
  start: string;
  /** Inclusive, as in the gold files: July 2024 ends 2024-07-31. */
  end: string;
  precision: Precision;
}

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01. */
export function toDays(y: number, m: number, d: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return Math.round(t.getTime() / DAY_MS);
}

export function fromDays(n: number): Ymd {
  const t = new Date(n * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function daysInMonth(y: number, m: number): number {
  return fromDays(toDays(y, m + 1, 1) - 1).d;
}

export function isValidDay(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function formatDay(n: number): string {
  const { y, m, d } = fromDays(n);
  const yy = String(Math.abs(y)).padStart(4, '0');
  return `${y < 0 ? '-' : ''}${yy}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Days of a YYYY-MM-DD string (YYYY-MM and YYYY give the first day), or null. */
export function parseDay(s: string | null | undefined): number | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(s ?? '');
  if (!m) return null;
  return toDays(Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1));
}

/** ISO weekday 1 (Monday) … 7 (Sunday). */
export function isoWeekday(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday (4)
}

/** y-m shifted by k months. */
export function addMonths(y: number, m: number, k: number): { y: number; m: number } {
  const i = y * 12 + (m - 1) + k;
  return { y: Math.floor(i / 12), m: (((i % 12) + 12) % 12) + 1 };
}

export function range(startDay: number, endDay: number, precision: Precision): DateValue {
  return { start: formatDay(startDay), end: formatDay(endDay), precision };
}
export const dayValue = (n: number): DateValue => range(n, n, 'day');
export const monthValue = (y: number, m: number): DateValue =>
  range(toDays(y, m, 1), toDays(y, m, daysInMonth(y, m)), 'month');
export const yearValue = (y: number): DateValue => range(toDays(y, 1, 1), toDays(y, 12, 31), 'year');

/** Monday of the ISO week holding day n. */
export const weekStart = (n: number): number => n - (isoWeekday(n) - 1);
