// The grammar of Arabic temporal expressions, over the text layer's tokens (folded `norm`,
// offsets into the original). Each reader starts at a token and returns where it stops and what
// it read (a TimeSpec); findTemporalExpressions keeps the longest non-overlapping readings.
//   date      «الأحد 4 أغسطس 2024» · «07 أغسطس، 2024» · «4 آب/أغسطس 2024» · «يوليو (تموز) 2024»
//             «2024/8/4» · «04-08-2024» · «١٥ رمضان ١٤٤٥ هـ» · «يوليو 2024» · «عام 2013» · «في 2023»
//   relative  «أمس» · «السبت» · «الأسبوع الماضي» · «في مارس الماضي» · «قبل يومين» · «بعد يومين من الهجوم»
//   part      «أواخر يوليو» · «منتصف فبراير الماضي» · «مطلع العام» · «أواخر 2023»
//   range     «من 4 إلى 22 يناير 2017» · «بين 15 و19 نوفمبر» · «بين 2014 و2018»
//   duration  «لمدة ثلاثة أيام»       vague  «مؤخراً» · «خلال الأشهر الماضية»
import {
  cliticReadings,
  matchAny,
  matchPhrase,
  readCardinal,
  readingsOf,
  readOrdinal,
  type Tok,
} from '../quantity/index.js';
import { type TimeLexicon, timeLexicon, type Unit } from './lexicon.js';
import type { Direction, TimeSpec } from './spec.js';

/**
 * Phrase lists derived from a lexicon list, made once: matchAny indexes a list by its first words
 * the first time it sees it, so it must be handed the same array every time.
 */
const derived = new WeakMap<object, Map<string, string[][]>>();
function phrasesOf<T>(list: readonly T[], tag: string, f: (t: T) => string[]): string[][] {
  let byTag = derived.get(list);
  if (!byTag) {
    byTag = new Map();
    derived.set(list, byTag);
  }
  let out = byTag.get(tag);
  if (!out) {
    out = list.map(f);
    byTag.set(tag, out);
  }
  return out;
}

export interface Reading {
  /** Token index after the reading. */
  end: number;
  spec: TimeSpec;
  /** Characters of toks[i] that belong to proclitics or a preposition and stay out of the span. */
  skip: number;
  /** Set when the reading starts after toks[i] (a preposition that is not part of the span). */
  from?: number;
}

type R = Reading | null;

const SEP = new Set(['/', '-', '.', '–']);
const COMMA = new Set([',', '،', '.']);

export class Grammar {
  readonly lex: TimeLexicon = timeLexicon();
  constructor(readonly toks: Tok[]) {}

  private n(i: number): string | undefined {
    return this.toks[i]?.norm;
  }
  private isPunct(i: number, set: Set<string>): boolean {
    const t = this.toks[i];
    return !!t && t.kind === 'punct' && set.has(t.norm);
  }
  private inSet(i: number, set: Set<string>): boolean {
    const w = this.n(i);
    return w !== undefined && set.has(w);
  }
  /** toks[i] in `set`, possibly with proclitics («وفي», «بالأمس»). */
  private inSetClitic(i: number, set: Set<string>): number | null {
    const t = this.toks[i];
    if (!t) return null;
    for (const r of readingsOf(t)) if (set.has(r.word)) return r.skip;
    return null;
  }

  // ---- components -------------------------------------------------------------------------

  /** Only the month names whose first word this token can be (with its proclitics off): trying
   * every name at every token made date finding the slowest step of the pipeline. */
  private monthsStartingAt(i: number): TimeLexicon['months'] {
    const t = this.toks[i];
    if (!t) return [];
    const byFirst = monthIndex(this.lex);
    const out: TimeLexicon['months'] = [];
    for (const r of readingsOf(t)) for (const e of byFirst.get(r.word) ?? []) out.push(e);
    return out;
  }

  /** A month name, with the double forms of pan-Arab papers: «آب/أغسطس», «يوليو (تموز)», «أغسطس/ آب». */
  month(i: number): { end: number; m: number; cal: 'g' | 'h'; skip: number; double: boolean } | null {
    let best: { end: number; m: number; cal: 'g' | 'h'; skip: number; double: boolean } | null = null;
    for (const e of this.monthsStartingAt(i)) {
      const hit = matchPhrase(this.toks, i, e.words);
      if (hit && (!best || hit.end > best.end))
        best = { end: hit.end, m: e.value.m, cal: e.value.cal, skip: hit.skip, double: false };
    }
    if (!best) return null;
    const open = this.n(best.end);
    if (open === '/' || open === '(' || open === '-') {
      for (const e of this.lex.months) {
        const hit = matchPhrase(this.toks, best.end + 1, e.words, false);
        if (hit && e.value.m === best.m) {
          best = { ...best, end: this.n(hit.end) === ')' ? hit.end + 1 : hit.end, double: true };
          break;
        }
      }
    }
    return best;
  }

