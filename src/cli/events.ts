import type { Command } from 'commander';
import { collectCorpusEvents, type EventFilter, filterEvents } from '../jobs/index.js';
import type { AnalysedDocument } from '../model/index.js';
import { type GlobalOptions, makeContext } from './context.js';

// The filter moved to src/jobs (the API uses it too); re-exported for existing imports.
export { type EventFilter, filterEvents } from '../jobs/index.js';

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
