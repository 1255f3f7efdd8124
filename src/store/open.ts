import { MarsadError, type SearchAnalyzer } from '../model/index.js';
import { defaultDbPath } from './paths.js';
import { openSqliteStore } from './sqlite/index.js';
import type { Store } from './store.js';

export interface OpenStoreOptions {
  /**
   * Where the data lives: a file path, `sqlite:<path>` (`sqlite::memory:` for a throwaway
   * database), or `postgres://…` (not implemented yet). `path` and `url` are synonyms; with
   * neither, defaultDbPath() is used.
   */
  url?: string;
  path?: string;
  analyzer: SearchAnalyzer;
  readonly?: boolean;
}

export type StoreLocation = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** Which implementation a location names. A Windows drive (`C:\…`) is a path, not a scheme. */
export function parseStoreLocation(location: string): StoreLocation {
  const m = SCHEME.exec(location);
  const scheme = m && m[1]!.length > 1 ? m[1]!.toLowerCase() : null;
  if (scheme === null) return { kind: 'sqlite', path: location };
  if (scheme === 'postgres' || scheme === 'postgresql') return { kind: 'postgres', url: location };
  if (scheme === 'sqlite') {
    let rest = location.slice(m![0].length);
    if (rest.startsWith('//')) rest = rest.slice(2); // sqlite:///abs/path, sqlite://rel/path
    if (rest === '') throw new MarsadError('E_USAGE', `no database path in ${location}`, { input: location });
    return { kind: 'sqlite', path: rest };
  }
  if (scheme === 'file')
    return { kind: 'sqlite', path: location.slice(m![0].length).replace(/^\/\/(?=\/)/, '') };
  throw new MarsadError(
    'E_USAGE',
    `unsupported database location ${location} (use a path, sqlite: or postgres://)`,
    {
      input: location,
    },
  );
}

/** Open the store a location names; the caller closes it. */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const location = options.url ?? options.path ?? defaultDbPath();
  const parsed = parseStoreLocation(location);
  if (parsed.kind === 'postgres') {
    throw new MarsadError('E_USAGE', 'PostgreSQL store not implemented yet', { input: location });
  }
  return openSqliteStore({
    path: parsed.path,
    analyzer: options.analyzer,
    ...(options.readonly === undefined ? {} : { readonly: options.readonly }),
  });
}
