// Cuts a document's text into runs for the reader. Every annotation (entity mention, date, event
// evidence, claim content, the highlighted target) is a half-open [start, end) range; a run is a
// stretch of text covered by the same set of annotations. The reader renders each run as one
// text node inside a span: the article's characters never pass through an HTML parser.
// No imports, no DOM: shared by the web app and its unit test.

export type MarkKind = 'entity' | 'date' | 'event' | 'claim' | 'target';

export interface Mark {
  kind: MarkKind;
  start: number;
  end: number;
  /** What a click opens: an entity id, an event id, a claim id, a date's index. */
  ref: string;
  /** Extra style hint: the entity type, the claim stance. */
  variant?: string;
}

export interface Run {
  start: number;
  end: number;
  text: string;
  /** Annotations covering the run, in the order given. */
  marks: Mark[];
}

/** Clicking a run opens the most specific thing under it. */
const PRIORITY: Record<MarkKind, number> = { entity: 0, date: 1, claim: 2, event: 3, target: 4 };

export function primaryMark(run: Run): Mark | undefined {
  let best: Mark | undefined;
  for (const m of run.marks) {
    if (m.kind === 'target') continue;
    if (!best || PRIORITY[m.kind] < PRIORITY[best.kind]) best = m;
  }
  return best;
}

/** What a click on a run that is not an entity opens: its dates, then claims, then events. */
export function openedBy(run: Run): { kind: 'date' | 'claim' | 'event'; ref: string }[] {
  const out: { kind: 'date' | 'claim' | 'event'; ref: string }[] = [];
  for (const kind of ['date', 'claim', 'event'] as const)
    for (const m of run.marks) if (m.kind === kind) out.push({ kind, ref: m.ref });
  return out;
}

export function runs(text: string, marks: readonly Mark[]): Run[] {
  const n = text.length;
  const clean = marks
    .map((m) => ({ ...m, start: Math.max(0, Math.min(n, m.start)), end: Math.max(0, Math.min(n, m.end)) }))
    .filter((m) => m.end > m.start);
  const cuts = new Set<number>([0, n]);
  for (const m of clean) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  // Sweep: marks sorted by start enter the active set, leave it once their end is passed.
  const byStart = clean.map((m, i) => ({ m, i })).sort((a, b) => a.m.start - b.m.start || a.i - b.i);
  const active: { m: Mark; i: number }[] = [];
  let next = 0;
  const out: Run[] = [];
  for (let p = 0; p + 1 < points.length; p++) {
    const a = points[p]!;
    const b = points[p + 1]!;
    while (next < byStart.length && byStart[next]!.m.start <= a) active.push(byStart[next++]!);
    for (let k = active.length - 1; k >= 0; k--) if (active[k]!.m.end <= a) active.splice(k, 1);
    const covering = active
      .filter(({ m }) => m.start <= a && m.end >= b)
      .sort((x, y) => x.i - y.i)
      .map(({ m }) => m);
    out.push({ start: a, end: b, text: text.slice(a, b), marks: covering });
  }
  return out;
}

/** The sentence (from the document's sentence list) that contains `span`, else the span itself. */
export function sentenceOf(
  sentences: readonly { start: number; end: number }[],
  span: { start: number; end: number },
): { start: number; end: number } {
  for (const s of sentences) if (s.start <= span.start && span.end <= s.end) return s;
  // A span across sentences: from the first sentence it touches to the last.
  let start = span.start;
  let end = span.end;
  for (const s of sentences) {
    if (s.end > span.start && s.start <= span.start) start = s.start;
    if (s.start < span.end && s.end >= span.end) end = s.end;
  }
  return { start, end };
}
