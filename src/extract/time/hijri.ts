// Hijri dates by the tabular (arithmetic) Islamic calendar: 30-year cycles, leap years 2, 5, 7,
// 10, 13, 16, 18, 21, 24, 26, 29 (the "Kuwaiti" / civil epoch, 1 Muharram 1 AH = 16 July 622
// Julian). Real months start on a sighting of the new moon (Umm al-Qura in Saudi Arabia, local
// committees elsewhere), so a converted day may be one day off, occasionally two: «1 رمضان 1445 هـ»
// gives 2024-03-11 here; Saudi Arabia began Ramadan on 2024-03-11, Morocco on 2024-03-12. The
// event scorer's 3-day tolerance covers it.
import { fromDays, type Ymd } from './calendar.js';

/** Julian day of the civil epoch, minus the Unix epoch: days since 1970-01-01 of 1 Muharram 1 AH, -1. */
const EPOCH = 1948439.5 - 2440587.5;

/** Days since 1970-01-01 of Hijri y-m-d. */
export function hijriToDays(y: number, m: number, d: number): number {
  return d + Math.ceil(29.5 * (m - 1)) + (y - 1) * 354 + Math.floor((3 + 11 * y) / 30) + EPOCH - 1;
}

/** Hijri y-m-d of a day (days since 1970-01-01). */
export function daysToHijri(n: number): Ymd {
  const jd = n - EPOCH;
  const y = Math.floor((30 * jd + 10646) / 10631);
  const m = Math.min(12, Math.ceil((n - (29 + hijriToDays(y, 1, 1))) / 29.5) + 1);
  const d = n - hijriToDays(y, m, 1) + 1;
  return { y, m, d };
}

/** Length of a Hijri month (29 or 30). */
export function hijriMonthLength(y: number, m: number): number {
  const next = m === 12 ? hijriToDays(y + 1, 1, 1) : hijriToDays(y, m + 1, 1);
  return next - hijriToDays(y, m, 1);
}

export function hijriToGregorian(y: number, m: number, d: number): Ymd {
  return fromDays(hijriToDays(y, m, d));
}