  /** A day of the month: «4», «04», «الرابع», «الحادي والعشرين», «واحد وعشرين». */
  day(i: number): { end: number; d: number; skip: number } | null {
    const t = this.toks[i];
    if (!t) return null;
    if (t.kind === 'number') {
      if (!/^\d{1,2}$/.test(t.norm)) return null;
      const d = Number(t.norm);
      const next = this.toks[i + 1];
      if (next && next.start === t.end && (next.norm === ':' || next.norm === '%')) return null;
      return d >= 1 && d <= 31 ? { end: i + 1, d, skip: 0 } : null;
    }
    const o = readOrdinal(this.toks, i);
    if (o && o.value >= 1 && o.value <= 31) return { end: o.end, d: o.value, skip: o.skip };
    const c = readCardinal(this.toks, i);
    if (c && !c.digits && c.value >= 1 && c.value <= 31 && Number.isInteger(c.value))
      return { end: c.end, d: c.value, skip: c.skip };
    return null;
  }

  /** A year: «2024», «2024م», «1445 هـ», words «ألفين وثمانية عشر», «تسعة عشر تسعة وتسعون». */
  year(
    i: number,
    opts: { words?: boolean; short?: boolean } = {},
  ): { end: number; y: number; cal: 'g' | 'h'; marked: boolean } | null {
    const t = this.toks[i];
    if (!t) return null;
    let end = -1;
    let y = 0;
    if (t.kind === 'number') {
      if (/^\d{4}$/.test(t.norm) || (opts.short && /^\d{3}$/.test(t.norm))) {
        y = Number(t.norm);
        end = i + 1;
      }
    } else if (opts.words) {
      const c = readCardinal(this.toks, i);
      if (c && !c.digits) {
        if (c.value >= 1000 && c.value <= 2200) {
          y = c.value;
          end = c.end;
        } else if (c.value >= 11 && c.value <= 20) {
          // «تسعة عشر تسعة وتسعون» 1999, «تسعة عشر وثمانية وسبعين» 1978
          let k = c.end;
          if (this.n(k) === 'و') k++;
          const b = readCardinal(this.toks, k);
          if (b && !b.digits && b.value >= 0 && b.value <= 99) {
            y = c.value * 100 + b.value;
            end = b.end;
          }
        } else if (opts.short && c.value >= 100 && c.value < 1000) {
          y = c.value;
          end = c.end;
        }
      }
    }
    if (end < 0) return null;
    let cal: 'g' | 'h' = 'g';
    let marked = false;
    if (this.inSet(end, this.lex.hijriMarkers)) {
      cal = 'h';
      marked = true;
      end++;
    } else if (this.inSet(end, this.lex.gregorianMarkers)) {
      marked = true;
      end++;
    }
    if (cal === 'g' && (y < 1000 ? !opts.short : y > 2200)) return null;
    return { end, y, cal, marked };
  }

  /** An optional comma / dot / dash, then «من», then «عام»/«سنة», before a year. */
  private yearGlue(k: number): number {
    if (this.isPunct(k, COMMA) || this.isPunct(k, SEP)) k++;
    if (this.n(k) === 'من') k++;
    if (this.inSet(k, this.lex.yearWords)) k++;
    return k;
  }

  /** «الماضي» -1 / «المقبل» +1 / «الحالي» 0 after a month or weekday. */
  private direction(k: number): { end: number; dir: Direction } | null {
    if (this.inSet(k, this.lex.past)) return { end: k + 1, dir: 'past' };
    if (this.inSet(k, this.lex.next)) return { end: k + 1, dir: 'next' };
    if (this.inSet(k, this.lex.current) && !['هذا', 'هذه'].includes(this.n(k)!))
      return { end: k + 1, dir: 'this' };
    return null;
  }

  /** «العام الماضي» / «من العام المقبل» / «من هذا العام» after a month: a year offset. */
  private yearOffsetAfter(k: number): { end: number; offset: number } | null {
    let j = k;
    if (this.n(j) === 'من') j++;
    const u = this.unitRel(j);
    if (u && u.spec.t === 'unit' && u.spec.unit === 'year') return { end: u.end, offset: u.spec.offset };
    return null;
  }

  private weekdayAt(i: number, afterDayWord: boolean): { end: number; wd: number; skip: number } | null {
    for (const e of this.lex.weekdays) {
      if (e.value.needsDay && !afterDayWord) continue;
      const hit = matchPhrase(this.toks, i, e.words);
      if (hit) return { end: hit.end, wd: e.value.wd, skip: hit.skip };
    }
    return null;
  }

