// The number-word lexicon (data/lexicons/numbers.json), folded once with the text layer's
// normaliser so «ثلاثة» and «ثلاثه», «ألفاً» and «الفا» are one key. Read lazily, never on import.
import { readFileSync } from 'node:fs';
import { MarsadError } from '../../model/index.js';
import { normalizeForMatch } from '../../text/index.js';

const LEXICON_URL = new URL('../../../data/lexicons/numbers.json', import.meta.url);

export type ScaleForm = 'one' | 'dual' | 'plural';

export interface VagueEntry {
  /** Folded words of the phrase, e.g. ['عشرات', 'الالاف']. */
  words: string[];
  min: number | null;
  max: number | null;
}

export interface NumberLexicon {
  units: Map<string, number>;
  teen: Set<string>;
  tens: Map<string, number>;
  hundreds: Map<string, number>;
  /** «مئة» after a unit multiplies it: «ثلاث مئة» = 300. */
  hundredWords: Set<string>;
  scales: Map<string, { value: number; form: ScaleForm }>;
  fractions: Map<string, number>;
  ordinals: Map<string, number>;
  ordinalTens: Map<string, number>;
  vague: VagueEntry[];
  approximate: string[][];
  atLeast: string[][];
  atMost: string[][];
  dualNouns: Set<string>;
}

/** The matching key of a word or phrase. */
export function key(s: string): string {
  return normalizeForMatch(s).replace(/\s+/g, ' ').trim();
}

const phrase = (s: string): string[] => key(s).split(' ');

let cached: NumberLexicon | undefined;

function valueMap(raw: Record<string, string[]> | undefined): Map<string, number> {
  const m = new Map<string, number>();
  for (const [v, names] of Object.entries(raw ?? {}))
    for (const n of names) if (!m.has(key(n))) m.set(key(n), Number(v));
  return m;
}

export function numberLexicon(): NumberLexicon {
  if (cached) return cached;
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(LEXICON_URL, 'utf8'));
  } catch (e) {
    throw new MarsadError('E_IO', `cannot read lexicon numbers.json: ${(e as Error).message}`, { cause: e });
  }
  const r = raw as {
    units: Record<string, string[]>;
    teenWords: string[];
    tens: Record<string, string[]>;
    hundreds: Record<string, string[]>;
    hundredWords: string[];
    scales: Record<string, Record<ScaleForm, string[]>>;
    fractions: Record<string, string[]>;
    ordinals: Record<string, string[]>;
    ordinalTens: Record<string, string[]>;
    vague: { names: string[]; min: number | null; max?: number | null }[];
    approximate: string[];
    atLeast: string[];
    atMost: string[];
    dualNouns: string[];
  };
  const scales = new Map<string, { value: number; form: ScaleForm }>();
  for (const [v, forms] of Object.entries(r.scales)) {
    for (const form of ['one', 'dual', 'plural'] as const) {
      for (const n of forms[form] ?? [])
        if (!scales.has(key(n))) scales.set(key(n), { value: Number(v), form });
    }
  }
  const byLength = (a: string[], b: string[]) => b.length - a.length;
  cached = {
    units: valueMap(r.units),
    teen: new Set(r.teenWords.map(key)),
    tens: valueMap(r.tens),
    hundreds: valueMap(r.hundreds),
    hundredWords: new Set(r.hundredWords.map(key)),
    scales,
    fractions: valueMap(r.fractions),
    ordinals: valueMap(r.ordinals),
    ordinalTens: valueMap(r.ordinalTens),
    vague: r.vague
      .flatMap((v) => v.names.map((n) => ({ words: phrase(n), min: v.min, max: v.max ?? null })))
      .sort((a, b) => b.words.length - a.words.length),
    approximate: r.approximate.map(phrase).sort(byLength),
    atLeast: r.atLeast.map(phrase).sort(byLength),
    atMost: r.atMost.map(phrase).sort(byLength),
    dualNouns: new Set(r.dualNouns.map(key)),
  };
  return cached;
}
