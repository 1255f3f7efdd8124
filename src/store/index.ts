export type {
  CoOccurrence,
  DossierDocument,
  DossierOptions,
  EntityDossier,
  EntityEditRecord,
  EntityList,
  EntityQuery,
  EntitySummary,
} from '../corpus/index.js';
export { findHighlights, makeSnippet, type Snippet } from './highlight.js';
export { type OpenStoreOptions, openStore, parseStoreLocation, type StoreLocation } from './open.js';
export { defaultDbPath } from './paths.js';
export { type ParsedQuery, parseQuery, type QueryPart, queryTerms } from './query.js';
export {
  type IntegrityReport,
  MIGRATIONS,
  openSqliteStore,
  SqliteStore,
  type SqliteStoreOptions,
} from './sqlite/index.js';
export type { DocumentSummary, ListOptions, PutResult, Store } from './store.js';
