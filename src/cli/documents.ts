import type { Command } from 'commander';
import { type GlobalOptions, makeContext } from './context.js';

export function registerDocuments(program: Command): void {
  program
    .command('documents')
    .alias('ls')
    .description('list stored documents in ingest order')
    .option('--limit <n>', 'rows per page', '50')
    .option('--offset <n>', 'skip this many rows', '0')
    .action(async (opts: { limit: string; offset: string }, cmd: Command) => {
      const ctx = makeContext(cmd.optsWithGlobals<GlobalOptions>());
      const { total, rows } = await ctx.withStore(async (store) => ({
        total: await store.countDocuments(),
        rows: await store.listDocuments({ limit: Number(opts.limit), offset: Number(opts.offset) }),
      }));
      if (ctx.out.json) return ctx.out.data({ total, documents: rows });
      ctx.out.line(`${total} documents`);
      for (const d of rows)
        ctx.out.line(`${d.id.slice(0, 19)}  ${d.published ?? '—'.padEnd(10)}  ${d.source}  ${d.title ?? ''}`);
    });

  program
    .command('failures')
    .description('list inputs that could not be ingested, with their error codes')
    .option('--limit <n>', 'rows per page', '100')
    .option('--offset <n>', 'skip this many rows', '0')
    .action(async (opts: { limit: string; offset: string }, cmd: Command) => {
      const ctx = makeContext(cmd.optsWithGlobals<GlobalOptions>());
      const rows = await ctx.withStore((store) =>
        store.listFailures({ limit: Number(opts.limit), offset: Number(opts.offset) }),
      );
      if (ctx.out.json) return ctx.out.data({ failures: rows });
      ctx.out.line(`${rows.length} failures`);
      for (const f of rows) ctx.out.line(`${f.at}  ${f.code}  ${f.source}: ${f.message}`);
    });
}
