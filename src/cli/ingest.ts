import type { Command } from 'commander';
import { runIngestJob } from '../jobs/index.js';
import { type GlobalOptions, makeContext } from './context.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { describeFailure } from './output.js';

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description(
      'read articles (files, directories, JSONL, HTML, RSS/Atom, URLs, - for stdin) into the store',
    )
    .argument('<inputs...>', 'paths, URLs, or - for standard input')
    .action(async (inputs: string[], _opts: unknown, cmd: Command) => {
      const ctx = makeContext(cmd.optsWithGlobals<GlobalOptions>());
      const report = await ctx.withStore((store) =>
        runIngestJob({
          inputs,
          store,
          settings: ctx.settings,
          kbDirs: ctx.kbDirs,
          progress: ctx.out.progress(),
          stdin: process.stdin,
        }),
      );
      if (ctx.out.json) ctx.out.data(report);
      else {
        for (const f of report.failures) ctx.out.error(describeFailure(f));
        const rate = report.elapsedMs ? (report.seen / report.elapsedMs) * 1000 : 0;
        ctx.out.line(
          `${report.stored} stored, ${report.duplicates} already present, ${report.failed} failed ` +
            `(${report.seen} read in ${(report.elapsedMs / 1000).toFixed(1)} s, ${rate.toFixed(0)}/s) → ${ctx.settings.db}`,
        );
      }
      if (report.failed && report.failed === report.seen) {
        const codes = new Set(report.failures.map((f) => f.code));
        process.exitCode = codes.size === 1 ? exitCodeFor([...codes][0]!) : EXIT.input;
      } else if (report.failed) process.exitCode = EXIT.partial;
    });
}
