import { Command, CommanderError } from 'commander';
import { isMarsadError } from '../model/index.js';
import { registerAnalyze } from './analyze.js';
import { registerClaims } from './claims.js';
import { registerDemo } from './demo.js';
import { registerDocuments } from './documents.js';
import { registerEntities } from './entities.js';
import { registerEvents } from './events.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { registerExport } from './export.js';
import { registerGraph } from './graph.js';
import { registerIngest } from './ingest.js';
import { registerKb } from './kb.js';
import { registerReanalyze } from './reanalyze.js';
import { registerSchema } from './schema.js';
import { registerSearch } from './search.js';
import { registerServe } from './serve.js';
import { registerShow } from './show.js';

export function buildProgram(): Command {
  const program = new Command('marsad')
    .description('Marsad (مرصد): Arabic news in, a sourced knowledge graph out')
    .option('--db <path>', 'SQLite database file (default $MARSAD_DB or .marsad/marsad.db)')
    .option('--json', 'machine-readable output')
    .option('-q, --quiet', 'no progress or remarks on stderr')
    .showHelpAfterError()
    .exitOverride();
  registerIngest(program);
  registerAnalyze(program);
  registerSearch(program);
  registerShow(program);
  registerDocuments(program);
  registerExport(program);
  registerReanalyze(program);
  registerEntities(program);
  registerClaims(program);
  registerGraph(program);
  registerEvents(program);
  registerKb(program);
  registerSchema(program);
  registerDemo(program);
  registerServe(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (isMarsadError(e)) {
      process.stderr.write(`marsad: ${e.input ? `${e.input}: ` : ''}${e.code}: ${e.message}\n`);
      return exitCodeFor(e.code);
    }
    process.stderr.write(
      `marsad: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    return EXIT.internal;
  }
}
