export { MIGRATIONS } from './migrations.js';
export {
  type IntegrityReport,
  openSqliteStore,
  SqliteStore,
  type SqliteStoreOptions,
} from './sqlite-store.js';
