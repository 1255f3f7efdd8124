// Lexicons are data (data/lexicons/*.json) that users can extend. They are read lazily on first
// use — never at import time — and cached for the life of the process.
import { readFileSync } from 'node:fs';
import { MarsadError } from '../model/index.js';

/** data/lexicons/, found relative to this module (src/ingest → ../../data/lexicons). */
export const LEXICON_DIR = new URL('../../data/lexicons/', import.meta.url);

export interface MonthEntry {
  number: number;
  region: string;
  names: string[];
}
export interface WeekdayEntry {
  number: number;
  names: string[];
}
export interface MonthsLexicon {
  months: MonthEntry[];
  weekdays: WeekdayEntry[];
}
export interface BoilerplateLexicon {
  headings: string[];
  inlinePrefixes: string[];
  navWords: string[];
}

const cache = new Map<string, unknown>();

function readLexicon(name: string): unknown {
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  const url = new URL(name, LEXICON_DIR);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(url, 'utf8'));
  } catch (e) {
    throw new MarsadError('E_IO', `cannot read lexicon ${name}: ${(e as Error).message}`, { cause: e });
  }
  cache.set(name, value);
  return value;
}

function stringArray(v: unknown, what: string): string[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
    throw new MarsadError('E_VALIDATION', `lexicon: ${what} must be an array of strings`);
  }
  return v;
}

export function loadMonths(): MonthsLexicon {
  const raw = readLexicon('months.json') as { months?: unknown; weekdays?: unknown };
  if (!Array.isArray(raw.months)) throw new MarsadError('E_VALIDATION', 'months.json: months[] missing');
  const months = raw.months.map((m: { number?: unknown; region?: unknown; names?: unknown }, i: number) => {
    if (typeof m.number !== 'number' || m.number < 1 || m.number > 12) {
      throw new MarsadError('E_VALIDATION', `months.json: months[${i}].number must be 1..12`);
    }
    return { number: m.number, region: String(m.region ?? ''), names: stringArray(m.names, `months[${i}]`) };
  });
  const weekdays = Array.isArray(raw.weekdays)
    ? raw.weekdays.map((w: { number?: unknown; names?: unknown }, i: number) => ({
        number: Number(w.number),
        names: stringArray(w.names, `weekdays[${i}]`),
      }))
    : [];
  return { months, weekdays };
}

export function loadBoilerplateLexicon(): BoilerplateLexicon {
  const raw = readLexicon('boilerplate.json') as Record<string, unknown>;
  return {
    headings: stringArray(raw.headings ?? [], 'headings'),
    inlinePrefixes: stringArray(raw.inlinePrefixes ?? [], 'inlinePrefixes'),
    navWords: stringArray(raw.navWords ?? [], 'navWords'),
  };
}
