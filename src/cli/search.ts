import type { Command } from 'commander';
import type { SearchHit } from '../model/index.js';
import { SearchQuery } from '../model/index.js';
import { type GlobalOptions, makeContext } from './context.js';
import { usageError } from './errors.js';

/**
 * «…» around the matched words, so they stand out in any terminal and in RTL text. Matches that
 * only whitespace separates (the words of a phrase) share one pair of marks.
 */
export function markSnippet(hit: Pick<SearchHit, 'snippet' | 'snippetHighlights'>): string {
  const merged: { start: number; end: number }[] = [];
  for (const h of hit.snippetHighlights) {
    const last = merged[merged.length - 1];
    if (last && /^\s*$/.test(hit.snippet.slice(last.end, h.start))) last.end = h.end;
    else merged.push({ ...h });
  }
  let out = '';
  let at = 0;
  for (const h of merged) {
    out += `${hit.snippet.slice(at, h.start)}«${hit.snippet.slice(h.start, h.end)}»`;
    at = h.end;
  }
  return (out + hit.snippet.slice(at)).replace(/\s+/g, ' ');
}

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('full-text search, Arabic-aware (clitics, diacritics, spelling forms); "quotes" for phrases')
    .argument('<query...>')
    .option('--from <date>', 'published on or after (YYYY-MM-DD)')
    .option('--to <date>', 'published on or before (YYYY-MM-DD)')
    .option('--source <text>', 'only documents whose source contains this')
    .option('--limit <n>', 'hits per page', '20')
    .option('--offset <n>', 'skip this many hits', '0')
    .action(async (words: string[], opts: Record<string, string | undefined>, cmd: Command) => {
      const ctx = makeContext(cmd.optsWithGlobals<GlobalOptions>());
      const parsed = SearchQuery.safeParse({
        q: words.join(' '),
        from: opts.from,
        to: opts.to,
        source: opts.source,
        limit: Number(opts.limit),
        offset: Number(opts.offset),
      });
      if (!parsed.success) throw usageError(parsed.error);
      const result = await ctx.withStore((store) => store.search(parsed.data));
      if (ctx.out.json) return ctx.out.data(result);
      ctx.out.line(`${result.total} document${result.total === 1 ? '' : 's'}`);
      for (const hit of result.hits) {
        ctx.out.line();
        ctx.out.line(`${hit.id.slice(0, 19)}  ${hit.published ?? '—'}  ${hit.source}`);
        if (hit.title) ctx.out.line(`  ${hit.title}`);
        ctx.out.line(`  ${markSnippet(hit)}`);
      }
    });
}