  /** A count and a unit: «يومين» 2 days, «ثلاثة أيام», «3 أسابيع», «أسبوع» 1, «بضعة أشهر» 3. */
  countUnit(i: number): { end: number; n: number | null; unit: Unit } | null {
    const one = this.lex.units.get(this.n(i) ?? '');
    if (one?.form === 'dual') return { end: i + 1, n: 2, unit: one.unit };
    if (one?.form === 'one' && !this.n(i)!.startsWith('ال')) return { end: i + 1, n: 1, unit: one.unit };
    let k = i;
    let n: number | null;
    if (['بضعه', 'بضع'].includes(this.n(i) ?? '')) {
      n = 3;
      k = i + 1;
    } else if (['عده', 'بعض'].includes(this.n(i) ?? '')) {
      n = null;
      k = i + 1;
    } else {
      const c = readCardinal(this.toks, i);
      if (!c) return null;
      n = c.value;
      k = c.end;
    }
    const u = this.lex.units.get(this.n(k) ?? '');
    if (!u || u.form === 'dual') return null;
    return { end: k + 1, n, unit: u.unit };
  }

  // ---- readers: each returns the reading starting at token i, or null -----------------------

  /** «[الأحد] 4 أغسطس [،] 2024», «4 آب/أغسطس», «الرابع من مايو», «5 يناير الماضي», Hijri «15 رمضان 1445 هـ». */
  dayMonthYear(i: number): R {
    let k = i;
    let skip = 0;
    let from = i;
    const w =
      this.weekdayAt(k, false) ?? (this.inSet(k, this.lex.dayWord) ? this.weekdayAt(k + 1, true) : null);
    if (w) {
      // «يوم الأحد 4 أغسطس»: the span starts at the weekday
      if (this.inSet(k, this.lex.dayWord) && k + 1 < w.end) from = k + 1;
      skip = w.skip;
      k = w.end;
      if (this.isPunct(k, COMMA)) k++;
      if (this.n(k) === 'في' && this.day(k + 1)) k++; // «يوم الاثنين في 18 شباط»
    }
    const day = this.day(k);
    if (!day) return null;
    if (!w) skip = day.skip;
    k = day.end;
    if (this.isPunct(k, SEP)) k++;
    if (this.n(k) === 'من') k++;
    if (this.inSet(k, this.lex.monthWord)) k++;
    const month = this.month(k);
    if (!month) return null;
    k = month.end;
    const spec: TimeSpec & { t: 'date' } = { t: 'date', d: day.d, m: month.m, cal: month.cal };
    const y = this.year(this.yearGlue(k), { words: true, short: true });
    if (y && (y.y >= 1000 || y.marked || this.inSet(this.yearGlue(k) - 1, this.lex.yearWords))) {
      spec.y = y.y;
      if (y.cal === 'h') spec.cal = 'h';
      k = y.end;
    } else {
      const dir = this.direction(k);
      const yo = this.yearOffsetAfter(k);
      if (yo) {
        spec.yearOffset = yo.offset;
        k = yo.end;
      } else if (dir) {
        spec.dir = dir.dir;
        k = dir.end;
      }
    }
    // a weekday before the date only confirms it: the date decides
    return { end: k, spec, skip, from };
  }

  /** English order: «يناير الثاني والعشرين، 2018», «سبتمبر 10, 1901», «مايو تسعة وعشرين». A bare
   * digit after a month needs a year after it («في يونيو 15 شخصا» is not a date). */
  monthDayYear(i: number): R {
    let k = i;
    const w =
      this.weekdayAt(k, false) ?? (this.inSet(k, this.lex.dayWord) ? this.weekdayAt(k + 1, true) : null);
    if (w) {
      if (this.inSet(k, this.lex.dayWord)) k++;
      k = w.end;
      if (this.isPunct(k, COMMA)) k++;
    }
    const month = this.month(k);
    if (!month) return null;
    let j = month.end;
    if (this.isPunct(j, SEP)) j++;
    const day = this.day(j);
    if (!day) return null;
    const digits = this.toks[j]?.kind === 'number';
    j = day.end;
    const y = this.year(this.yearGlue(j), { words: true });
    if (!y && digits) return null;
    const spec: TimeSpec = { t: 'date', m: month.m, d: day.d, cal: month.cal };
    if (y) {
      spec.y = y.y;
      j = y.end;
    }
    return { end: j, spec, skip: k === i ? month.skip : 0 };
  }

