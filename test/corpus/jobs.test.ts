import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  activeEdits,
  commitEdit,
  loadKnowledgeBaseWithEdits,
  planMerge,
  planRename,
  planSplit,
  reapplyEdits,
  runClusterJob,
  undoEdit,
} from '../../src/corpus/index.js';
import { isMarsadError } from '../../src/model/index.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/index.js';
import { arabicSearchAnalyzer } from '../../src/text/index.js';
import { faghnerzDoc, fajnerzDoc, frontDoc, handoverDoc } from './fixtures.js';
import { baseKb, linkedIds, TEST_KB } from './helpers.js';

let store: SqliteStore;
const kb = () => baseKb();

beforeEach(async () => {
  store = await openSqliteStore({ path: ':memory:', analyzer: arabicSearchAnalyzer });
  await store.putDocuments([faghnerzDoc, handoverDoc, frontDoc, fajnerzDoc]);
});
afterEach(async () => {
  await store.close();
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isMarsadError(e)) return e.code;
    throw e;
  }
  throw new Error('expected an error');
}

describe('entity edits against a store', () => {
  it('merge by name: documents rewritten at once, edit logged, KB reproduces it', async () => {
    const edit = await planMerge(store, kb(), 'مجموعة فاغنر', 'فاغنرز');
    expect(edit.target).toMatchObject({ id: 'ent-wagner', kbId: 'wagner', inKb: true });
    expect(edit.absorbed).toMatchObject({ id: 'ent-new-faghnerz', kbId: 'new-faghnerz', inKb: false });
    const rec = await commitEdit(store, edit);
    expect(rec).toMatchObject({ seq: 1, documents: 1, undoneAt: null });
    expect(await store.getEntityDossier('ent-new-faghnerz')).toBeNull();
    const d = await store.getEntityDossier('فاغنرز');
    expect(d).toMatchObject({ id: 'ent-wagner', documents: 2 });
    const kbAfter = loadKnowledgeBaseWithEdits([TEST_KB], activeEdits(await store.listEntityEdits()));
    expect(linkedIds(kbAfter, 'فاغنرز')).toEqual(['ent-wagner']);
  });

  it('undo puts the documents back and drops the KB patch', async () => {
    await commitEdit(store, await planMerge(store, kb(), 'ent-wagner', 'ent-africa-corps'));
    expect((await store.getDocument(handoverDoc.id))!.relations).toEqual([]);
    const rec = await undoEdit(store, 1);
    expect(rec.undoneAt).not.toBeNull();
    expect(await store.getDocument(handoverDoc.id)).toEqual(handoverDoc);
    expect((await store.getEntityDossier('ent-africa-corps'))!.documents).toBe(1);
    const kbAfter = loadKnowledgeBaseWithEdits([TEST_KB], activeEdits(await store.listEntityEdits()));
    expect(kbAfter.get('africa-corps')!.stands_for).toBeUndefined();
    expect(await codeOf(undoEdit(store, 1))).toBe('E_USAGE');
    expect(await codeOf(undoEdit(store, 9))).toBe('E_NOT_FOUND');
  });

  it('undo of an earlier edit keeps a later one', async () => {
    await commitEdit(store, await planMerge(store, kb(), 'ent-wagner', 'ent-africa-corps'));
    await commitEdit(store, await planRename(store, kb(), 'ent-wagner', { name: 'Wagner PMC' }));
    await undoEdit(store, 1);
    const doc = (await store.getDocument(handoverDoc.id))!;
    expect(doc.entities.map((e) => [e.id, e.name])).toEqual([
      ['ent-wagner', 'Wagner PMC'],
      ['ent-africa-corps', 'Africa Corps'],
      ['ent-mali', 'Mali'],
    ]);
  });

  it('split and rename by name', async () => {
    const split = await planSplit(store, kb(), 'جبهة الساحل', 'الجبهة الشمالية', { name: 'Northern Front' });
    await commitEdit(store, split);
    const created = await store.getEntityDossier('الجبهة الشمالية');
    expect(created).toMatchObject({ id: split.created.id, name: 'Northern Front', documents: 1 });
    await commitEdit(
      store,
      await planRename(store, kb(), created!.id, { name_ar: 'الجبهة الشمالية للساحل' }),
    );
    expect((await store.getEntityDossier(split.created.id))!.name_ar).toBe('الجبهة الشمالية للساحل');
    const kbAfter = loadKnowledgeBaseWithEdits([TEST_KB], activeEdits(await store.listEntityEdits()));
    expect(kbAfter.get(split.created.kbId)!.name_ar).toBe('الجبهة الشمالية للساحل');
    expect(linkedIds(kbAfter, 'الجبهة الشمالية')).toEqual([split.created.id]);
  });

  it('refuses edits that make no sense', async () => {
    expect(await codeOf(planMerge(store, kb(), 'ent-wagner', 'ent-nobody'))).toBe('E_NOT_FOUND');
    expect(await codeOf(planMerge(store, kb(), 'ent-wagner', 'مجموعة فاغنر'))).toBe('E_USAGE');
    expect(await codeOf(planMerge(store, kb(), 'ent-wagner', 'ent-mali'))).toBe('E_USAGE'); // org ← place
    expect(await codeOf(planSplit(store, kb(), 'ent-sahel-front', 'جبهة أخرى'))).toBe('E_USAGE');
    expect(await codeOf(planSplit(store, kb(), 'ent-sahel-front', 'جبهة الساحل'))).toBe('E_USAGE'); // canonical
    expect(await codeOf(planRename(store, kb(), 'ent-wagner', {}))).toBe('E_USAGE');
    expect(await codeOf(planRename(store, kb(), 'ent-wagner', { name_ar: 'Wagner' }))).toBe('E_USAGE');
  });

  it('reapplyEdits brings edits back after a re-analysis that lost them, and is idempotent', async () => {
    await commitEdit(store, await planMerge(store, kb(), 'فاغنرز', 'فاجنرز'));
    expect(await store.getEntityDossier('ent-new-fajnerz')).toBeNull();
    await store.updateDocument(fajnerzDoc); // a re-analysis by a pipeline that knew nothing of it
    expect((await store.getEntityDossier('ent-new-fajnerz'))!.documents).toBe(1);
    expect(await reapplyEdits(store)).toBe(1);
    expect(await store.getEntityDossier('ent-new-fajnerz')).toBeNull();
    expect(await reapplyEdits(store)).toBe(0);
  });
});

describe('runClusterJob', () => {
  it('gives variant minted entities one id in every document, and a second run does nothing', async () => {
    const first = await runClusterJob(store);
    expect(first.clusters).toEqual([
      { id: 'ent-new-faghnerz', type: 'organization', members: ['ent-new-faghnerz', 'ent-new-fajnerz'] },
    ]);
    expect(first.documents).toBe(1);
    const d = await store.getEntityDossier('فاجنرز');
    expect(d).toMatchObject({ id: 'ent-new-faghnerz', documents: 2 });
    expect(d!.names.map((n) => n.form)).toEqual(expect.arrayContaining(['فاغنرز', 'فاجنرز']));
    expect(await runClusterJob(store)).toEqual({ clusters: [], documents: 0 });
  });

  it('does not undo an analyst split', async () => {
    await commitEdit(store, await planRename(store, kb(), 'ent-new-fajnerz', { name: 'Fajnerz' }));
    await commitEdit(store, await planRename(store, kb(), 'ent-new-faghnerz', { name: 'Faghnerz' }));
    expect((await runClusterJob(store)).clusters).toEqual([]);
  });
});
