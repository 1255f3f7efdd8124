// «بعد يومين من الهجوم انسحب الجيش», «تأتي الهجمات بعد ثلاثة أسابيع من توقيع المعاهدة»: a date
// measured from another event. When one of the two events has a date and the other none, the
// other's follows: the event after the expression is shifted forward from the one it names, and
// the one it names is shifted back from it.
import type { DateRange, Span, TemporalMention } from '../../model/index.js';
import { findTemporalExpressions, resolveSpec, type TimeSpec } from '../time/index.js';

type Shift = Extract<TimeSpec, { t: 'shift' }>;

/** What the rule needs of a detected event: its triggers (all its reports) and its date. */
export interface DatableEvent {
  triggers: readonly Span[];
  event: { date: DateRange | null };
}

/** How far the complement of «من» may reach («من إعلان دول الساحل توقيع معاهدة …»). */
const COMPLEMENT_CHARS = 90;

/** A date expression measured from another event, with its parse. */
export interface EventMeasure {
  mention: TemporalMention;
  spec: Shift;
}

/**
 * The document's expressions that measure from another event («بعد يومين من الهجوم»): the stored
 * mentions keep no parse, so the few unresolved relative ones are parsed again, once per document.
 */
export function eventMeasures(dates: readonly TemporalMention[]): EventMeasure[] {
  const out: EventMeasure[] = [];
  for (const m of dates) {
    if (m.value || m.kind !== 'relative') continue;
    const spec = findTemporalExpressions(m.text, { published: null }).find(
      (e) => e.spec.t === 'shift' && e.spec.from === 'event',
    )?.spec;
    if (spec?.t === 'shift') out.push({ mention: m, spec });
  }
  return out;
}

function shifted(spec: Shift, from: DateRange, dir: 1 | -1): DateRange | null {
  const v = resolveSpec(
    { ...spec, dir: (spec.dir * dir) as 1 | -1 },
    { published: null, event: from },
  )?.value;
  return v ? { start: v.start, end: v.end, precision: v.precision } : null;
}

/** No clause boundary between the two spans («…، كما أدلى …» is another clause). */
function sameClause(text: string, a: Span, b: Span): boolean {
  const from = Math.min(a.end, b.end);
  const to = Math.max(a.start, b.start);
  return !/[،,؛;:.!?؟]/u.test(text.slice(from, to));
}

function firstAfter(e: DatableEvent, pos: number): number {
  return Math.min(...e.triggers.filter((t) => t.start >= pos).map((t) => t.start));
}

/** Dates events by the expressions that measure one event from another (in place; returns count). */
export function dateFromOtherEvents(
  text: string,
  events: DatableEvent[],
  measures: readonly EventMeasure[],
  sentences: readonly Span[],
): number {
  let dated = 0;
  for (const { mention: m, spec } of measures) {
    const sentence = sentences.find((s) => s.start <= m.start && m.end <= s.end);
    if (!sentence) continue;
    const inSentence = (t: Span) => t.start >= sentence.start && t.end <= sentence.end;
    // the event the expression names: a trigger inside it («من الهجوم»), else the first one in
    // the complement just after it («من إعلان الدول توقيع معاهدة»)
    const inside = (t: Span) => t.start >= m.start && t.end <= m.end;
    const named =
      events.find((e) => e.triggers.some((t) => inSentence(t) && inside(t))) ??
      events
        .filter((e) =>
          e.triggers.some((t) => inSentence(t) && t.start >= m.end && t.start <= m.end + COMPLEMENT_CHARS),
        )
        .sort((a, b) => firstAfter(a, m.end) - firstAfter(b, m.end))[0];
    if (!named) continue;
    // the event measured from it: the nearest other trigger of the sentence outside the expression
    let measured: DatableEvent | undefined;
    let best = Number.POSITIVE_INFINITY;
    for (const e of events) {
      if (e === named) continue;
      for (const t of e.triggers) {
        if (!inSentence(t) || inside(t) || !sameClause(text, t, m)) continue;
        const d = t.end <= m.start ? m.start - t.end : t.start - m.end;
        if (d < best) {
          best = d;
          measured = e;
        }
      }
    }
    if (!measured) continue;
    if (named.event.date && !measured.event.date) {
      measured.event.date = shifted(spec, named.event.date, 1);
      if (measured.event.date) dated++;
    } else if (measured.event.date && !named.event.date) {
      named.event.date = shifted(spec, measured.event.date, -1);
      if (named.event.date) dated++;
    }
  }
  return dated;
}
