import type { Command } from 'commander';
import { analyzeArticle, createPipeline } from '../extract/index.js';
import { readSources } from '../ingest/index.js';
import { toExportDocument } from '../model/index.js';
import { type GlobalOptions, makeContext } from './context.js';
import { exitCodeFor } from './exit-codes.js';

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('analyse one article and print it as marsad.document/v1 (no store is touched)')
    .argument('<input>', 'a file, URL, or - for standard input')
    .option('--pretty', 'indent the JSON')
    .action(async (input: string, opts: { pretty?: boolean }, cmd: Command) => {
      const ctx = makeContext(cmd.optsWithGlobals<GlobalOptions>());
      const pipeline = createPipeline({ kbDirs: ctx.kbDirs });
      let printed = 0;
      for await (const item of readSources([input], {
        maxBytes: ctx.settings.maxBytes,
        fetchTimeoutMs: ctx.settings.fetchTimeoutMs,
        stdin: process.stdin,
      })) {
        if (!item.ok) {
          ctx.out.error(`${item.source}: ${item.error.code}: ${item.error.message}`);
          process.exitCode = exitCodeFor(item.error.code);
          continue;
        }
        const doc = toExportDocument(analyzeArticle(item.article, pipeline));
        ctx.out.line(opts.pretty ? JSON.stringify(doc, null, 2) : JSON.stringify(doc));
        printed++;
      }
      if (!printed && !process.exitCode) process.exitCode = exitCodeFor('E_EMPTY');
    });
}
