// Calendar helpers: validate a y-m-d triple and turn "any ISO-ish" metadata date into YYYY-MM-DD.
import { toAsciiDigits } from './chars.js';

/** Years outside this window are almost surely misparses (a phone number, an id). */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a real calendar day: 2024-02-29 yes, 2023-02-29 and 2024-02-31 no. */
export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** YYYY-MM-DD, or null when the triple is not a real day. */
export function formatYmd(year: number, month: number, day: number): string | null {
  if (!isValidYmd(year, month, day)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const RFC822_MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/**
 * A metadata date (ISO 8601, RFC 822, 2024/08/07, 20240807…) → YYYY-MM-DD.
 * The calendar date is taken *as written*: "2024-08-07T23:30:00+03:00" is 2024-08-07 where it was
 * published, even though it is 2024-08-07T20:30Z — converting to UTC would shift late-evening
 * articles to the previous or next day. Only strings no pattern knows go through Date.parse (UTC).
 */
export function toIsoDate(value: unknown): string | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  }
  if (typeof value !== 'string') return null;
  const s = toAsciiDigits(value).trim();
  if (!s) return null;
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/.exec(s);
  if (m) return formatYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(s);
  if (m) return formatYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  // RFC 822 / 2822 as in RSS pubDate: "Wed, 07 Aug 2024 10:00:00 +0300".
  m = /(?:^|[\s,])(\d{1,2})[\s-]+([A-Za-z]{3})[a-z]*\.?[\s-]+(\d{4})(?!\d)/.exec(s);
  if (m) {
    const month = RFC822_MONTHS[m[2]!.toLowerCase()];
    if (month) return formatYmd(Number(m[3]), month, Number(m[1]));
  }
  // Day-first numeric, the Arab-world habit: 07-08-2024, 07/08/2024.
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)/.exec(s);
  if (m) return dayFirstNumeric(Number(m[1]), Number(m[2]), Number(m[3]));
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  return formatYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * a-b-yyyy: day first (07-08-2024 is 7 August) unless that is impossible and month-first is
 * possible (08-31-2024 can only be US order).
 */
export function dayFirstNumeric(a: number, b: number, year: number): string | null {
  return formatYmd(year, b, a) ?? formatYmd(year, a, b);
}
