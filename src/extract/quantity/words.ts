// Arabic cardinal and ordinal number words → numbers.
//   «ثلاثة» 3 · «خمسة عشر» 15 · «ثلاثة وعشرين» 23 · «مئتان» 200 · «ثلاث مئة» 300 ·
//   «ألف وتسعمائة وثمانية وسبعون» 1978 · «ثلاثة آلاف» 3000 · «ألفين» 2000 · «مليون ونصف» 1.5e6 ·
//   «3 آلاف» 3000 · «١٬٢٠٠» 1200 · ordinals «الحادي والعشرين» 21, «الخامس عشر» 15.
// Gender and case forms (ثلاث/ثلاثة, عشرون/عشرين, اثنان/اثنين/اثنتين) are spellings in the
// lexicon. Components are joined by و («وعشرين» or «و عشرين»), except where Arabic joins them
// without it: a unit before عشر/عشرة (teens), before مئة (hundreds) and a number before a scale.
import { parseNumber } from '../../text/index.js';
import { key, numberLexicon } from './lexicon.js';
import { cliticReadings, readingsOf, scan, type Tok } from './tokens.js';

export interface NumberRead {
  /** Index after the last token read. */
  end: number;
  value: number;
  /** Characters of the first token taken by proclitics («وثلاثة» → 1). */
  skip: number;
  /** Written in digits (possibly with a scale word: «3 آلاف»). */
  digits: boolean;
}

type Part =
  | { kind: 'unit' | 'ten' | 'hundred' | 'fraction'; value: number }
  | { kind: 'teen' | 'hundredWord' }
  | { kind: 'scale'; value: number; form: 'one' | 'dual' | 'plural' };

/** What a folded word is as a number component (with proclitics allowed: و, ال). */
function part(word: string): { part: Part; skip: number; joined: boolean } | null {
  const lex = numberLexicon();
  for (const r of cliticReadings(word, true)) {
    const w = r.word;
    const joined = r.skip > 0 && word.startsWith('و');
    const scale = lex.scales.get(w);
    if (lex.units.has(w)) return { part: { kind: 'unit', value: lex.units.get(w)! }, skip: r.skip, joined };
    if (lex.tens.has(w)) return { part: { kind: 'ten', value: lex.tens.get(w)! }, skip: r.skip, joined };
    if (lex.hundreds.has(w))
      return { part: { kind: 'hundred', value: lex.hundreds.get(w)! }, skip: r.skip, joined };
    if (scale) return { part: { kind: 'scale', ...scale }, skip: r.skip, joined };
    if (lex.fractions.has(w))
      return { part: { kind: 'fraction', value: lex.fractions.get(w)! }, skip: r.skip, joined };
  }
  return null;
}

/**
 * Reads a cardinal number at toks[i]: digits (with an optional scale word) or number words.
 * Returns null when toks[i] starts no number.
 */
