import type { Command } from 'commander';
import { MarsadError, toExportDocument } from '../model/index.js';
import { type GlobalOptions, makeContext } from './context.js';

export function registerShow(program: Command): void {
  program
    .command('show')
    .description('print one stored document (by id, id prefix or source)')
    .argument('<doc>')
    .option('--sentences', 'number the sentences')
    .action(async (ref: string, opts: { sentences?: boolean }, cmd: Command) => {
      const ctx = makeContext(cmd.optsWithGlobals<GlobalOptions>());
      const doc = await ctx.withStore((store) => store.getDocument(ref));
      if (!doc) throw new MarsadError('E_NOT_FOUND', `no document matches ${ref}`);
      if (ctx.out.json) return ctx.out.data(toExportDocument(doc));
      ctx.out.line(`id         ${doc.id}`);
      ctx.out.line(`source     ${doc.source}`);
      if (doc.url) ctx.out.line(`url        ${doc.url}`);
      ctx.out.line(`title      ${doc.title ?? '—'}`);
      ctx.out.line(`published  ${doc.published ?? '—'}`);
      ctx.out.line(`language   ${doc.language}   encoding ${doc.encoding ?? '—'}`);
      ctx.out.line(
        `size       ${doc.text.length} characters, ${doc.tokenCount} tokens, ${doc.sentences.length} sentences`,
      );
      ctx.out.line(
        `extracted  ${doc.entities.length} entities, ${doc.events.length} events, ` +
          `${doc.claims.length} claims, ${doc.relations.length} relations`,
      );
      for (const w of doc.warnings) ctx.out.line(`warning    ${w}`);
      ctx.out.line();
      if (opts.sentences)
        doc.sentences.forEach((s, i) => {
          ctx.out.line(`[${i + 1}] ${doc.text.slice(s.start, s.end)}`);
        });
      else ctx.out.line(doc.text);
    });
}
