import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { MarsadError, type SearchAnalyzer } from '../../src/model/index.js';
import {
  defaultDbPath,
  MIGRATIONS,
  openSqliteStore,
  openStore,
  parseStoreLocation,
} from '../../src/store/index.js';
import { army, corpus, makeDoc, rebels } from './fixtures.js';
import { testAnalyzer } from './test-analyzer.js';

const dir = mkdtempSync(join(tmpdir(), 'marsad-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = (): string => join(dir, `db-${n++}.db`);

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(MarsadError);
    return (e as MarsadError).code;
  }
  throw new Error('expected a MarsadError');
}

describe('SQLite store: the database file', () => {
  it('uses WAL and records its migrations once', async () => {
    const path = fresh();
    const s = await openSqliteStore({ path, analyzer: testAnalyzer });
    await s.close();
    const s2 = await openSqliteStore({ path, analyzer: testAnalyzer });
    await s2.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT id FROM migrations ORDER BY id').pluck().all()).toEqual(
      MIGRATIONS.map((m) => m.id),
    );
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it('creates missing directories for a new database', async () => {
    const path = join(dir, 'deep', 'er', 'marsad.db');
    const s = await openSqliteStore({ path, analyzer: testAnalyzer });
    expect(await s.countDocuments()).toBe(0);
    await s.close();
  });

  it('refuses a database written by a newer Marsad', async () => {
    const path = fresh();
    await (await openSqliteStore({ path, analyzer: testAnalyzer })).close();
    const db = new Database(path);
    db.prepare("INSERT INTO migrations (id, name, applied_at) VALUES (999, 'future', 'x')").run();
    db.close();
    expect(await codeOf(openSqliteStore({ path, analyzer: testAnalyzer }))).toBe('E_STORE');
  });

  it('refuses a file that is not a database with E_STORE', async () => {
    const path = join(dir, 'not-a-db.db');
    writeFileSync(path, 'هذا ليس ملف قاعدة بيانات '.repeat(200));
    expect(await codeOf(openSqliteStore({ path, analyzer: testAnalyzer }))).toBe('E_STORE');
  });

  it('read-only: reads work, writes are refused, a missing file is E_NOT_FOUND', async () => {
    const path = fresh();
    const w = await openSqliteStore({ path, analyzer: testAnalyzer });
    await w.putDocuments(corpus);
    await w.close();
    const r = await openSqliteStore({ path, analyzer: testAnalyzer, readonly: true });
    expect(await r.countDocuments()).toBe(4);
    expect((await r.search({ q: 'بلدة' })).total).toBe(3);
    expect(await codeOf(r.putDocuments([makeDoc({ source: 'x', body: 'جديد' })]))).toBe('E_STORE');
    expect(await codeOf(r.recordFailure({ source: 'x', code: 'E_IO', message: 'm', at: 't' }))).toBe(
      'E_STORE',
    );
    await r.close();
    expect(await codeOf(openSqliteStore({ path: fresh(), analyzer: testAnalyzer, readonly: true }))).toBe(
      'E_NOT_FOUND',
    );
  });

  it('two stores on one file see each other’s commits', async () => {
    const path = fresh();
    const a = await openSqliteStore({ path, analyzer: testAnalyzer });
    const b = await openSqliteStore({ path, analyzer: testAnalyzer });
    await a.putDocuments([army]);
    expect(await b.hasDocument(army.id)).toBe(true);
    expect((await b.putDocuments([army, rebels])).inserted).toBe(1);
    expect(await a.countDocuments()).toBe(2);
    await a.close();
    await b.close();
  });

  it('reports a healthy database through integrityCheck', async () => {
    const s = await openSqliteStore({ path: fresh(), analyzer: testAnalyzer });
    await s.putDocuments(corpus);
    expect(await s.integrityCheck()).toEqual({ ok: true, problems: [] });
    await s.close();
  });
});

describe('SQLite store: the full-text index', () => {
  // An analyzer that keeps harakat in its terms: FTS5 must not split مُتمرّد at the marks.
  const keepMarks: SearchAnalyzer = {
    version: 'keep-marks/1',
    tokens: (text) =>
      [...text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((m) => ({
        term: m[0],
        start: m.index,
        end: m.index + m[0].length,
      })),
  };

  it('indexes exactly the analyzer’s terms, Arabic marks and tatweel included', async () => {
    const path = fresh();
    const doc = makeDoc({ source: 'files/marks.txt', body: 'أعلن المُتمرّدون السيطرة على الجســر' });
    const s = await openSqliteStore({ path, analyzer: keepMarks });
    await s.putDocuments([doc]);
    expect((await s.search({ q: 'المُتمرّدون' })).total).toBe(1);
    expect((await s.search({ q: 'المتمردون' })).total).toBe(0); // the index did not strip marks itself
    await s.close();
    const db = new Database(path, { readonly: true });
    db.exec("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, documents_fts, 'row')");
    const terms = db.prepare('SELECT term FROM temp.vocab ORDER BY term').pluck().all();
    expect(terms).toEqual(
      keepMarks
        .tokens(doc.text)
        .map((t) => t.term)
        .sort(),
    );
    db.close();
  });

  it('rebuilds the index by itself when opened with another analyzer version', async () => {
    const path = fresh();
    const doc = makeDoc({ source: 'files/r.txt', body: 'وصل الوفد إلى العاصمة' });
    const a = await openSqliteStore({ path, analyzer: testAnalyzer });
    await a.putDocuments([doc]);
    await a.close();
    const prefixed: SearchAnalyzer = {
      version: 'prefixed/1',
      tokens: (t) => testAnalyzer.tokens(t).map((x) => ({ ...x, term: `x${x.term}` })),
    };
    const b = await openSqliteStore({ path, analyzer: prefixed });
    expect((await b.search({ q: 'العاصمة' })).total).toBe(1);
    expect((await b.integrityCheck()).ok).toBe(true);
    await b.close();
  });

  it('reindex() rebuilds the index on demand', async () => {
    const path = fresh();
    const doc = makeDoc({ source: 'files/r.txt', body: 'وصل الوفد إلى العاصمة' });
    const a = await openSqliteStore({ path, analyzer: testAnalyzer });
    await a.putDocuments([doc]);
    await a.close();
    // Same version, different terms (an analyzer changed without bumping its version).
    const sneaky: SearchAnalyzer = {
      version: testAnalyzer.version,
      tokens: (t) => testAnalyzer.tokens(t).map((x) => ({ ...x, term: `x${x.term}` })),
    };
    const b = await openSqliteStore({ path, analyzer: sneaky });
    expect((await b.search({ q: 'العاصمة' })).total).toBe(0);
    expect(await b.reindex()).toBe(1);
    expect((await b.search({ q: 'العاصمة' })).total).toBe(1);
    await b.close();
  });
});

describe('openStore and locations', () => {
  it('opens SQLite from a path or a sqlite: URL', async () => {
    const path = fresh();
    const s = await openStore({ url: `sqlite:${path}`, analyzer: testAnalyzer });
    expect(s.kind).toBe('sqlite');
    await s.putDocuments([army]);
    await s.close();
    const again = await openStore({ path, analyzer: testAnalyzer });
    expect(await again.countDocuments()).toBe(1);
    await again.close();
    const mem = await openStore({ url: 'sqlite::memory:', analyzer: testAnalyzer });
    expect(await mem.countDocuments()).toBe(0);
    await mem.close();
  });

  it('says plainly that PostgreSQL is not there yet', async () => {
    const p = openStore({ url: 'postgres://localhost/marsad', analyzer: testAnalyzer });
    await expect(p).rejects.toThrow('PostgreSQL store not implemented yet');
    expect(await codeOf(openStore({ path: 'postgresql://h/db', analyzer: testAnalyzer }))).toBe('E_USAGE');
    expect(await codeOf(openStore({ url: 'mysql://h/db', analyzer: testAnalyzer }))).toBe('E_USAGE');
  });

  it('parses locations', () => {
    expect(parseStoreLocation('data/m.db')).toEqual({ kind: 'sqlite', path: 'data/m.db' });
    expect(parseStoreLocation('sqlite:///tmp/m.db')).toEqual({ kind: 'sqlite', path: '/tmp/m.db' });
    expect(parseStoreLocation('sqlite:rel/m.db')).toEqual({ kind: 'sqlite', path: 'rel/m.db' });
    expect(parseStoreLocation('file:///tmp/m.db')).toEqual({ kind: 'sqlite', path: '/tmp/m.db' });
    expect(parseStoreLocation('C:\\data\\m.db')).toEqual({ kind: 'sqlite', path: 'C:\\data\\m.db' });
    expect(parseStoreLocation('postgres://u@h/db').kind).toBe('postgres');
  });

  it('defaultDbPath: $MARSAD_DB, else ./.marsad/marsad.db', () => {
    expect(defaultDbPath({ MARSAD_DB: '/srv/m.db' }, '/home/u')).toBe('/srv/m.db');
    expect(defaultDbPath({ MARSAD_DB: 'x/m.db' }, '/home/u')).toBe('/home/u/x/m.db');
    expect(defaultDbPath({}, '/home/u')).toBe('/home/u/.marsad/marsad.db');
    expect(defaultDbPath({ MARSAD_DB: '  ' }, '/home/u')).toBe('/home/u/.marsad/marsad.db');
  });

  it('openStore with no location uses the default path (and creates .marsad/)', async () => {
    const cwd = join(dir, 'cwd');
    mkdirSync(cwd);
    const old = process.env.MARSAD_DB;
    process.env.MARSAD_DB = join(cwd, '.marsad', 'marsad.db');
    try {
      const s = await openStore({ analyzer: testAnalyzer });
      expect((s as { path?: string }).path).toBe(join(cwd, '.marsad', 'marsad.db'));
      await s.close();
    } finally {
      if (old === undefined) delete process.env.MARSAD_DB;
      else process.env.MARSAD_DB = old;
    }
  });
});
