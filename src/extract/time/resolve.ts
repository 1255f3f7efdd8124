// TimeSpec + anchor → DateValue. The anchors, in the order the gold convention allows them
// (../shared/eval/FORMAT.md: "relative dates are resolved only from the publication date or an
// explicit date in the same text; otherwise null"):
//   published — deictic words are measured from the publication date: «أمس», «السبت», «الأسبوع
//               الماضي», «في مارس الماضي», a date without a year «في 10 أغسطس»;
//   previous  — anaphoric words from the date last mentioned before: «في الشهر نفسه», «في اليوم
//               التالي», «وبعد يومين»;
//   event     — «بعد يومين من الهجوم» from the date of the event named, when the caller knows it.
// Past-tense news bias: a bare weekday is the latest such day on or before the anchor, a bare month
// the latest such month unless it is at most one month ahead («في أغسطس» written in July).
import {
  addMonths,
  type DateValue,
  daysInMonth,
  dayValue,
  fromDays,
  isoWeekday,
  isValidDay,
  monthValue,
  parseDay,
  range,
  toDays,
  weekStart,
  yearValue,
} from './calendar.js';
import { daysToHijri, hijriMonthLength, hijriToDays } from './hijri.js';
import type { Part, Unit } from './lexicon.js';
import type { TimeSpec } from './spec.js';

export interface ResolveContext {
  /** YYYY-MM-DD of publication, or null. */
  published: string | null;
  /** The date mentioned last before the expression (for «الشهر نفسه», «اليوم التالي»). */
  previous?: DateValue | null;
  /** The date of the event an expression is measured from («بعد يومين من الهجوم»). */
  event?: DateValue | null;
}

export interface Resolved {
  value: DateValue;
  anchoredOn?: 'published' | 'explicit';
  /** For «أوائل/منتصف/أواخر»: the narrower reading inside `value`. */
  narrow?: DateValue;
}

const coarser = (a: DateValue['precision'], b: DateValue['precision']) => {
  const order = ['day', 'month', 'year'];
  return order.indexOf(a) >= order.indexOf(b) ? a : b;
};

/** The narrow reading of a part: early = days 1–10, mid = 11–20, late = 21–end (years: Jan–Apr,
 * May–Aug, Sep–Dec; other ranges: thirds). */
export function narrowPart(v: DateValue, part: Part): DateValue {
  const s = parseDay(v.start)!;
  const e = parseDay(v.end)!;
  const a = fromDays(s);
  if (v.precision === 'month') {
    const from = { early: 1, mid: 11, late: 21 }[part];
    const to = { early: 10, mid: 20, late: daysInMonth(a.y, a.m) }[part];
    return range(toDays(a.y, a.m, from), toDays(a.y, a.m, to), 'day');
  }
  if (v.precision === 'year') {
    const m0 = { early: 1, mid: 5, late: 9 }[part];
    return range(toDays(a.y, m0, 1), toDays(a.y, m0 + 3, daysInMonth(a.y, m0 + 3)), 'month');
  }
  const len = e - s + 1;
  const third = Math.max(1, Math.floor(len / 3));
  if (part === 'early') return range(s, s + third - 1, 'day');
  if (part === 'mid') return range(s + third, Math.max(s + third, e - third), 'day');
  return range(e - third + 1, e, 'day');
}

function unitRange(unit: Unit, day: number, offset: number): DateValue | null {
  const a = fromDays(day);
  switch (unit) {
    case 'day':
    case 'hour':
      return dayValue(day + offset);
    case 'week': {
      const s = weekStart(day) + 7 * offset;
      return range(s, s + 6, 'day');
    }
    case 'month': {
      const m = addMonths(a.y, a.m, offset);
      return monthValue(m.y, m.m);
    }
    case 'year':
      return yearValue(a.y + offset);
    case 'decade': {
      const y = Math.floor(a.y / 10) * 10 + 10 * offset;
      return range(toDays(y, 1, 1), toDays(y + 9, 12, 31), 'year');
    }
  }
}