  /** «يوليو 2024», «شهر يوليو من عام 2024», «آب/أغسطس 2023», «رمضان 1445 هـ»; and alone with a cue:
   * «في مارس», «في مارس الماضي», «يونيو المقبل», «يونيو العام المقبل». */
  monthYear(i: number, needCue = true): R {
    let k = i;
    let skip = 0;
    if (this.inSet(k, this.lex.monthWord)) k++;
    else if (this.n(k) === 'هذا' && (this.month(k + 1) || this.inSet(k + 1, this.lex.monthWord))) {
      k++;
      if (this.inSet(k, this.lex.monthWord)) k++;
    }
    const month = this.month(k);
    if (!month) return null;
    if (k === i) skip = month.skip;
    let j = month.end;
    const y = this.year(this.yearGlue(j), { words: true, short: true });
    const spec: TimeSpec & { t: 'date' } = { t: 'date', m: month.m, cal: month.cal };
    if (y && (y.y >= 1000 || y.marked)) {
      spec.y = y.y;
      if (y.cal === 'h') spec.cal = 'h';
      return { end: y.end, spec, skip };
    }
    if (this.n(i) === 'هذا') spec.dir = 'this';
    const yo = this.yearOffsetAfter(j);
    const dir = this.direction(j);
    if (yo) {
      spec.yearOffset = yo.offset;
      j = yo.end;
    } else if (dir) {
      spec.dir = dir.dir;
      j = dir.end;
    }
    const cued =
      k > i ||
      month.double ||
      month.skip > 0 ||
      j > month.end ||
      this.inSet(i - 1, this.lex.yearPrepositions) ||
      this.inSet(i - 1, this.lex.monthWord);
    if (needCue && !cued) return null;
    // «صفر», «رجب», «شعبان» are also a number and names: alone only as «شهر رجب»
    const multiword = month.end - k > 1 && !month.double;
    if (
      month.cal === 'h' &&
      !(k > i) &&
      !multiword &&
      !['رمضان', 'شوال', 'محرم'].includes(this.n(k)!.replace(/^[وفبل]/, ''))
    )
      return null;
    return { end: j, spec, skip };
  }

  /** Numeric dates: «2024/8/4», «04-08-2024», «4.8.2024», «3/2015», «2015/3», and «في 22/4». */
  numeric(i: number): R {
    const t = this.toks[i];
    if (t?.kind !== 'number') return null;
    const parts: number[] = [];
    const raw: string[] = [];
    let k = i;
    if (/^\d+(\.\d+){1,2}$/.test(t.norm)) {
      for (const p of t.norm.split('.')) {
        parts.push(Number(p));
        raw.push(p);
      }
      k = i + 1;
    } else {
      parts.push(Number(t.norm));
      raw.push(t.norm);
      k = i + 1;
      let sep: string | null = null;
      while (parts.length < 3) {
        const s = this.toks[k];
        const nx = this.toks[k + 1];
        if (
          !s ||
          !nx ||
          s.kind !== 'punct' ||
          !SEP.has(s.norm) ||
          nx.kind !== 'number' ||
          !/^\d+$/.test(nx.norm)
        )
          break;
        if (sep && s.norm !== sep) break;
        if (s.start !== this.toks[k - 1]!.end || nx.start !== s.end) break;
        sep = s.norm;
        parts.push(Number(nx.norm));
        raw.push(nx.norm);
        k += 2;
      }
    }
    if (parts.length === 3) {
      const [a, b, c] = parts as [number, number, number];
      if (raw[0]!.length === 4) return { end: k, spec: { t: 'date', y: a, m: b, d: c, cal: 'g' }, skip: 0 };
      let y = c;
      if (raw[2]!.length === 2) y = c + (c < 50 ? 2000 : 1900);
      else if (raw[2]!.length !== 4) return null;
      // day first (the Arab habit: 04-08-2024 is 4 August) unless only month-first can be right
      if (b <= 12 && a <= 31) return { end: k, spec: { t: 'date', y, m: b, d: a, cal: 'g' }, skip: 0 };
      if (a <= 12 && b <= 31) return { end: k, spec: { t: 'date', y, m: a, d: b, cal: 'g' }, skip: 0 };
      return null;
    }
    if (parts.length === 2) {
      const [a, b] = parts as [number, number];
      if (raw[0]!.length === 4 && b >= 1 && b <= 12)
        return { end: k, spec: { t: 'date', y: a, m: b, cal: 'g' }, skip: 0 };
      if (raw[1]!.length === 4 && a >= 1 && a <= 12)
        return { end: k, spec: { t: 'date', y: b, m: a, cal: 'g' }, skip: 0 };
      // «في 22/4», «يوم 4/22»: without a year only after a date preposition and with a slash
      const slash = this.n(i + 1) === '/' || t.norm.includes('.');
      const cue = this.inSet(i - 1, new Set(['في', 'يوم', 'بتاريخ', 'منذ', 'حتي', 'الي']));
      if (slash && cue && raw[0]!.length <= 2 && raw[1]!.length <= 2) {
        if (b <= 12 && a <= 31) return { end: k, spec: { t: 'date', m: b, d: a, cal: 'g' }, skip: 0 };
        if (a <= 12 && b <= 31) return { end: k, spec: { t: 'date', m: a, d: b, cal: 'g' }, skip: 0 };
      }
    }
    return null;
  }