export function readCardinal(toks: Tok[], i: number): NumberRead | null {
  const lex = numberLexicon();
  const t = toks[i];
  if (!t) return null;
  if (t.kind === 'number') {
    const v = parseNumber(t.text);
    if (v === null) return null;
    const next = toks[i + 1];
    const scale = next ? lex.scales.get(next.norm) : undefined;
    if (scale && scale.form !== 'dual') return { end: i + 2, value: v * scale.value, skip: 0, digits: true };
    return { end: i + 1, value: v, skip: 0, digits: true };
  }
  let total = 0;
  let current = 0;
  let lastUnit = 0;
  let last: Part['kind'] | null = null;
  let lastScale = 1;
  let j = i;
  let skip = 0;
  while (j < toks.length) {
    let k = j;
    let joinedByWaw = false;
    // a separate «و» before the next component: «2 عام و شهر», «ألف و تسعمائة»
    if (last && toks[k]?.norm === 'و') {
      joinedByWaw = true;
      k++;
    }
    const tok = toks[k];
    if (tok?.kind !== 'word') break;
    const p = part(tok.norm);
    if (!p) break;
    const joined = joinedByWaw || p.joined;
    if (last === null && p.joined) skip = 1;
    const kind = p.part.kind;
    if (last !== null) {
      // What may follow without و: unit → عشر (teen) / مئة / scale; any number → scale.
      const teen = kind === 'unit' && lex.teen.has(tok.norm) && last === 'unit' && !joined;
      const hundredAfterUnit =
        kind === 'unit' ? false : lex.hundredWords.has(tok.norm) && last === 'unit' && !joined;
      const scaleAfter = kind === 'scale' && !joined;
      if (!joined && !teen && !hundredAfterUnit && !scaleAfter) break;
      if (teen) {
        current += 10;
        last = 'ten';
        j = k + 1;
        continue;
      }
      if (hundredAfterUnit) {
        current = current - lastUnit + lastUnit * 100;
        last = 'hundred';
        j = k + 1;
        continue;
      }
    }
    if (p.part.kind === 'scale') {
      const { value, form } = p.part;
      if (form === 'plural') {
        // «ثلاثة آلاف»: a plural scale needs 3–10 before it; alone it is vague («آلاف»)
        if (last === null || current < 3 || current > 10) break;
        total += current * value;
      } else if (form === 'dual' && current === 0) total += 2 * value;
      else total += (current || 1) * value;
      current = 0;
      lastScale = value;
    } else if (p.part.kind === 'fraction') {
      if (last === null) break; // «نصف» alone is not a count
      if (current) current += p.part.value;
      else total += p.part.value * lastScale;
    } else if (p.part.kind === 'unit' || p.part.kind === 'ten' || p.part.kind === 'hundred') {
      current += p.part.value;
      lastUnit = p.part.kind === 'unit' ? p.part.value : 0;
    }
    last = p.part.kind;
    j = k + 1;
  }
  if (last === null) return null;
  return { end: j, value: total + current, skip, digits: false };
}

/**
 * Reads an ordinal at toks[i]: «الأول», «الثاني عشر» 12, «الحادي والعشرين» 21, «العشرين» 20,
 * «للثاني» 2. Digits are not ordinals here.
 */
export function readOrdinal(toks: Tok[], i: number): NumberRead | null {
  const lex = numberLexicon();
  const t = toks[i];
  if (t?.kind !== 'word') return null;
  for (const r of readingsOf(t)) {
    const unit = lex.ordinals.get(r.word);
    const ten = lex.ordinalTens.get(r.word);
    if (unit !== undefined) {
      const next = toks[i + 1];
      // «الحادي عشر», «الثانية عشرة»
      if (next && (lex.teen.has(next.norm) || lex.teen.has(next.norm.replace(/^ال/, '')))) {
        return { end: i + 2, value: 10 + unit, skip: r.skip, digits: false };
      }
      // «الحادي والعشرين», «الثاني و العشرين»
      let k = i + 1;
      if (toks[k]?.norm === 'و') k++;
      const w = toks[k]?.norm ?? '';
      const tw = k > i + 1 ? w : w.startsWith('و') ? w.slice(1) : '';
      const tens = lex.ordinalTens.get(tw) ?? lex.tens.get(tw);
      if (tens !== undefined && tens < 100)
        return { end: k + 1, value: tens + unit, skip: r.skip, digits: false };
      // «الحادي»/«الحادية» alone is not a day
      if (/^(ال)?حادي/.test(r.word)) return null;
      return { end: i + 1, value: unit, skip: r.skip, digits: false };
    }
    if (ten !== undefined) return { end: i + 1, value: ten, skip: r.skip, digits: false };
  }
  return null;
}

/**
 * The value of a whole phrase of number words or digits, or null when it is not (only) a number:
 * parseArabicNumber('ثلاثة وعشرين') → 23, parseArabicNumber(['مئتان']) → 200,
 * parseArabicNumber('١٬٢٠٠') → 1200, parseArabicNumber('ثلاثة جنود') → null.
 */
export function parseArabicNumber(words: string | string[]): number | null {
  const text = Array.isArray(words) ? words.join(' ') : words;
  const toks = scan(text);
  if (toks.length === 0) return null;
  const r = readCardinal(toks, 0);
  return r && r.end === toks.length ? r.value : null;
}

export { key };
