// Counts in running text, with ACLED's conservative reading of vague ones:
//   «ثلاثة جنود» 3 · «نحو ألف» ≈1000 · «ما لا يقل عن 20» min 20 · «أكثر من 50» min 50 (ACLED codes
//   the stated number, not 51) · «أقل من 10» max 10 · «بين 10 و20» 10–20 · «عشرات» 10 ·
//   «العشرات» 10 · «دزينات» 12 · «مئات» 100 · «آلاف» 1000 · «بضعة» 3–9 · «العديد من» no count ·
//   «جنديين»/«قتيلين» (dual) 2 · «٢٠ قتيلاً على الأقل» min 20.
import { key, numberLexicon } from './lexicon.js';
import { matchAny, scan, type Tok } from './tokens.js';
import { type NumberRead, readCardinal } from './words.js';

export type QuantityKind = 'exact' | 'approximate' | 'atLeast' | 'atMost' | 'range' | 'vague' | 'dual';

export interface Quantity {
  /** Half-open offsets into the text, modifiers included («ما لا يقل عن 20»). */
  start: number;
  end: number;
  text: string;
  /** Lower bound (the conservative count); null when the text gives none («العديد من»). */
  min: number | null;
  /** Upper bound; null when open («أكثر من 50», «عشرات»). */
  max: number | null;
  approximate: boolean;
  kind: QuantityKind;
  /** The word after the number («20 قتيلا» → قتيلا), or the dual noun itself. */
  noun?: { start: number; end: number; text: string; norm: string };
}

/** Words that cannot be the counted noun. */
const NOT_NOUN = new Set(['و', 'او', 'في', 'من', 'على', 'الى', 'عن', 'مع', 'ثم', 'بين']);

function nounAfter(toks: Tok[], j: number): Quantity['noun'] {
  let t = toks[j];
  // «عشرات من القتلى», «عدد من الجنود»
  if (t?.norm === 'من' && toks[j + 1]?.kind === 'word') t = toks[j + 1];
  if (t?.kind !== 'word' || NOT_NOUN.has(t.norm)) return undefined;
  return { start: t.start, end: t.end, text: t.text, norm: t.norm };
}

/** A dual count noun: from the lexicon, written with sukun («مدنيَّيْن»), or a feminine -تين/-تان. */
function isDual(t: Tok): boolean {
  const lex = numberLexicon();
  const w = t.norm.replace(/^(و|ف)?(ب|ل|ك)?(ال)?/, '');
  if (lex.dualNouns.has(t.norm) || lex.dualNouns.has(w)) return true;
  if (/يْن$|يْنِ?$|َيْن/.test(t.text)) return true;
  return w.length >= 6 && /(تين|تان)$/.test(w) && !lex.tens.has(w) && !lex.units.has(w);
}

interface Read {
  end: number;
  min: number | null;
  max: number | null;
  approximate: boolean;
  kind: QuantityKind;
  skip: number;
}

function readVague(toks: Tok[], i: number): Read | null {
  for (const v of numberLexicon().vague) {
    const m = matchAny(toks, i, [v.words]);
    if (m) {
      const kind: QuantityKind = 'vague';
      return { end: m.end, min: v.min, max: v.max, approximate: true, kind, skip: m.skip };
    }
  }
  return null;
}

function fromNumber(n: NumberRead): Read {
  return { end: n.end, min: n.value, max: n.value, approximate: false, kind: 'exact', skip: n.skip };
}

/** A number or a vague count at toks[i]. */
function readCount(toks: Tok[], i: number): Read | null {
  const n = readCardinal(toks, i);
  // «عشرات الآلاف» is longer than any reading of «عشرات» as a number
  const v = readVague(toks, i);
  if (v && (!n || v.end > n.end)) return v;
  return n ? fromNumber(n) : null;
}

function readQuantity(toks: Tok[], i: number): Read | null {
  const lex = numberLexicon();
  // «بين 10 و20», «ما بين 10 و 20», «من 10 إلى 20»
  const between = matchAny(toks, i, [['بين'], ['ما', 'بين'], ['من']]);
  if (between) {
    const a = readCardinal(toks, between.end);
    if (a) {
      let k = a.end;
      const join = toks[k]?.norm;
      if (join === 'و' || join === 'الي' || join === 'حتي' || join === '-') k++;
      const b = readCardinal(toks, k);
      if (b && k > a.end && b.value > a.value) {
        return {
          end: b.end,
          min: a.value,
          max: b.value,
          approximate: false,
          kind: 'range',
          skip: between.skip,
        };
      }
      // «بين عشرة وعشرين»: «وعشرين» is one token
      if (!b && toks[a.end]?.norm.startsWith('و')) {
        const b2 = readCardinal(toks, a.end);
        if (b2 && b2.skip === 1 && b2.value > a.value) {
          return {
            end: b2.end,
            min: a.value,
            max: b2.value,
            approximate: false,
            kind: 'range',
            skip: between.skip,
          };
        }
      }
    }
  }
  for (const [phrases, kind] of [
    [lex.atLeast, 'atLeast'],
    [lex.atMost, 'atMost'],
    [lex.approximate, 'approximate'],
  ] as const) {
    const m = matchAny(toks, i, phrases);
    if (!m) continue;
    const c = readCount(toks, m.end);
    if (!c) continue;
    if (kind === 'atLeast') return { ...c, max: null, kind, skip: m.skip };
    if (kind === 'atMost') return { ...c, min: null, max: c.max ?? c.min, kind, skip: m.skip };
    return { ...c, approximate: true, kind: c.kind === 'vague' ? 'vague' : kind, skip: m.skip };
  }
  const c = readCount(toks, i);
  if (!c) return null;
  // «10 - 20», «10 إلى 20»
  const join = toks[c.end]?.norm;
  if (c.kind === 'exact' && (join === '-' || join === '–' || join === 'الي')) {
    const b = readCardinal(toks, c.end + 1);
    if (b && c.min !== null && b.value > c.min) return { ...c, end: b.end, max: b.value, kind: 'range' };
  }
  return c;
}