  /** «عام 2013», «سنة ٢٠٢٠», «لعام 2020», «في 2023» (the span is the year), «2021م», «1445 هـ», «عام 247». */
  yearExpr(i: number): R {
    if (this.inSetClitic(i, this.lex.yearWords) !== null) {
      const y = this.year(i + 1, { words: true, short: true });
      if (y)
        return {
          end: y.end,
          spec: { t: 'date', y: y.y, cal: y.cal },
          skip: this.inSetClitic(i, this.lex.yearWords)!,
        };
      return null;
    }
    const y = this.year(i);
    if (!y || this.toks[i]!.kind !== 'number') return null;
    let p = i - 1;
    if (this.isPunct(p, new Set(['.']))) p--; // «في .2021»
    const cue =
      y.marked || this.inSetClitic(p, this.lex.yearPrepositions) !== null || this.isPunct(p, new Set(['(']));
    if (!cue || (y.cal === 'g' && (y.y < 1900 || y.y > 2100))) return null;
    return { end: y.end, spec: { t: 'date', y: y.y, cal: y.cal }, skip: 0 };
  }

  /** «أمس», «البارحة», «أول أمس», «اليوم», «غداً», «بعد غد», «مساء أمس», «صباح اليوم»; «في اليوم التالي». */
  relDay(i: number): R {
    let k = i;
    const tod = matchAny(this.toks, k, this.lex.timeOfDay);
    if (tod) k = tod.end;
    const next = matchAny(this.toks, k, this.lex.nextDay);
    const rel = matchAny(
      this.toks,
      k,
      phrasesOf(this.lex.relativeDays, 'words', (r) => r.words),
    );
    const skip = tod ? tod.skip : ((next ?? rel)?.skip ?? 0);
    if (next && (!rel || next.end >= rel.end))
      return { end: next.end, spec: { t: 'same', unit: 'day', offset: 1 }, skip };
    if (!rel) return null;
    const offset = this.lex.relativeDays.find((r) => r.words === rel.words)!.value;
    // «اليوم» before a number or an ordinal is a day count («اليوم الثالث من المعارك»)
    if (
      offset === 0 &&
      rel.words.length === 1 &&
      (readOrdinal(this.toks, rel.end) || this.inSet(rel.end, this.lex.same))
    )
      return null;
    return { end: rel.end, spec: { t: 'relDay', offset }, skip };
  }

  /** «السبت», «يوم الأحد الماضي», «الجمعة المقبل», «مساء الخميس», «الأربعاء 27», «الجمعة من الأسبوع المقبل». */
  weekday(i: number): R {
    let k = i;
    const tod = matchAny(this.toks, k, this.lex.timeOfDay);
    if (tod) k = tod.end;
    // «الأسبوع الماضي يوم الأحد»
    let weekOffset: number | undefined;
    const pre = this.unitRel(k);
    if (pre && pre.spec.t === 'unit' && pre.spec.unit === 'week') {
      weekOffset = pre.spec.offset;
      k = pre.end;
    }
    const dayWord = this.inSet(k, this.lex.dayWord) || this.inSetClitic(k, this.lex.dayWord) !== null;
    if (dayWord) k++;
    const w = this.weekdayAt(k, dayWord);
    if (!w) return null;
    // «يوم الجمعة»: the span is «الجمعة» (as Recognizers-Text marks it), unless more comes before
    const from = tod || pre ? i : k;
    const skip = from === k ? w.skip : tod ? tod.skip : 0;
    let j = w.end;
    const spec: TimeSpec & { t: 'weekday' } = { t: 'weekday', wd: w.wd, dir: 'default' };
    if (weekOffset !== undefined) spec.weekOffset = weekOffset;
    const dir = this.direction(j);
    if (dir) {
      spec.dir = dir.dir;
      j = dir.end;
    } else {
      let m = j;
      if (this.n(m) === 'من') m++;
      const u = this.unitRel(m);
      if (u && u.spec.t === 'unit' && u.spec.unit === 'week') {
        spec.weekOffset = u.spec.offset;
        j = u.end;
      } else {
        let d = j;
        if (this.n(d) === 'في') d++;
        const day = this.day(d);
        if (day && !this.month(day.end) && !(this.n(day.end) === ':')) {
          spec.day = day.d;
          j = day.end;
        }
      }
    }
    if (this.n(i - 1) === 'هذا') spec.dir = spec.dir === 'default' ? 'this' : spec.dir;
    return { end: j, spec, skip, from };
  }

