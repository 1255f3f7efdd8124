import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { EXPORT_FORMATS, type ExportFormat, runExportJob } from '../jobs/index.js';
import { defaultKbDirs, loadKnowledgeBase } from '../kb/index.js';
import { MarsadError } from '../model/index.js';
import { type GlobalOptions, makeContext } from './context.js';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description(
      'write every stored document out (jsonl: one marsad.document/v1 per line; acled: ACLED CSV, one row per event)',
    )
    .option('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`, 'jsonl')
    .option('-o, --out <file>', 'write to a file instead of standard output')
    .action(async (opts: { format: string; out?: string }, cmd: Command) => {
      const ctx = makeContext(cmd.optsWithGlobals<GlobalOptions>());
      if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format))
        throw new MarsadError('E_USAGE', `--format: expected one of ${EXPORT_FORMATS.join(', ')}`);
      const stream = opts.out ? createWriteStream(opts.out) : process.stdout;
      const { documents } = await ctx.withStore((store) =>
        runExportJob({
          store,
          out: stream,
          format: opts.format as ExportFormat,
          ...(opts.format === 'acled' ? { kb: loadKnowledgeBase({ dirs: defaultKbDirs(process.env) }) } : {}),
          progress: opts.out ? ctx.out.progress() : undefined,
        }),
      );
      if (opts.out) {
        stream.end();
        await finished(stream);
        ctx.out.note(`${documents} documents → ${opts.out}`);
      }
    });
}
