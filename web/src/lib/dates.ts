import type { DateRange } from '../api/types';

/** A date range as written: 2024-07-25, 2024-07, 2024, or start – end. */
export function formatRange(d: DateRange | null | undefined): string {
  if (!d) return '';
  const whole =
    d.precision === 'year' ? d.start.slice(0, 4) : d.precision === 'month' ? d.start.slice(0, 7) : d.start;
  const expected =
    d.precision === 'year' ? d.end.slice(0, 4) : d.precision === 'month' ? d.end.slice(0, 7) : d.end;
  return whole === expected ? whole : `${d.start} – ${d.end}`;
}

/** Milliseconds of the middle of a range (for a time axis), or null. */
export function midpoint(d: DateRange | null | undefined): number | null {
  if (!d) return null;
  const a = Date.parse(full(d.start, 'start'));
  const b = Date.parse(full(d.end, 'end'));
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  return (a + b) / 2;
}

function full(partial: string, side: 'start' | 'end'): string {
  if (partial.length === 10) return partial;
  if (partial.length === 7) {
    if (side === 'start') return `${partial}-01`;
    const [y, m] = partial.split('-').map(Number);
    const last = new Date(Date.UTC(y ?? 1970, m ?? 1, 0)).getUTCDate();
    return `${partial}-${String(last).padStart(2, '0')}`;
  }
  return side === 'start' ? `${partial}-01-01` : `${partial}-12-31`;
}

/** Sort key: dated by start, undated last. */
export function compareRanges(a: DateRange | null | undefined, b: DateRange | null | undefined): number {
  if (!a && !b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  return a.start < b.start ? -1 : a.start > b.start ? 1 : 0;
}