export interface FindQuantitiesOptions {
  /** Also report bare 4-digit numbers between 1900 and 2100 (years, mostly). Default false. */
  years?: boolean;
}

/** Every count in `text`, left to right, not overlapping. */
export function findQuantities(text: string, options: FindQuantitiesOptions = {}): Quantity[] {
  const toks = scan(text);
  const out: Quantity[] = [];
  for (let i = 0; i < toks.length; ) {
    const t = toks[i]!;
    const r = readQuantity(toks, i);
    if (r) {
      const first = toks[i]!;
      const last = toks[r.end - 1]!;
      const start = first.start + r.skip;
      const isYear =
        r.kind === 'exact' &&
        r.end === i + 1 &&
        /^\d{4}$/.test(first.norm) &&
        r.min! >= 1900 &&
        r.min! <= 2100;
      if (!isYear || options.years) {
        // «20 شخصا على الأقل»: the bound comes after the noun
        let end = last.end;
        let { min, max, kind } = r;
        const noun = nounAfter(toks, r.end);
        const afterNoun = noun ? toks.findIndex((x) => x.start === noun.start) + 1 : r.end;
        const post =
          matchAny(toks, afterNoun, [
            ['علي', 'الاقل'],
            ['علي', 'اقل', 'تقدير'],
          ]) ?? matchAny(toks, r.end, [['علي', 'الاقل']]);
        if (post && kind !== 'range') {
          max = null;
          kind = 'atLeast';
          end = toks[post.end - 1]!.end;
        }
        const approx = matchAny(toks, afterNoun, [['تقريبا']]);
        const q: Quantity = {
          start,
          end,
          text: text.slice(start, end),
          min,
          max,
          approximate: r.approximate || !!approx,
          kind,
        };
        if (noun) q.noun = noun;
        out.push(q);
      }
      i = r.end;
      continue;
    }
    // «منطقتيْن منفصلتيْن»: an adjective agreeing with a dual noun is not a second count
    const prev = out[out.length - 1];
    const agrees = prev?.kind === 'dual' && /^\s*$/.test(text.slice(prev.end, t.start));
    if (t.kind === 'word' && !agrees && isDual(t)) {
      out.push({
        start: t.start,
        end: t.end,
        text: t.text,
        min: 2,
        max: 2,
        approximate: false,
        kind: 'dual',
        noun: { start: t.start, end: t.end, text: t.text, norm: t.norm },
      });
    }
    i++;
  }
  return out;
}

export interface NumberMention {
  start: number;
  end: number;
  text: string;
  value: number;
  /** «٢٠ في المئة», «20%», «١٠٠٪»: the value is a percentage. */
  percent: boolean;
}

const PERCENT_WORDS = ['في المئة', 'في المائة', 'بالمئة', 'بالمائة', 'في المية', 'بالمية'].map((w) =>
  key(w).split(' '),
);

/** Plain numbers (digits or words, no bounds): «ثلاثة وعشرين» 23, «١٬٢٠٠» 1200, «3 آلاف» 3000. */
export function findNumbers(text: string): NumberMention[] {
  const toks = scan(text);
  const out: NumberMention[] = [];
  for (let i = 0; i < toks.length; ) {
    const n = readCardinal(toks, i);
    if (!n) {
      i++;
      continue;
    }
    const start = toks[i]!.start + n.skip;
    let end = toks[n.end - 1]!.end;
    let k = n.end;
    let percent = false;
    if (toks[k]?.norm === '%' || toks[k]?.text === '٪') {
      percent = true;
      end = toks[k]!.end;
      k++;
    } else {
      const p = matchAny(toks, k, PERCENT_WORDS);
      if (p) {
        percent = true;
        end = toks[p.end - 1]!.end;
        k = p.end;
      }
    }
    out.push({ start, end, text: text.slice(start, end), value: n.value, percent });
    i = k;
  }
  return out;
}
