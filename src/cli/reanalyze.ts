import type { Command } from 'commander';
import { runReanalyzeJob } from '../jobs/index.js';
import { type GlobalOptions, makeContext } from './context.js';
import { EXIT } from './exit-codes.js';
import { describeFailure } from './output.js';

export function registerReanalyze(program: Command): void {
  program
    .command('reanalyze')
    .description('run the analysis again over every stored document (after a KB or lexicon change)')
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = makeContext(cmd.optsWithGlobals<GlobalOptions>());
      const report = await ctx.withStore((store) =>
        runReanalyzeJob({ store, kbDirs: ctx.kbDirs, progress: ctx.out.progress() }),
      );
      if (ctx.out.json) ctx.out.data(report);
      else {
        for (const f of report.failures) ctx.out.error(describeFailure(f));
        ctx.out.line(
          `${report.updated} documents re-analysed, ${report.failed} failed; ` +
            `${report.corpus.clusters} name clusters, ${report.corpus.edited} documents re-edited`,
        );
      }
      if (report.failed) process.exitCode = EXIT.partial;
    });
}