function shiftDay(day: number, unit: Unit, n: number): DateValue {
  const a = fromDays(day);
  switch (unit) {
    case 'day':
      return dayValue(day + n);
    case 'hour':
      return dayValue(day + Math.trunc(n / 24));
    case 'week':
      return dayValue(day + 7 * n);
    case 'month': {
      // «قبل شهرين»: which day is not said; the month is
      const m = addMonths(a.y, a.m, n);
      return monthValue(m.y, m.m);
    }
    case 'year':
      return yearValue(a.y + n);
    case 'decade':
      return yearValue(a.y + 10 * n);
  }
}

function hijriValue(y: number, m?: number, d?: number): DateValue | null {
  if (m === undefined) return range(hijriToDays(y, 1, 1), hijriToDays(y + 1, 1, 1) - 1, 'year');
  if (d === undefined)
    return range(hijriToDays(y, m, 1), hijriToDays(y, m, 1) + hijriMonthLength(y, m) - 1, 'month');
  if (d > hijriMonthLength(y, m) && d !== 30) return null;
  return dayValue(hijriToDays(y, m, d));
}

function resolveDate(s: TimeSpec & { t: 'date' }, ctx: ResolveContext): Resolved | null {
  const pub = parseDay(ctx.published);
  if (s.cal === 'h') {
    if (s.y !== undefined) {
      const v = hijriValue(s.y, s.m, s.d);
      return v ? { value: v } : null;
    }
    if (pub === null || s.m === undefined) return null;
    // the latest Hijri year in which that month has begun by the anchor (+ a month of slack)
    let y = daysToHijri(pub).y;
    if (hijriToDays(y, s.m, 1) > pub + 31) y--;
    const v = hijriValue(y, s.m, s.d);
    return v ? { value: v, anchoredOn: 'published' } : null;
  }
  if (s.y !== undefined) {
    if (s.m === undefined) return { value: yearValue(s.y) };
    if (s.d === undefined) return { value: monthValue(s.y, s.m) };
    return isValidDay(s.y, s.m, s.d) ? { value: dayValue(toDays(s.y, s.m, s.d)) } : null;
  }
  if (pub === null) return null;
  const a = fromDays(pub);
  if (s.m === undefined) {
    // «يوم 27»: in the anchor's month
    if (s.d === undefined || !isValidDay(a.y, a.m, s.d)) return null;
    return { value: dayValue(toDays(a.y, a.m, s.d)), anchoredOn: 'published' };
  }
  let y = a.y + (s.yearOffset ?? 0);
  if (s.yearOffset === undefined) {
    const here = toDays(a.y, s.m, s.d ?? 1);
    const anchorKey = a.m * 100 + (s.d === undefined ? 0 : a.d);
    const key = s.m * 100 + (s.d === undefined ? 0 : s.d);
    if (s.dir === 'past') y = key < anchorKey ? a.y : a.y - 1;
    else if (s.dir === 'next') y = key > anchorKey ? a.y : a.y + 1;
    else if (s.dir === 'this') y = a.y;
    else if (here > pub + 31) y = a.y - 1; // past-tense bias, with a month of slack for announcements
  }
  if (s.d === undefined) return { value: monthValue(y, s.m), anchoredOn: 'published' };
  return isValidDay(y, s.m, s.d) ? { value: dayValue(toDays(y, s.m, s.d)), anchoredOn: 'published' } : null;
}

