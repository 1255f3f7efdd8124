// A publication date written as its own line near the top (or bottom) of a pasted article:
//   "07 أغسطس، 2024" · "الأربعاء 7 أغسطس 2024" · "٧ آب/أغسطس ٢٠٢٤" · "2024/08/07" · "نشر في 07-08-2024 10:30"
// A date inside a sentence ("قررت الحكومة الأحد 4 أغسطس 2024 تمديد …") is an event date, not the
// publication date: the line has to be short and made (almost) only of the date and filler words.
import { matchKey } from './chars.js';
import { dayFirstNumeric, formatYmd } from './dates.js';
import { loadMonths } from './lexicons.js';

/** How many lines from the top, and from the bottom, are searched. */
const HEAD_LINES = 15;
const TAIL_LINES = 5;
/** A date line longer than this is a sentence. */
const MAX_LINE_CHARS = 100;

// Words that may sit next to a dateline without making it a sentence (matchKey form).
const FILLER = new Set(
  [
    'نشر',
    'نشرت',
    'نشر في',
    'في',
    'بتاريخ',
    'تاريخ',
    'النشر',
    'اخر',
    'تحديث',
    'التحديث',
    'محدث',
    'حدث',
    'يوم',
    'الموافق',
    'م',
    'هـ',
    'ه',
    'ص',
    'صباحا',
    'مساء',
    'الساعه',
    'ساعه',
    'بتوقيت',
    'غرينتش',
    'جرينتش',
    'gmt',
    'utc',
    'published',
    'updated',
    'on',
    'at',
    'publié',
    'publie',
    'le',
    'mis',
    'à',
    'a',
    'jour',
    'am',
    'pm',
  ].map(matchKey),
);

interface DatePatterns {
  monthByKey: Map<string, number>;
  weekdayKeys: Set<string>;
  dayMonthYear: RegExp;
  monthDayYear: RegExp;
}

let patterns: DatePatterns | undefined;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Built once from data/lexicons/months.json. */
function getPatterns(): DatePatterns {
  if (patterns) return patterns;
  const lex = loadMonths();
  const monthByKey = new Map<string, number>();
  for (const m of lex.months) for (const n of m.names) monthByKey.set(matchKey(n), m.number);
  const weekdayKeys = new Set<string>();
  for (const w of lex.weekdays) for (const n of w.names) weekdayKeys.add(matchKey(n));
  // Longest first so "تشرين الاول" wins over a shorter name sharing its start.
  const alt = [...monthByKey.keys()]
    .sort((a, b) => b.length - a.length)
    .map((k) => escapeRe(k).replace(/ /g, '\\s+'))
    .join('|');
  const M = `(${alt})`;
  // Levantine papers often print both names: "7 آب/أغسطس 2024", "7 آب (أغسطس) 2024".
  const M2 = `${M}(?:\\s*[/(]\\s*(?:${alt})\\s*\\)?)?`;
  const B = '(?<![\\p{L}\\p{N}])';
  const E = '(?![\\p{L}\\p{N}])';
  // "2024م" (the م of ميلادي) may be glued to the year.
  const Y = '(\\d{4})(?:\\s*م(?![\\p{L}]))?';
  patterns = {
    monthByKey,
    weekdayKeys,
    dayMonthYear: new RegExp(
      `${B}(\\d{1,2})(?:er|st|nd|rd|th)?\\s*(?:من\\s+)?${M2}\\s*[,،.]?\\s*${Y}${E}`,
      'u',
    ),
    monthDayYear: new RegExp(`${B}${M2}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*[,،]?\\s*${Y}${E}`, 'u'),
  };
  return patterns;
}

export interface DateInLine {
  date: string;
  /** The line without the date (matchKey form): what decides whether the line is "only a date". */
  rest: string;
}

/** The first valid date written anywhere in `line`, or null. Does not judge the rest of the line. */
export function findDateInLine(line: string): DateInLine | null {
  const p = getPatterns();
  const key = matchKey(line);
  const tryMatch = (re: RegExp, build: (m: RegExpExecArray) => string | null): DateInLine | null => {
    const m = re.exec(key);
    if (!m) return null;
    const date = build(m);
    if (!date) return null;
    return { date, rest: `${key.slice(0, m.index)} ${key.slice(m.index + m[0].length)}` };
  };
  return (
    tryMatch(p.dayMonthYear, (m) => {
      const month = p.monthByKey.get(m[2]!.replace(/\s+/g, ' '));
      return month ? formatYmd(Number(m[3]), month, Number(m[1])) : null;
    }) ??
    tryMatch(p.monthDayYear, (m) => {
      const month = p.monthByKey.get(m[1]!.replace(/\s+/g, ' '));
      return month ? formatYmd(Number(m[3]), month, Number(m[2])) : null;
    }) ??
    tryMatch(/(?<![\p{N}])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\p{N}])/u, (m) =>
      formatYmd(Number(m[1]), Number(m[2]), Number(m[3])),
    ) ??
    tryMatch(/(?<![\p{N}])(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?![\p{N}])/u, (m) =>
      dayFirstNumeric(Number(m[1]), Number(m[2]), Number(m[3])),
    )
  );
}

/**
 * Is what is left of a line, once the date is taken out, only dateline furniture? Weekdays,
 * times, "نشر في", "آخر تحديث" are fine; one unknown word is allowed (a city: "القاهرة – 7 أغسطس
 * 2024"), up to three when a separator sets them apart ("بقلم فلان | 7 أغسطس 2024").
 */
function isDateFurniture(rest: string): boolean {
  const p = getPatterns();
  const hasSeparator = /[|\-–—·•/]/.test(rest);
  const cleaned = rest
    .replace(/\d{1,2}:\d{2}(?::\d{2})?/g, ' ')
    .replace(/[+-]\d{2}:?\d{2}/g, ' ')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ');
  let unknown = 0;
  for (const word of cleaned.split(/\s+/)) {
    // Punctuation is gone, so "الأربعاء،" is a weekday here.
    if (!word || FILLER.has(word) || p.weekdayKeys.has(word)) continue;
    unknown++;
  }
  return unknown <= (hasSeparator ? 3 : 1);
}

/** The date of a line that is (mostly) a date, or null. */
export function parseDateLine(line: string): string | null {
  if (line.trim().length === 0 || line.length > MAX_LINE_CHARS) return null;
  const found = findDateInLine(line);
  if (!found) return null;
  return isDateFurniture(found.rest) ? found.date : null;
}

export interface PublishedDateMatch {
  date: string;
  /** 0-based index of the line in `text.split('\n')`. */
  lineIndex: number;
}

/** Searches the first ~15 non-empty lines, then the last few, for a date line. */
export function findPublishedDateLine(text: string): PublishedDateMatch | null {
  const lines = text.split('\n');
  const nonEmpty: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i]!.trim()) nonEmpty.push(i);
  const head = nonEmpty.slice(0, HEAD_LINES);
  const tail = nonEmpty.slice(Math.max(HEAD_LINES, nonEmpty.length - TAIL_LINES));
  for (const i of [...head, ...tail]) {
    const date = parseDateLine(lines[i]!);
    if (date) return { date, lineIndex: i };
  }
  return null;
}

/** YYYY-MM-DD of the publication date written in the text, or null. */
export function findPublishedDate(text: string): string | null {
  return findPublishedDateLine(text)?.date ?? null;
}
