import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { loadSettings, type Settings } from '../config/index.js';
import { defaultKbDirs } from '../kb/index.js';
import { openStore, type Store } from '../store/index.js';
import { arabicSearchAnalyzer } from '../text/index.js';
import { Output } from './output.js';

/** Options every command accepts. */
export interface GlobalOptions {
  db?: string;
  json?: boolean;
  quiet?: boolean;
}

export interface CommandContext {
  settings: Settings;
  /** Knowledge-base layers: shipped, then $MARSAD_KB, then ~/.marsad/kb. */
  kbDirs: string[];
  out: Output;
  withStore<T>(fn: (store: Store) => Promise<T>): Promise<T>;
}

export function makeContext(options: GlobalOptions): CommandContext {
  const settings = loadSettings({ env: process.env, overrides: { db: options.db } });
  const out = new Output({ json: options.json, quiet: options.quiet });
  return {
    settings,
    // A $MARSAD_KB path that does not exist yet (before the first `marsad kb add`) is no error.
    kbDirs: defaultKbDirs(process.env, homedir()).filter((d) => existsSync(d)),
    out,
    async withStore(fn) {
      const store = await openStore({ path: settings.db, analyzer: arabicSearchAnalyzer });
      try {
        return await fn(store);
      } finally {
        await store.close();
      }
    },
  };
}
