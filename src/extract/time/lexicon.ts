// Time words, folded once with the text layer's normaliser: month names of every tradition and
// the weekdays from data/lexicons/months.json (shared with ingest's dateline reader), Hijri months
// and relative cues from data/lexicons/time.json. Read lazily, never on import.
import { readFileSync } from 'node:fs';
import { loadMonths } from '../../ingest/index.js';
import { MarsadError } from '../../model/index.js';
import { normalizeForMatch } from '../../text/index.js';

export type Unit = 'day' | 'week' | 'month' | 'year' | 'hour' | 'decade';
export type Part = 'early' | 'mid' | 'late';
export type UnitForm = 'one' | 'dual' | 'plural';

export const key = (s: string): string => normalizeForMatch(s).replace(/\s+/g, ' ').trim();
const phrase = (s: string): string[] => key(s).split(' ');

export interface Named<T> {
  words: string[];
  value: T;
}

export interface TimeLexicon {
  months: Named<{ m: number; cal: 'g' | 'h'; needsContext: boolean }>[];
  weekdays: Named<{ wd: number; needsDay: boolean }>[];
  hijriMarkers: Set<string>;
  gregorianMarkers: Set<string>;
  relativeDays: Named<number>[];
  nextDay: string[][];
  timeOfDay: string[][];
  units: Map<string, { unit: Unit; form: UnitForm }>;
  past: Set<string>;
  current: Set<string>;
  next: Set<string>;
  same: Set<string>;
  ago: Set<string>;
  agoSuffix: Set<string>;
  after: Set<string>;
  fromNow: string[][];
  durationCues: string[][];
  vague: string[][];
  parts: Named<Part>[];
  decades: Named<number>[];
  quarters: Named<number>[];
  halves: Named<number>[];
  yearWords: Set<string>;
  monthWord: Set<string>;
  dayWord: Set<string>;
  yearPrepositions: Set<string>;
  rangeJoin: Set<string>;
  rangeStart: string[][];
  weekStartsOn: number;
}

let cached: TimeLexicon | undefined;

/** data/lexicons/time.json as written. */
interface RawTimeLexicon {
  weekStartsOn?: number;
  hijriMonths: { number: number; names: string[]; needsContext?: boolean }[];
  relativeDays: { names: string[]; offset: number }[];
  units: Record<Unit, Record<UnitForm, string[]>>;
  parts: { names: string[]; part: Part }[];
  decades: Record<string, string[]>;
  quarters: Record<string, string[]>;
  halves: Record<string, string[]>;
  [list: string]: unknown;
}

const longestFirst = <T extends { words: string[] } | string[]>(xs: T[]): T[] =>
  xs
    .sort(
      (a, b) =>
        ('words' in a ? a.words.length : a.length) -
        ('words' in b ? (b as { words: string[] }).words.length : (b as string[]).length),
    )
    .reverse();

function named<T>(raw: Record<string, string[]>, f: (k: string) => T): Named<T>[] {
  return longestFirst(
    Object.entries(raw).flatMap(([k, names]) => names.map((n) => ({ words: phrase(n), value: f(k) }))),
  );
}

export function timeLexicon(): TimeLexicon {
  if (cached) return cached;
  let r: RawTimeLexicon;
  try {
    r = JSON.parse(readFileSync(new URL('../../../data/lexicons/time.json', import.meta.url), 'utf8'));
  } catch (e) {
    throw new MarsadError('E_IO', `cannot read lexicon time.json: ${(e as Error).message}`, { cause: e });
  }
  const ml = loadMonths();
  const months: TimeLexicon['months'] = [];
  for (const m of ml.months) {
    for (const n of m.names) {
      const words = phrase(n);
      // «آب» is also «أب» (father) and «مارس» a verb: alone (no day, no year) they need a cue
      months.push({ words, value: { m: m.number, cal: 'g', needsContext: true } });
    }
  }
  for (const h of r.hijriMonths) {
    for (const n of h.names)
      months.push({ words: phrase(n), value: { m: h.number, cal: 'h', needsContext: true } });
  }
  const weekdays: TimeLexicon['weekdays'] = [];
  for (const w of ml.weekdays) {
    for (const n of w.names) {
      const k = key(n);
      if (!/[\u0600-\u06FF]/.test(k)) continue;
      // «أحد» is also «one», «جمعة» a name: without the article only after «يوم»
      weekdays.push({ words: [k], value: { wd: w.number, needsDay: !k.startsWith('ال') } });
    }
  }
  const units = new Map<string, { unit: Unit; form: UnitForm }>();
  for (const [unit, forms] of Object.entries(r.units)) {
    for (const form of ['one', 'dual', 'plural'] as const) {
      for (const n of forms[form] ?? []) units.set(key(n), { unit: unit as Unit, form });
    }
  }
  const set = (xs: string[]) => new Set(xs.map(key));
  const phrases = (xs: string[]) => longestFirst(xs.map(phrase));
  cached = {
    months: longestFirst(months),
    weekdays,
    hijriMarkers: set(r.hijriMarkers as string[]),
    gregorianMarkers: set(r.gregorianMarkers as string[]),
    relativeDays: longestFirst(
      r.relativeDays.flatMap((x) => x.names.map((n) => ({ words: phrase(n), value: x.offset }))),
    ),
    nextDay: phrases(r.nextDay as string[]),
    timeOfDay: phrases(r.timeOfDay as string[]),
    units,
    past: set(r.past as string[]),
    current: set(r.current as string[]),
    next: set(r.next as string[]),
    same: set(r.same as string[]),
    ago: set(r.ago as string[]),
    agoSuffix: set(r.agoSuffix as string[]),
    after: set(r.after as string[]),
    fromNow: phrases(r.fromNow as string[]),
    durationCues: phrases(r.durationCues as string[]),
    vague: phrases(r.vague as string[]),
    parts: longestFirst(r.parts.flatMap((x) => x.names.map((n) => ({ words: phrase(n), value: x.part })))),
    decades: named(r.decades, Number),
    quarters: named(r.quarters, Number),
    halves: named(r.halves, Number),
    yearWords: set(r.yearWords as string[]),
    monthWord: set(r.monthWord as string[]),
    dayWord: set(r.dayWord as string[]),
    yearPrepositions: set(r.yearPrepositions as string[]),
    rangeJoin: set(r.rangeJoin as string[]),
    rangeStart: phrases(r.rangeStart as string[]),
    weekStartsOn: Number(r.weekStartsOn ?? 1),
  };
  return cached;
}