/** The date a parse stands for, given the anchors; null when it cannot be resolved. */
export function resolveSpec(spec: TimeSpec, ctx: ResolveContext): Resolved | null {
  const pub = parseDay(ctx.published);
  switch (spec.t) {
    case 'date':
      return resolveDate(spec, ctx);
    case 'relDay':
      return pub === null ? null : { value: dayValue(pub + spec.offset), anchoredOn: 'published' };
    case 'weekday': {
      if (pub === null) return null;
      let day: number;
      const wdPub = isoWeekday(pub);
      if (spec.day !== undefined) {
        // «الأربعاء 27»: the 27th of the anchor's month
        const a = fromDays(pub);
        if (!isValidDay(a.y, a.m, spec.day)) return null;
        day = toDays(a.y, a.m, spec.day);
      } else if (spec.weekOffset !== undefined) day = weekStart(pub) + 7 * spec.weekOffset + (spec.wd - 1);
      else if (spec.dir === 'next') day = pub + ((spec.wd - wdPub + 7) % 7 || 7);
      else if (spec.dir === 'past') day = pub - ((wdPub - spec.wd + 7) % 7 || 7);
      else if (spec.dir === 'this') day = weekStart(pub) + (spec.wd - 1);
      else day = pub - ((wdPub - spec.wd + 7) % 7); // on or before the anchor
      return { value: dayValue(day), anchoredOn: 'published' };
    }
    case 'unit':
      return pub === null
        ? null
        : { value: unitRange(spec.unit, pub, spec.offset)!, anchoredOn: 'published' };
    case 'same': {
      const prev = ctx.previous;
      const p = parseDay(prev?.start);
      if (prev && p !== null) {
        if (spec.unit === 'day' && prev.precision !== 'day') return null;
        if (spec.unit === 'day' && prev.start !== prev.end && spec.offset !== 0) {
          return { value: dayValue(parseDay(prev.end)! + spec.offset), anchoredOn: 'explicit' };
        }
        return { value: unitRange(spec.unit, p, spec.offset)!, anchoredOn: 'explicit' };
      }
      // «اليوم التالي» with no date before it: the day after publication (as Recognizers-Text)
      if (spec.unit === 'day' && spec.offset !== 0 && pub !== null)
        return { value: dayValue(pub + spec.offset), anchoredOn: 'published' };
      return null;
    }
    case 'shift': {
      const base =
        spec.from === 'event' ? ctx.event : spec.from === 'previous' ? (ctx.event ?? ctx.previous) : null;
      if (spec.from !== 'anchor' && base) {
        const b = parseDay(spec.dir > 0 ? base.end : base.start)!;
        const v = shiftDay(b, spec.unit, spec.dir * spec.n);
        const precision = coarser(v.precision, base.precision);
        const out =
          precision === v.precision
            ? v
            : { ...unitRange(precision === 'year' ? 'year' : 'month', b, 0)!, precision };
        return { value: precision === v.precision ? v : out, anchoredOn: 'explicit' };
      }
      if (spec.from === 'event') return null; // «بعد يومين من الهجوم» and no date for the attack
      return pub === null
        ? null
        : { value: shiftDay(pub, spec.unit, spec.dir * spec.n), anchoredOn: 'published' };
    }
    case 'lastN': {
      if (pub === null) return null;
      const other = shiftDay(pub, spec.unit, spec.dir * spec.n);
      const o = spec.dir < 0 ? parseDay(other.start)! : parseDay(other.end)!;
      return { value: spec.dir < 0 ? range(o, pub, 'day') : range(pub, o, 'day'), anchoredOn: 'published' };
    }
    case 'part': {
      const of = resolveSpec(spec.of, ctx);
      if (!of) return null;
      return { ...of, narrow: narrowPart(of.value, spec.part) };
    }
    case 'range': {
      const a = resolveSpec(spec.from, ctx);
      const b = resolveSpec(spec.to, ctx);
      if (!a || !b || a.value.start > b.value.end) return null;
      const r: Resolved = {
        value: {
          start: a.value.start,
          end: b.value.end,
          precision: coarser(a.value.precision, b.value.precision),
        },
      };
      const on = a.anchoredOn ?? b.anchoredOn;
      if (on) r.anchoredOn = on;
      return r;
    }
    case 'decade': {
      let c = spec.century;
      if (c === undefined) {
        // the latest decade of that name that has begun by the anchor (else the 1900s)
        const y = pub === null ? null : fromDays(pub).y;
        c = y !== null && 2000 + spec.tens <= y ? 2000 : 1900;
      }
      const y0 = c + spec.tens;
      return { value: range(toDays(y0, 1, 1), toDays(y0 + 9, 12, 31), 'year') };
    }
    case 'quarter': {
      const of = resolveSpec(spec.of, ctx);
      if (!of) return null;
      const y = fromDays(parseDay(of.value.start)!).y;
      const m0 = (spec.index - 1) * spec.size + 1;
      const m1 = m0 + spec.size - 1;
      const r: Resolved = { value: range(toDays(y, m0, 1), toDays(y, m1, daysInMonth(y, m1)), 'month') };
      if (of.anchoredOn) r.anchoredOn = of.anchoredOn;
      return r;
    }
    case 'duration':
    case 'vague':
      return null;
  }
}
