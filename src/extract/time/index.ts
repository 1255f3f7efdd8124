// Temporal expressions in Arabic news: absolute dates in every common form and calendar (Egyptian/
// Gulf, Levantine/Iraqi, Maghrebi month names; Hijri), relative and vague ones anchored on the
// publication date or a nearby explicit date, each resolved to a range with a precision (day /
// month / year, as ACLED's time precision). Usable without the rest of extract.
export {
  addMonths,
  type DateValue,
  dayValue,
  formatDay,
  fromDays,
  isoWeekday,
  monthValue,
  type Precision,
  parseDay,
  toDays,
  type Ymd,
  yearValue,
} from './calendar.js';
export { documentDates, documentTemporalExpressions } from './document.js';
export {
  type DatedSpan,
  dateForSpan,
  findTemporalExpressions,
  kindOf,
  type SpanDate,
  type TemporalAnchor,
  type TemporalExpression,
  type TemporalKind,
  type TemporalOptions,
} from './find.js';
export { daysToHijri, hijriMonthLength, hijriToDays, hijriToGregorian } from './hijri.js';
export type { Part, Unit } from './lexicon.js';
export { narrowPart, type ResolveContext, type Resolved, resolveSpec } from './resolve.js';
export type { Calendar, Direction, TimeSpec } from './spec.js';
