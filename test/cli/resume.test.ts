import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { marsad, tempDir } from '../helpers/cli.js';

const BIN = fileURLToPath(new URL('../../bin/marsad.js', import.meta.url));

function countDocuments(db: string): number {
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (conn.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    } finally {
      conn.close();
    }
  } catch {
    return 0; // not created yet
  }
}

describe('an ingest killed mid-batch', () => {
  it('leaves a consistent store, and running it again stores the rest once', async () => {
    const dir = tempDir();
    const corpus = join(dir, 'articles');
    const db = join(dir, 'store.db');
    mkdirSync(corpus);
    const total = 3000;
    for (let i = 0; i < total; i++)
      writeFileSync(
        join(corpus, `${String(i).padStart(5, '0')}.txt`),
        `خبر رقم ${i}: عقد المجلس المحلي في المدينة اجتماعه الدوري وناقش الأعضاء خطة المياه للعام ${2000 + (i % 25)}.`,
      );

    const child = spawn(process.execPath, [BIN, '--quiet', 'ingest', corpus], {
      env: { ...process.env, MARSAD_DB: db, MARSAD_BATCH_SIZE: '100' },
      stdio: 'ignore',
    });
    // Kill it once some batches are committed, well before the end.
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && countDocuments(db) === 0) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const partial = countDocuments(db);
    expect(partial).toBeGreaterThan(0);
    expect(partial % 100).toBe(0); // whole batches only

    const conn = new Database(db);
    expect(conn.pragma('integrity_check', { simple: true })).toBe('ok');
    conn.close();

    const rerun = marsad(['--json', 'ingest', corpus], { db });
    expect(rerun.status).toBe(0);
    const report = JSON.parse(rerun.stdout);
    if (partial < total) expect(report.duplicates).toBe(partial);
    expect(report.stored + report.duplicates).toBe(total);
    expect(countDocuments(db)).toBe(total);
  });
});
