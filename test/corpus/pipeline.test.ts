import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activeEdits,
  commitEdit,
  loadKnowledgeBaseWithEdits,
  planMerge,
  planRename,
} from '../../src/corpus/index.js';
import { analyzeArticle, createPipeline, reanalyzeDocument } from '../../src/extract/index.js';
import { loadKnowledgeBase, SHIPPED_KB_DIR } from '../../src/kb/index.js';
import type { AnalysedDocument } from '../../src/model/index.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/index.js';
import { arabicSearchAnalyzer } from '../../src/text/index.js';

// The real pipeline: an edit made on stored documents survives re-analysis once the pipeline links
// through the KB with the edit layer (loadKnowledgeBaseWithEdits). Made-up sentences.

const article = (source: string, body: string) => ({
  source,
  kind: 'text' as const,
  title: null,
  published: '2024-07-01',
  url: null,
  body,
  encoding: 'utf-8',
  warnings: [],
});

let store: SqliteStore;
let doc: AnalysedDocument;
const kbBase = () => loadKnowledgeBase({ dirs: [SHIPPED_KB_DIR] });

beforeAll(async () => {
  doc = analyzeArticle(
    article(
      'files/commander.txt',
      'قال القائد الميداني محمد ولد الشيخاني إن مقاتليه سيطروا على البلدة. وأضاف محمد ولد أن قواته لن تنسحب من مالي.',
    ),
    createPipeline({ kb: kbBase() }),
  );
  store = await openSqliteStore({ path: ':memory:', analyzer: arabicSearchAnalyzer });
  await store.putDocuments([doc]);
});
afterAll(async () => {
  await store.close();
});

const reanalysed = async () => {
  const kb = loadKnowledgeBaseWithEdits([SHIPPED_KB_DIR], activeEdits(await store.listEntityEdits()));
  return reanalyzeDocument((await store.getDocument(doc.id))!, createPipeline({ kb }));
};

describe('edits survive re-analysis with the real pipeline', () => {
  it('the pipeline minted an id for the unknown commander', () => {
    expect(doc.entities.some((e) => e.id.startsWith('ent-new-') && e.type === 'person')).toBe(true);
  });

  it('rename: the re-analysed document carries the new names under the same id', async () => {
    const minted = doc.entities.find((e) => e.id.startsWith('ent-new-') && e.type === 'person')!;
    await commitEdit(
      store,
      await planRename(store, kbBase(), minted.id, {
        name: 'Mohamed Ould Cheikhani',
        name_ar: 'محمد ولد الشيخاني',
      }),
    );
    const again = await reanalysed();
    const e = again.entities.find((x) => x.id === minted.id);
    expect(e).toMatchObject({ name: 'Mohamed Ould Cheikhani', name_ar: 'محمد ولد الشيخاني' });
  });

  it('merge into a KB person the corpus does not mention yet: re-analysis links the forms to it', async () => {
    const minted = (await store.getDocument(doc.id))!.entities.find((e) => e.id.startsWith('ent-new-'))!;
    // (an analyst's decision, made up for the test: the commander is that KB person)
    const rec = await commitEdit(store, await planMerge(store, kbBase(), 'ent-assimi-goita', minted.id));
    expect(rec.documents).toBe(1);
    const stored = (await store.getDocument(doc.id))!;
    expect(stored.entities.some((e) => e.id === minted.id)).toBe(false);
    expect(stored.entities.find((e) => e.id === 'ent-assimi-goita')?.mentions.length).toBe(
      minted.mentions.length,
    );
    const again = await reanalysed();
    expect(again.entities.some((e) => e.id === minted.id)).toBe(false);
    const goita = again.entities.find((e) => e.id === 'ent-assimi-goita');
    // every form the minted entity had now links to the KB person (the renamed, longer name too)
    const forms = goita!.mentions.map((m) => m.text);
    for (const m of minted.mentions) expect(forms).toContain(m.text);
    expect(forms).toContain('محمد ولد الشيخاني');
  });
});