  /** «الأسبوع الماضي», «الشهر الجاري», «العام المقبل», «هذا العام», «السنة الماضية», «العام قبل
   * الماضي», «الأسبوع بعد القادم», and anaphoric «الشهر نفسه», «العام ذاته». */
  unitRel(i: number): R {
    let k = i;
    let skip = 0;
    const demonstrative = this.n(k) === 'هذا' || this.n(k) === 'هذه';
    if (demonstrative) k++;
    const w = this.n(k);
    if (!w) return null;
    let unit: Unit | undefined;
    for (const r of cliticReadings(w)) {
      const u = this.lex.units.get(r.word);
      if (u && u.form === 'one' && r.word.startsWith('ال') && u.unit !== 'hour') {
        unit = u.unit;
        if (k === i) skip = r.skip;
        break;
      }
    }
    if (!unit) return null;
    if (unit === 'day' && !this.inSet(k + 1, this.lex.same)) return null; // «اليوم …» is relDay's
    const j = k + 1;
    if (this.inSet(j, this.lex.same)) return { end: j + 1, spec: { t: 'same', unit, offset: 0 }, skip };
    if (this.n(j) === 'قبل' && this.inSet(j + 1, this.lex.past))
      return { end: j + 2, spec: { t: 'unit', unit, offset: -2 }, skip };
    if (this.n(j) === 'بعد' && this.inSet(j + 1, this.lex.next))
      return { end: j + 2, spec: { t: 'unit', unit, offset: 2 }, skip };
    const dir = this.direction(j);
    if (dir) {
      // «السابق»/«التالي» after a unit are anaphoric in news («في الشهر التالي»): kept relative to the
      // anchor here, as Recognizers-Text does
      const offset = dir.dir === 'past' ? -1 : dir.dir === 'next' ? 1 : 0;
      return { end: dir.end, spec: { t: 'unit', unit, offset }, skip };
    }
    if (demonstrative) return { end: j, spec: { t: 'unit', unit, offset: 0 }, skip };
    return null;
  }

  /** «أواخر يوليو», «منتصف فبراير الماضي», «مطلع العام», «أواخر 2023», «بداية العام الجاري», «نهاية الشهر». */
  part(i: number): R {
    let best: { end: number; skip: number; words: string[] } | null = null;
    for (const p of this.lex.parts) {
      const m = matchPhrase(this.toks, i, p.words);
      if (m && (!best || m.end > best.end)) best = { ...m, words: p.words };
    }
    if (!best) return null;
    const part = this.lex.parts.find((p) => p.words === best!.words)!.value;
    let k = best.end;
    if (this.n(k) === 'من' || this.n(k) === 'في') k++; // «في وقت مبكر من», «أواخر من»
    const of =
      this.dayMonthYear(k) ??
      this.monthYear(k, false) ??
      this.unitRel(k) ??
      this.yearExpr(k) ??
      (() => {
        const y = this.year(k);
        return y ? { end: y.end, spec: { t: 'date', y: y.y, cal: y.cal } as TimeSpec, skip: 0 } : null;
      })() ??
      (() => {
        // «مطلع العام», «نهاية الشهر»: the current one
        const u = this.lex.units.get(this.n(k) ?? '');
        if (
          u &&
          u.form === 'one' &&
          this.n(k)!.startsWith('ال') &&
          ['week', 'month', 'year'].includes(u.unit)
        ) {
          return { end: k + 1, spec: { t: 'unit', unit: u.unit, offset: 0 } as TimeSpec, skip: 0 };
        }
        return null;
      })();
    if (!of) return null;
    if (of.spec.t === 'date' && of.spec.d !== undefined) return null; // «أول 4 أغسطس» is the date
    return { end: of.end, spec: { t: 'part', part, of: of.spec }, skip: best.skip };
  }

  /** «قبل يومين», «منذ ثلاثة أسابيع», «قبل نحو شهرين», «بعد يومين من الهجوم», «بعد أسبوعين من الآن». */
  shift(i: number): R {
    const w = this.n(i);
    if (!w) return null;
    const readings = cliticReadings(w);
    const ago = readings.find((r) => this.lex.ago.has(r.word));
    const after = readings.find((r) => this.lex.after.has(r.word));
    const head = ago ?? after;
    if (!head) return null;
    let k = i + 1;
    if (this.n(k) === 'مرور') k++;
    if (['نحو', 'حوالي', 'قرابه', 'زهاء'].includes(this.n(k) ?? '')) k++;
    const cu = this.countUnit(k);
    if (!cu || cu.n === null) return null;
    // «منذ عام 2013» is a year, «منذ سنة 2020» too
    if (cu.n === 1 && this.year(cu.end)) return null;
    let end = cu.end;
    if (this.inSet(end, this.lex.agoSuffix)) end++;
    let from: 'anchor' | 'event' | 'previous' = ago ? 'anchor' : 'previous';
    const fromNow = matchAny(
      this.toks,
      end,
      phrasesOf(this.lex.fromNow, 'min', (p) => ['من', ...p.slice(1)]),
    );
    if (fromNow) {
      end = fromNow.end;
      from = 'anchor';
    } else if ((this.n(end) === 'من' || this.n(end) === 'علي') && this.toks[end + 1]?.kind === 'word') {
      // «بعد يومين من الهجوم», «قبل أسبوع من الانتخابات»: measured from an event
      from = 'event';
      end += 2;
    }
    const dir = ago ? -1 : 1;
    return { end, spec: { t: 'shift', n: cu.n, unit: cu.unit, dir, from }, skip: head.skip };
  }

