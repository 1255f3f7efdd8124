import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import {
  buildGraph,
  GRAPH_FORMATS,
  type GraphFormat,
  toEdgesCsv,
  toNodesCsv,
  writeGraph,
} from '../corpus/index.js';
import { collectCorpusView } from '../jobs/index.js';
import { MarsadError } from '../model/index.js';
import { type GlobalOptions, makeContext } from './context.js';

// `marsad graph`: the knowledge graph (entities and aggregated relations) for Gephi and others.

export function registerGraph(program: Command): void {
  program
    .command('graph')
    .description('the entity graph: gexf | graphml | csv (Gephi tables) | ftm (FollowTheMoney JSON lines)')
    .option('--format <format>', `one of ${GRAPH_FORMATS.join(', ')}`, 'gexf')
    .option('-o, --out <path>', 'a file (a folder for csv: nodes.csv and edges.csv)')
    .option('--all-entities', 'keep entities that no relation touches')
    .action(async (opts: { format: string; out?: string; allEntities?: boolean }, cmd: Command) => {
      const ctx = makeContext(cmd.optsWithGlobals<GlobalOptions>());
      if (!(GRAPH_FORMATS as readonly string[]).includes(opts.format))
        throw new MarsadError('E_USAGE', `--format: expected one of ${GRAPH_FORMATS.join(', ')}`);
      const format = opts.format as GraphFormat;
      const view = await ctx.withStore((store) => collectCorpusView(store));
      const graph = buildGraph(view.nodes(), view.relations, { connectedOnly: !opts.allEntities });
      try {
        if (!opts.out) {
          process.stdout.write(writeGraph(graph, format));
        } else if (format === 'csv') {
          mkdirSync(opts.out, { recursive: true });
          writeFileSync(join(opts.out, 'nodes.csv'), toNodesCsv(graph));
          writeFileSync(join(opts.out, 'edges.csv'), toEdgesCsv(graph));
        } else {
          writeFileSync(opts.out, writeGraph(graph, format));
        }
      } catch (e) {
        throw new MarsadError('E_IO', `cannot write ${opts.out}: ${(e as Error).message}`, { cause: e });
      }
      ctx.out.note(
        `${graph.nodes.length} nodes, ${graph.edges.length} edges${opts.out ? ` → ${opts.out}` : ''}`,
      );
    });
}
