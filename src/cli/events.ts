import type { Command } from 'commander';
import { type CorpusEvent, collectCorpusEvents } from '../jobs/index.js';
import type { AnalysedDocument } from '../model/index.js';
import { normalizeForMatch } from '../text/index.js';
import { type GlobalOptions, makeContext } from './context.js';

export interface EventFilter {
  type?: string;
  from?: string;
  to?: string;
  /** An entity id or a name (Arabic or Latin, as written or folded). */
  actor?: string;
  place?: string;
}

function refersTo(c: CorpusEvent, id: string, ref: string): boolean {
  if (id === ref || id === `ent-${ref}`) return true;
  const e = c.entities.get(id);
  if (!e) return false;
  const want = normalizeForMatch(ref).toLowerCase();
  return [e.name, e.name_ar, ...e.aliases].some((n) => n && normalizeForMatch(n).toLowerCase() === want);
}

/** The corpus events that pass the filter (dates compare as ranges: an event overlapping it passes). */
export function filterEvents(events: readonly CorpusEvent[], f: EventFilter): CorpusEvent[] {
  return events.filter((c) => {
    const e = c.event;
    if (f.type && e.type !== f.type) return false;
    if (f.from && (!e.date || e.date.end < f.from)) return false;
    if (f.to && (!e.date || e.date.start > f.to)) return false;
    if (f.actor && !e.actors.some((a) => refersTo(c, a, f.actor!))) return false;
    if (f.place && !(e.location && refersTo(c, e.location, f.place))) return false;
    return true;
  });
}

export function registerEvents(program: Command): void {
  program
    .command('events')
    .description('list corpus events (one row per real event, with its sources)')
    .option('--type <type>', 'an event type (armed_clash, agreement, …)')
    .option('--from <date>', 'events on or after this date (YYYY[-MM[-DD]])')
    .option('--to <date>', 'events on or before this date')
    .option('--actor <actor>', 'an actor: entity id or name')
    .option('--place <place>', 'a location: entity id or name')
    .action(async (opts: EventFilter, cmd: Command) => {
      const ctx = makeContext(cmd.optsWithGlobals<GlobalOptions>());
      const docs = await ctx.withStore(async (store) => {
        const out: AnalysedDocument[] = [];
        for await (const d of store.iterateDocuments()) if (d.events.length) out.push(d);
        return out;
      });
      const rows = filterEvents(collectCorpusEvents(docs), opts);
      if (ctx.out.json)
        return ctx.out.data({
          total: rows.length,
          events: rows.map((c) => ({ ...c.event, sources: c.sources, documents: c.documents })),
        });
      ctx.out.line(`${rows.length} events`);
      for (const c of rows) {
        const e = c.event;
        const name = (id: string) => c.entities.get(id)?.name_ar ?? c.entities.get(id)?.name ?? id;
        const date = e.date
          ? e.date.start === e.date.end
            ? e.date.start
            : `${e.date.start}..${e.date.end}`
          : '—';
        ctx.out.line(
          `${date.padEnd(22)} ${e.type.padEnd(26)} ${e.location ? name(e.location) : '—'}  ${e.actors.map(name).join('، ')}${e.fatalities?.min ? `  (${e.fatalities.min} قتيلاً)` : ''}  [${c.sources.length} sources]`,
        );
      }
    });
}