  /** «الأسابيع الثلاثة الماضية», «آخر 3 سنوات», «العقدين الماضيين», «الأيام المقبلة» (vague without a count). */
  lastN(i: number): R {
    let k = i;
    let n: number | null = null;
    let skip = 0;
    const w = this.n(k);
    if (w === 'اخر') {
      const cu = this.countUnit(k + 1);
      if (cu && cu.n !== null)
        return { end: cu.end, spec: { t: 'lastN', n: cu.n, unit: cu.unit, dir: -1 }, skip: 0 };
      return null;
    }
    let unit: Unit | undefined;
    for (const r of cliticReadings(w ?? '')) {
      const u = this.lex.units.get(r.word);
      if (u && r.word.startsWith('ال') && (u.form === 'plural' || u.form === 'dual')) {
        unit = u.unit;
        skip = r.skip;
        if (u.form === 'dual') n = 2;
        break;
      }
    }
    if (!unit) return null;
    k++;
    const c = readCardinal(this.toks, k);
    if (c && n === null) {
      n = c.value;
      k = c.end;
    }
    if (['القليله', 'العديده', 'الاخيره'].includes(this.n(k) ?? '') && this.inSet(k + 1, this.lex.past)) k++;
    const dir = this.direction(k);
    if (!dir || dir.dir === 'this') return null;
    const d = dir.dir === 'past' ? -1 : 1;
    if (n === null) return { end: dir.end, spec: { t: 'vague' }, skip };
    return { end: dir.end, spec: { t: 'lastN', n, unit, dir: d }, skip };
  }

  /** «لمدة ثلاثة أيام», «طوال أسبوعين», «على مدى 48 ساعة». */
  duration(i: number): R {
    const cue = matchAny(this.toks, i, this.lex.durationCues);
    if (!cue) return null;
    const cu = this.countUnit(cue.end);
    if (!cu) return null;
    if (cu.n === 1 && this.year(cu.end)) return null; // «خلال عام 2023»
    return { end: cu.end, spec: { t: 'duration', n: cu.n, unit: cu.unit }, skip: cue.skip };
  }

  /** «السبعينيات [من القرن الماضي]», «الربع الثالث من عام 2016», «النصف الأول من العام». */
  period(i: number): R {
    const dec = matchAny(
      this.toks,
      i,
      phrasesOf(this.lex.decades, 'words', (d) => d.words),
    );
    if (dec) {
      const tens = this.lex.decades.find((d) => d.words === dec.words)!.value;
      let end = dec.end;
      let century: number | undefined;
      if (this.n(end) === 'من') end++;
      if (this.n(end) === 'القرن') {
        const o = readOrdinal(this.toks, end + 1);
        if (this.inSet(end + 1, this.lex.past)) {
          century = 1900;
          end += 2;
        } else if (o) {
          century = (o.value - 1) * 100;
          end = o.end;
        } else if (this.n(end + 1) === 'العشرين') {
          century = 1900;
          end += 2;
        } else end = dec.end;
      } else end = dec.end;
      const spec: TimeSpec = { t: 'decade', tens };
      if (century !== undefined) spec.century = century;
      return { end, spec, skip: dec.skip };
    }
    for (const [list, size] of [
      [this.lex.quarters, 3],
      [this.lex.halves, 6],
    ] as const) {
      const q = matchAny(
        this.toks,
        i,
        phrasesOf(list, 'words', (d) => d.words),
      );
      if (!q) continue;
      const index = list.find((d) => d.words === q.words)!.value;
      let k = q.end;
      if (this.n(k) === 'من' || this.n(k) === 'في') k++;
      const of =
        this.yearExpr(k) ??
        this.unitRel(k) ??
        (() => {
          const y = this.year(k, { words: true });
          if (y) return { end: y.end, spec: { t: 'date', y: y.y, cal: y.cal } as TimeSpec, skip: 0 };
          if (this.n(k) === 'العام' || this.n(k) === 'السنه')
            return { end: k + 1, spec: { t: 'unit', unit: 'year', offset: 0 } as TimeSpec, skip: 0 };
          return null;
        })();
      if (!of) return null;
      return { end: of.end, spec: { t: 'quarter', index, size, of: of.spec }, skip: q.skip };
    }
    return null;
  }

  /** «يوم 27»: a day of the anchor's month (a bare «27» is a count, not a date). */
  dayOnly(i: number): R {
    const skip = this.inSetClitic(i, new Set(['يوم']));
    if (skip === null) return null;
    const t = this.toks[i + 1];
    const day = this.day(i + 1);
    if (!day || t?.kind !== 'number' || this.month(day.end) || this.isPunct(day.end, SEP)) return null;
    return { end: day.end, spec: { t: 'date', d: day.d, cal: 'g' }, skip };
  }

