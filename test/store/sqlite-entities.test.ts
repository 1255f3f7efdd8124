import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/index.js';
import { entityCorpus, MALI, WAGNER, withEntities } from './entity-fixtures.js';
import { makeDoc } from './fixtures.js';
import { makeTestAnalyzer, testAnalyzer } from './test-analyzer.js';

const dir = mkdtempSync(join(tmpdir(), 'marsad-sqlite-ent-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = (): string => join(dir, `db-${n++}.db`);

describe('SQLite store: the entity index', () => {
  it('builds the index from documents stored before migration 3 arrived', async () => {
    const path = fresh();
    const s = await openSqliteStore({ path, analyzer: testAnalyzer });
    await s.putDocuments(entityCorpus);
    await s.close();
    // make it look like a database of the previous version: no entity tables, migration 3 not applied
    const db = new Database(path);
    db.exec(`DROP TABLE entity_edit_snapshots; DROP TABLE entity_edits; DROP TABLE entity_names;
             DROP TABLE document_entities; DELETE FROM migrations WHERE id = 3; PRAGMA user_version = 2;`);
    db.close();
    const again = await openSqliteStore({ path, analyzer: testAnalyzer });
    expect((await again.listEntities()).total).toBe(6);
    expect((await again.getEntityDossier('باماكو'))?.documents).toBe(3);
    await again.close();
  });

  it('re-keys names when the analyzer changes', async () => {
    const path = fresh();
    // a made-up town known only by one mention, written with the preposition ب
    const doc = withEntities(makeDoc({ source: 'b.txt', body: 'وقعت اشتباكات بطمبكتو أمس.' }), [
      { id: 'ent-new-tmbkt', type: 'location', name: null, name_ar: null, forms: ['بطمبكتو'] },
    ]);
    const s = await openSqliteStore({ path, analyzer: testAnalyzer });
    await s.putDocuments([doc]);
    expect(await s.getEntityDossier('طمبكتو')).toBeNull();
    await s.close();
    const stripBa = await openSqliteStore({ path, analyzer: makeTestAnalyzer({ stripBa: true }) });
    // the mention «بطمبكتو» now has the key «طمبكتو»
    expect((await stripBa.getEntityDossier('طمبكتو'))?.id).toBe('ent-new-tmbkt');
    await stripBa.close();
  });

  it('answers the entity queries quickly on a corpus of 10,000 documents', async () => {
    const s = await openSqliteStore({ path: fresh(), analyzer: testAnalyzer });
    const places = Array.from({ length: 50 }, (_, i) => ({
      ...MALI,
      id: `ent-place-${i}`,
      name: `Place ${i}`,
      name_ar: `مكان${i}س`,
      forms: [`مكان${i}س`],
    }));
    const docs = Array.from({ length: 10_000 }, (_, i) => {
      const p = places[i % 50]!;
      const q = places[(i * 7 + 3) % 50]!;
      const body = `وصلت مجموعة فاغنر إلى ${p.name_ar} ثم إلى ${q.name_ar} في اليوم ${i}.`;
      const day = String((i % 28) + 1).padStart(2, '0');
      return withEntities(makeDoc({ source: `gen/${i}.txt`, body, published: `2024-05-${day}` }), [
        WAGNER,
        p,
        ...(q.id === p.id ? [] : [q]),
      ]);
    });
    for (let i = 0; i < docs.length; i += 1000) await s.putDocuments(docs.slice(i, i + 1000));
    const t0 = performance.now();
    const list = await s.listEntities({ limit: 20 });
    const dossier = await s.getEntityDossier('فاغنر');
    const named = await s.listEntities({ q: 'مكان1' });
    const docsWith = await s.documentsWithEntities(['ent-place-3']);
    const ms = performance.now() - t0;
    expect(list.total).toBe(51);
    expect(list.entities[0]).toMatchObject({ id: 'ent-wagner', documents: 10_000, firstSeen: '2024-05-01' });
    expect(dossier!.documents).toBe(10_000);
    expect(dossier!.coOccurring).toHaveLength(20);
    expect(named.total).toBe(11); // مكان1, مكان10…مكان19
    expect(docsWith.length).toBeGreaterThan(200);
    expect(ms).toBeLessThan(3000);
    await s.close();
  }, 120_000);
});
