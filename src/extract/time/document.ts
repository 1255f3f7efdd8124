// The dates of a whole document: every temporal expression, with relative ones anchored on the
// publication date or, when there is none, on the latest explicit date of the text.
import type { TemporalMention } from '../../model/index.js';
import { addMonths } from './calendar.js';
import { findTemporalExpressions, type TemporalExpression } from './find.js';
import { resolveSpec } from './resolve.js';

/**
 * The document's dates. Without a publication date, relative ones («مارس الماضي», «في يوليو
 * الماضي») are resolved from the explicit dates of the text (FORMAT.md's convention): an article is
 * written after every date it names, so the anchor is the first month after the latest explicit
 * month or day at which every named-month relative expression falls on or after it. Texts that
 * give only years, or none, keep their relative dates unresolved.
 */
export function documentTemporalExpressions(text: string, published: string | null): TemporalExpression[] {
  const base = findTemporalExpressions(text, { published });
  if (published) return base;
  const explicit = base.filter((e) => e.kind === 'date' && e.value && e.value.precision !== 'year');
  const unresolved = base.filter((e) => e.kind === 'relative' && !e.value);
  if (!explicit.length || !unresolved.length) return base;
  const latest = explicit
    .map((e) => e.value!.end)
    .sort()
    .at(-1)!;
  const floor = latest.slice(0, 7);
  const [y, m] = latest.split('-').map(Number) as [number, number];
  // re-resolve only what needs the anchor (findTemporalExpressions is the costly part)
  for (let k = 1; k <= 12; k++) {
    const a = addMonths(y, m, k);
    const anchor = `${a.y}-${String(a.m).padStart(2, '0')}-15`;
    const values = new Map(
      unresolved.map((e) => [e, resolveSpec(e.spec, { published: anchor })?.value ?? null]),
    );
    const named = [...values.values()].filter((v) => v && v.precision !== 'year');
    if (!named.length) return base;
    if (named.every((v) => v!.start.slice(0, 7) >= floor))
      return base.map((e) =>
        values.get(e) ? { ...e, value: values.get(e)!, anchoredOn: 'published' as const } : e,
      );
  }
  return base;
}

/** The document's dates as the model keeps them (offsets, text, kind, resolved range). */
export function documentDates(text: string, published: string | null): TemporalMention[] {
  return documentTemporalExpressions(text, published).map((e) => ({
    start: e.start,
    end: e.end,
    text: e.text,
    kind: e.kind,
    value: e.value ? { start: e.value.start, end: e.value.end, precision: e.value.precision } : null,
  }));
}
