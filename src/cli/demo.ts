import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { runIngestJob } from '../jobs/index.js';
import { type GlobalOptions, makeContext } from './context.js';
import { describeFailure } from './output.js';
import { markSnippet } from './search.js';
import { runServer } from './serve.js';

/** The sample corpus shipped with Marsad: short Arabic news items written for the project. */
export const SAMPLE_CORPUS = fileURLToPath(new URL('../../data/sample/', import.meta.url));

const EXAMPLE_QUERIES = ['فاغنر', 'المتمردين', '"قطع العلاقات"'];

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('ingest the shipped sample corpus and show what Marsad made of it (npm start)')
    .option('--serve', 'then serve the API and the web app (what npm start does)')
    .option('--no-serve', 'only ingest and print (overrides --serve: npm start -- --no-serve)')
    .option('--port <port>', 'port for --serve (default 4317)')
    .action(async (opts: { serve?: boolean; port?: string }, cmd: Command) => {
      const ctx = makeContext(cmd.optsWithGlobals<GlobalOptions>());
      await ctx.withStore(async (store) => {
        const report = await runIngestJob({
          inputs: [SAMPLE_CORPUS],
          store,
          settings: ctx.settings,
          kbDirs: ctx.kbDirs,
          progress: ctx.out.progress(),
        });
        const total = await store.countDocuments();
        const searches = [];
        for (const q of EXAMPLE_QUERIES) searches.push({ q, result: await store.search({ q, limit: 3 }) });
        if (ctx.out.json) {
          ctx.out.data({ db: ctx.settings.db, report, total, searches });
          if (opts.serve) await runServer(ctx, store, opts.port === undefined ? {} : { port: opts.port });
          return;
        }
        ctx.out.line(`Marsad sample corpus → ${ctx.settings.db}`);
        ctx.out.line(
          `  ${report.seen} articles read: ${report.stored} new, ${report.duplicates} already stored, ${report.failed} failed; ${total} documents in the store`,
        );
        for (const f of report.failures) ctx.out.line(`  failed: ${describeFailure(f)}`);
        ctx.out.line();
        for (const d of await store.listDocuments({ limit: 20 }))
          ctx.out.line(`  ${d.published ?? '—'.padEnd(10)}  ${d.title ?? basename(d.source)}`);
        for (const { q, result } of searches) {
          ctx.out.line();
          ctx.out.line(`marsad search ${q}  → ${result.total} documents`);
          for (const hit of result.hits) {
            ctx.out.line(`  ${hit.title ?? basename(hit.source)}`);
            ctx.out.line(`    ${markSnippet(hit)}`);
          }
        }
        ctx.out.line();
        ctx.out.line('Next: marsad search <words>, marsad show <id>, marsad export --format jsonl');
        if (opts.serve) {
          ctx.out.line();
          await runServer(ctx, store, opts.port === undefined ? {} : { port: opts.port });
        }
      });
    });
}
