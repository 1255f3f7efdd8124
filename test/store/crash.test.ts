import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/index.js';
import { numbered } from './fixtures.js';
import { testAnalyzer } from './test-analyzer.js';

const here = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'marsad-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BATCH = 300;

/** Start the child, wait until `batches` batches have committed, then SIGKILL it mid-batch. */
function runAndKill(path: string, batches: number, delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(here, 'crash-child.ts'), path, String(BATCH)],
      {
        cwd: join(here, '..', '..'),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let committed = 0;
    let stderr = '';
    let killed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      committed += chunk.split('\n').filter((l) => l !== '').length;
      if (committed >= batches && !killed) {
        killed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(committed);
      else reject(new Error(`child ended without being killed (${String(_code)}): ${stderr}`));
    });
  });
}

describe('SQLite store: crash safety', () => {
  it('a writer killed mid-batch leaves a consistent database with whole batches only', async () => {
    const path = join(dir, 'crash.db');
    // Two kills, at different moments of a batch, into the same database.
    const first = await runAndKill(path, 3, 5);
    const second = await runAndKill(path, 2, 17);
    expect(first).toBeGreaterThanOrEqual(3);
    expect(second).toBeGreaterThanOrEqual(2);

    const db = new Database(path);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // FTS5 checks its index against the documents table (rank 1 = compare with the content).
    expect(() =>
      db.prepare("INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)").run(),
    ).not.toThrow();
    const docs = db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    const indexed = db
      .prepare('SELECT count(*) FROM documents_fts WHERE documents_fts MATCH \'"وفد"\'')
      .pluck()
      .get();
    db.close();
    expect(indexed).toBe(docs);
    expect(docs % BATCH).toBe(0); // atomic batches: never part of one
    // the second run re-inserted the first run's batches as duplicates, then went on
    expect(docs).toBeGreaterThanOrEqual(Math.max(first, second) * BATCH);

    const store = await openSqliteStore({ path, analyzer: testAnalyzer });
    try {
      expect((await store.integrityCheck()).ok).toBe(true);
      const all = numbered(docs, 0, 'crash/');
      const again = await store.putDocuments(all);
      expect(again.inserted).toBe(0);
      expect(again.skipped).toHaveLength(docs);
      expect(await store.countDocuments()).toBe(docs);
      expect((await store.search({ q: 'وفد', limit: 1 })).total).toBe(docs);
    } finally {
      await store.close();
    }
  });
});
