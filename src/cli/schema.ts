import type { Command } from 'commander';
import { exportJsonSchema } from '../model/index.js';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of marsad.document/v1 (also shipped in schema/)')
    .action(() => {
      process.stdout.write(`${JSON.stringify(exportJsonSchema(), null, 2)}\n`);
    });
}