  /** «مؤخراً», «في الآونة الأخيرة». */
  vague(i: number): R {
    const v = matchAny(this.toks, i, this.lex.vague);
    return v ? { end: v.end, spec: { t: 'vague' }, skip: v.skip } : null;
  }

  /** A point for a range end. */
  private point(i: number): R {
    const c = [
      this.dayMonthYear(i),
      this.monthDayYear(i),
      this.numeric(i),
      this.monthYear(i, false),
      this.yearExpr(i),
      this.weekday(i),
      this.relDay(i),
    ];
    let best: R = null;
    for (const r of c) if (r && (!best || r.end > best.end)) best = r;
    return best;
  }

  /** «من 4 إلى 22 يناير 2017», «بين 15 و19 نوفمبر», «19-20 نوفمبر», «من 2 أكتوبر إلى 22 أكتوبر»,
   * «بين 2014 و2018», «2014-2018», «اليوم حتى الأحد المقبل». */
  range(i: number): R {
    const lead = matchAny(this.toks, i, this.lex.rangeStart);
    const k = lead ? lead.end : i;
    // the first end may be a bare day or a bare year, completed by the second
    let a: R = this.point(k);
    const bareDay = this.day(k);
    if ((!a || a.end <= (bareDay?.end ?? 0)) && bareDay)
      a = { end: bareDay.end, spec: { t: 'date', d: bareDay.d, cal: 'g' }, skip: bareDay.skip };
    const t = this.toks[k];
    if (!a && t?.kind === 'number' && /^\d{4}$/.test(t.norm))
      a = { end: k + 1, spec: { t: 'date', y: Number(t.norm), cal: 'g' }, skip: 0 };
    if (!a) return null;
    let j = a.end;
    if (!this.inSet(j, this.lex.rangeJoin)) return null;
    j++;
    if (this.n(j) === 'يوم') j++;
    let b: R = this.point(j);
    const u = this.toks[j];
    if (!b && u?.kind === 'number' && /^\d{4}$/.test(u.norm))
      b = { end: j + 1, spec: { t: 'date', y: Number(u.norm), cal: 'g' }, skip: 0 };
    if (!b || a.spec.t !== b.spec.t) {
      if (!b || !(a.spec.t === 'date' || a.spec.t === 'weekday' || a.spec.t === 'relDay')) return null;
    }
    const A = a.spec;
    const B = b.spec;
    if (A.t === 'date' && B.t === 'date') {
      // «4 إلى 22 يناير 2017»: the first end takes the month and year of the second
      const from: TimeSpec = { ...A };
      if (from.t === 'date') {
        if (from.m === undefined && from.d !== undefined) {
          if (B.m === undefined) return null;
          from.m = B.m;
          from.cal = B.cal;
        }
        if (from.y === undefined && B.y !== undefined && from.m !== undefined) from.y = B.y;
        if (from.y === undefined && from.m === undefined) return null;
        if (from.dir === undefined && B.dir) from.dir = B.dir;
        if (from.yearOffset === undefined && B.yearOffset !== undefined) from.yearOffset = B.yearOffset;
        // a bare year range needs 4-digit years on both sides, and no «و» reading of «5 و 2014»
        if (A.y !== undefined && A.m === undefined && (B.m !== undefined || B.y === undefined)) return null;
      }
      return { end: b.end, spec: { t: 'range', from, to: B }, skip: lead ? lead.skip : a.skip };
    }
    // «الجمعة حتى الأحد», «اليوم حتى الغد»: other points need «حتى»/«إلى» (or a leading «من»/«بين»)
    if (!lead && this.n(a.end) === 'و') return null;
    return { end: b.end, spec: { t: 'range', from: A, to: B }, skip: lead ? lead.skip : a.skip };
  }

  /** Every reading that starts at token i. */
  readingsAt(i: number): Reading[] {
    const out: Reading[] = [];
    for (const f of [
      this.range,
      this.dayMonthYear,
      this.monthDayYear,
      this.numeric,
      this.monthYear,
      this.yearExpr,
      this.part,
      this.period,
      this.relDay,
      this.weekday,
      this.unitRel,
      this.shift,
      this.lastN,
      this.duration,
      this.vague,
      this.dayOnly,
    ]) {
      const r = f.call(this, i);
      if (r) out.push(r);
    }
    return out;
  }
}

const monthIndexes = new WeakMap<TimeLexicon, Map<string, TimeLexicon['months']>>();

/** Month names by their first word, built once per lexicon. */
function monthIndex(lex: TimeLexicon): Map<string, TimeLexicon['months']> {
  let index = monthIndexes.get(lex);
  if (!index) {
    index = new Map();
    for (const e of lex.months) {
      const first = e.words[0];
      if (first === undefined) continue;
      const list = index.get(first) ?? [];
      list.push(e);
      index.set(first, list);
    }
    monthIndexes.set(lex, index);
  }
  return index;
}
