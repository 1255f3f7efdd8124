#!/usr/bin/env node
// The `marsad` command: runs the TypeScript sources through tsx (no build step needed).
import { register } from 'tsx/esm/api';

// `marsad … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
