import { loadSettings, type Settings } from '../config/index.js';
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
  out: Output;
  withStore<T>(fn: (store: Store) => Promise<T>): Promise<T>;
}

export function makeContext(options: GlobalOptions): CommandContext {
  const settings = loadSettings({ env: process.env, overrides: { db: options.db } });
  const out = new Output({ json: options.json, quiet: options.quiet });
  return {
    settings,
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
