// findTemporalExpressions: every date, relative date, vague time and duration in a text, with its
// half-open span and, where the anchors allow, its resolved range.
import type { Span } from '../../model/index.js';
import { scan } from '../quantity/index.js';
import type { DateValue } from './calendar.js';
import { Grammar, type Reading } from './grammar.js';
import type { Part, Unit } from './lexicon.js';
import { type ResolveContext, resolveSpec } from './resolve.js';
import type { TimeSpec } from './spec.js';

export type TemporalKind = 'date' | 'relative' | 'vague' | 'duration';

export interface TemporalExpression {
  /** Half-open offsets into the text. */
  start: number;
  end: number;
  text: string;
  /** date: absolute («4 أغسطس 2024», «عام 2013»); relative: needs an anchor («أمس», «في مارس»,
   * «10 أغسطس»); vague: no range worth giving («مؤخراً»); duration: how long («لمدة ثلاثة أيام»). */
  kind: TemporalKind;
  /** null when it cannot be resolved (relative with no anchor, vague, duration). */
  value: DateValue | null;
  anchoredOn?: 'published' | 'explicit';
  /** «أواخر يوليو» → early/mid/late and the narrower range (days 21–31) inside `value`. */
  part?: Part;
  narrow?: DateValue;
  /** Hijri expressions, converted with the tabular calendar (±1 day). */
  calendar?: 'hijri';
  duration?: { amount: number | null; unit: Unit };
  /** The parse, to resolve again on another anchor (resolveSpec). */
  spec: TimeSpec;
}

export interface TemporalAnchor {
  /** YYYY-MM-DD of the document's publication, or null. */
  published: string | null;
}

export interface TemporalOptions {
  /** The date of the event relative expressions are measured from («بعد يومين من الهجوم»). */
  event?: DateValue | null;
}

function needsAnchor(s: TimeSpec): boolean {
  switch (s.t) {
    case 'date':
      return s.y === undefined;
    case 'part':
    case 'quarter':
      return needsAnchor(s.of);
    case 'range':
      return needsAnchor(s.from) || needsAnchor(s.to);
    case 'decade':
      return s.century === undefined;
    case 'duration':
    case 'vague':
      return false;
    default:
      return true;
  }
}

function isHijri(s: TimeSpec): boolean {
  if (s.t === 'date') return s.cal === 'h';
  if (s.t === 'part' || s.t === 'quarter') return isHijri(s.of);
  if (s.t === 'range') return isHijri(s.from) || isHijri(s.to);
  return false;
}

export function kindOf(s: TimeSpec): TemporalKind {
  if (s.t === 'duration') return 'duration';
  if (s.t === 'vague') return 'vague';
  return needsAnchor(s) ? 'relative' : 'date';
}

/**
 * Temporal expressions of `text`, left to right, not overlapping (the longest reading wins:
 * «الأحد 4 أغسطس 2024» is one expression, not a weekday and a date). Relative ones resolve on
 * `anchor.published`, anaphoric ones («في الشهر نفسه») on the previous resolved expression, and
 * «بعد يومين من الهجوم» on `options.event`; otherwise `value` is null.
 */
export function findTemporalExpressions(
  text: string,
  anchor: TemporalAnchor,
  options: TemporalOptions = {},
): TemporalExpression[] {
  const toks = scan(text);
  const g = new Grammar(toks);
  const candidates: { start: number; end: number; r: Reading; order: number }[] = [];
  for (let i = 0; i < toks.length; i++) {
    for (const [order, r] of g.readingsAt(i).entries()) {
      const first = toks[r.from ?? i]!;
      const start = first.start + r.skip;
      const end = toks[r.end - 1]!.end;
      if (end > start) candidates.push({ start, end, r, order });
    }
  }
  // longest first; on a tie the earlier start, then the reader listed first
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.order - b.order);
  const taken: typeof candidates = [];
  for (const c of candidates) if (!taken.some((t) => c.start < t.end && t.start < c.end)) taken.push(c);
  taken.sort((a, b) => a.start - b.start);

  const out: TemporalExpression[] = [];
  let previous: DateValue | null = null;
  for (const c of taken) {
    const spec = c.r.spec;
    const ctx: ResolveContext = { published: anchor.published, previous, event: options.event ?? null };
    const res = resolveSpec(spec, ctx);
    const e: TemporalExpression = {
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      kind: kindOf(spec),
      value: res?.value ?? null,
      spec,
    };
    if (res?.anchoredOn) e.anchoredOn = res.anchoredOn;
    if (spec.t === 'part') e.part = spec.part;
    if (res?.narrow) e.narrow = res.narrow;
    if (isHijri(spec)) e.calendar = 'hijri';
    if (spec.t === 'duration') e.duration = { amount: spec.n, unit: spec.unit };
    out.push(e);
    if (e.value) previous = e.value;
  }
  return out;
}

/** What dateForSpan needs of an expression (a TemporalExpression or the model's TemporalMention). */
export type DatedSpan = Pick<TemporalExpression, 'start' | 'end' | 'kind' | 'value'>;

export interface SpanDate {
  expression: DatedSpan;
  value: DateValue;
  /** same-sentence: in the span's sentence; previous-sentence: an explicit date before it. */
  how: 'same-sentence' | 'previous-sentence';
}

/**
 * The date that applies to `span` (an event's trigger or evidence): the resolved expression of
 * the same sentence nearest to the span (one inside the span first), else the explicit (absolute)
 * date nearest before it in the previous `lookBack` sentences. Durations and vague ones never apply.
 */
export function dateForSpan(
  expressions: readonly DatedSpan[],
  span: Span,
  sentences: readonly Span[],
  lookBack = 1,
): SpanDate | null {
  const usable = expressions.filter((e) => e.value && e.kind !== 'duration' && e.kind !== 'vague');
  const si = sentences.findIndex((s) => s.start <= span.start && span.start < s.end);
  const sentence = si >= 0 ? sentences[si]! : span;
  const distance = (e: DatedSpan) =>
    e.start < span.end && span.start < e.end
      ? 0
      : e.end <= span.start
        ? span.start - e.end
        : e.start - span.end;
  const inSentence = usable.filter((e) => e.start >= sentence.start && e.end <= sentence.end);
  if (inSentence.length) {
    const best = inSentence.reduce((a, b) => (distance(b) < distance(a) ? b : a));
    return { expression: best, value: best.value!, how: 'same-sentence' };
  }
  for (let k = si - 1; k >= 0 && k >= si - lookBack; k--) {
    const s = sentences[k]!;
    const here = usable.filter((e) => e.kind === 'date' && e.start >= s.start && e.end <= s.end);
    if (here.length) {
      const best = here[here.length - 1]!;
      return { expression: best, value: best.value!, how: 'previous-sentence' };
    }
  }
  return null;
}
