import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openSqliteStore, type SqliteStore, type Store } from '../../src/store/index.js';
import { describeStoreContract } from './contract.js';

const dir = mkdtempSync(join(tmpdir(), 'marsad-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
describeStoreContract(
  'sqlite (temp file)',
  (analyzer) => openSqliteStore({ path: join(dir, `contract-${n++}.db`), analyzer }),
  { reopen: (store: Store, analyzer) => openSqliteStore({ path: (store as SqliteStore).path, analyzer }) },
);

describeStoreContract('sqlite (:memory:)', (analyzer) => openSqliteStore({ path: ':memory:', analyzer }));
