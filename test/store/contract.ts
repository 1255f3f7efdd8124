import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EntityEdit } from '../../src/corpus/index.js';
import {
  type AnalysedDocument,
  MarsadError,
  type SearchAnalyzer,
  type SearchHit,
} from '../../src/model/index.js';
import type { Store } from '../../src/store/index.js';
import {
  arrival,
  entityCorpus,
  FAJNER,
  MALI_ARMY,
  operation,
  TIMBUKTU,
  talks,
  WAGNER,
  withdrawal,
  withEntities,
} from './entity-fixtures.js';
import {
  army,
  cairo,
  corpus,
  council,
  longDoc,
  makeDoc,
  numbered,
  rebels,
  twinA,
  twinB,
} from './fixtures.js';
import { makeTestAnalyzer } from './test-analyzer.js';

// The behaviour every Store must show, whatever the database behind it. Run it with
// describeStoreContract('name', makeStore) — see sqlite.test.ts. A PostgreSQL store runs the same.

export interface StoreContractOptions {
  /**
   * Open the same data again after `store` was closed (to check persistence). Leave out for a store
   * that does not persist.
   */
  reopen?: (store: Store, analyzer: SearchAnalyzer) => Promise<Store>;
}

/**
 * makeStore must return a new, empty store that indexes with the analyzer it is given (the
 * contract passes the tiny test analyzer, and a different one to check re-indexing).
 */
export type MakeStore = (analyzer: SearchAnalyzer) => Promise<Store>;

async function expectCode(p: Promise<unknown>, code: string): Promise<MarsadError> {
  const e = await p.then(
    () => {
      throw new Error(`expected a MarsadError ${code}, but it succeeded`);
    },
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(MarsadError);
  expect((e as MarsadError).code).toBe(code);
  return e as MarsadError;
}

const ids = (hits: SearchHit[]): string[] => hits.map((h) => h.id);
const textAt = (doc: AnalysedDocument, s: { start: number; end: number }): string =>
  doc.text.slice(s.start, s.end);

export function describeStoreContract(
  name: string,
  makeStore: MakeStore,
  options: StoreContractOptions = {},
): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    const analyzer = makeTestAnalyzer();

    beforeEach(async () => {
      store = await makeStore(analyzer);
    });
    afterEach(async () => {
      await store.close();
    });

    describe('putDocuments and dedup', () => {
      it('stores new documents and reports how many', async () => {
        const r = await store.putDocuments(corpus);
        expect(r).toEqual({ inserted: 4, skipped: [] });
        expect(await store.countDocuments()).toBe(4);
      });

      it('stores the same article once when it is ingested twice', async () => {
        await store.putDocuments([cairo, rebels]);
        const again = await store.putDocuments([rebels, army, cairo]);
        expect(again.inserted).toBe(1);
        expect(again.skipped.sort()).toEqual([cairo.id, rebels.id].sort());
        expect(await store.countDocuments()).toBe(3);
      });

      it('skips a repeat inside one batch', async () => {
        const r = await store.putDocuments([army, army]);
        expect(r).toEqual({ inserted: 1, skipped: [army.id] });
        expect(await store.countDocuments()).toBe(1);
      });

      it('the same text from another source is the same document (the first source is kept)', async () => {
        await store.putDocuments([cairo]);
        const copy = { ...cairo, source: 'files/copy-of-cairo.txt' };
        expect((await store.putDocuments([copy])).skipped).toEqual([cairo.id]);
        expect((await store.getDocument(cairo.id))?.source).toBe(cairo.source);
      });

      it('an empty batch is fine', async () => {
        expect(await store.putDocuments([])).toEqual({ inserted: 0, skipped: [] });
      });

      it('rejects the whole batch when one document is invalid, storing none of it', async () => {
        await store.putDocuments([cairo]);
        const broken = { ...rebels, id: 'sha256:nothex' } as AnalysedDocument;
        await expectCode(store.putDocuments([army, broken]), 'E_VALIDATION');
        expect(await store.countDocuments()).toBe(1);
        expect(await store.hasDocument(army.id)).toBe(false);
      });

      it('rejects a document whose id is not the hash of its text', async () => {
        const lying = { ...rebels, id: army.id };
        await expectCode(store.putDocuments([lying]), 'E_VALIDATION');
        expect(await store.countDocuments()).toBe(0);
      });

      it('stores a large batch in one call', async () => {
        const docs = numbered(500);
        expect((await store.putDocuments(docs)).inserted).toBe(500);
        expect((await store.putDocuments(docs)).inserted).toBe(0);
        expect(await store.countDocuments()).toBe(500);
      });
    });

    describe('getDocument and hasDocument', () => {
      beforeEach(async () => {
        await store.putDocuments([...corpus, twinA, twinB]);
      });

      it('returns the full document by id, exactly as stored', async () => {
        const withAnalysis: AnalysedDocument = makeDoc({
          source: 'files/analysed.txt',
          title: 'لقاء في عمان',
          body: 'التقى وزير الخارجية الأردني نظيره المصري في عمان.',
          published: '2024-02-14',
        });
        withAnalysis.entities = [
          {
            id: 'loc:amman',
            type: 'location',
            kind: 'city',
            name: 'Amman',
            name_ar: 'عمان',
            aliases: ['عمان'],
            wikidata: 'Q3805',
            mentions: [{ start: 10, end: 14, text: withAnalysis.text.slice(10, 14) }],
          },
        ];
        withAnalysis.events = [
          {
            id: 'ev:1',
            type: 'meeting',
            date: { start: '2024-02-14', end: '2024-02-14', precision: 'day' },
            location: 'loc:amman',
            actors: [],
            fatalities: null,
            evidence: [{ start: 0, end: 12 }],
          },
        ];
        withAnalysis.dates = [
          {
            start: 0,
            end: 4,
            text: withAnalysis.text.slice(0, 4),
            kind: 'date',
            value: { start: '2024-02', end: '2024-02', precision: 'month' },
          },
        ];
        withAnalysis.warnings = ['تحذير تجريبي'];
        withAnalysis.tokenCount = 11;
        await store.putDocuments([withAnalysis]);
        expect(await store.getDocument(withAnalysis.id)).toEqual(withAnalysis);
        expect(await store.getDocument(rebels.id)).toEqual(rebels);
      });

      it('finds a document by a unique id prefix, with or without sha256:', async () => {
        const hex = council.id.slice('sha256:'.length);
        expect((await store.getDocument(`sha256:${hex.slice(0, 8)}`))?.id).toBe(council.id);
        expect((await store.getDocument(hex.slice(0, 12)))?.id).toBe(council.id);
        expect((await store.getDocument(hex.slice(0, 12).toUpperCase()))?.id).toBe(council.id);
      });

      it('does not guess from fewer than 8 hex digits', async () => {
        const hex = council.id.slice('sha256:'.length);
        expect(await store.getDocument(hex.slice(0, 7))).toBeNull();
      });

      it('refuses an ambiguous prefix instead of picking one', async () => {
        expect(twinA.id.slice(0, 15)).toBe(twinB.id.slice(0, 15));
        await expectCode(store.getDocument(twinA.id.slice(0, 15)), 'E_USAGE');
        expect((await store.getDocument(twinA.id.slice(0, 23)))?.source).toBe(twinA.source);
      });

      it('finds a document by its exact source, the latest one when a source changed', async () => {
        expect((await store.getDocument('feeds/un.xml#3'))?.id).toBe(council.id);
        const revised = makeDoc({ source: council.source, title: council.title, body: 'نص معدل للبيان.' });
        await store.putDocuments([revised]);
        expect((await store.getDocument('feeds/un.xml#3'))?.id).toBe(revised.id);
      });

      it('returns null for something unknown', async () => {
        expect(await store.getDocument('sha256:0000000000000000')).toBeNull();
        expect(await store.getDocument('files/none.txt')).toBeNull();
        expect(await store.getDocument('')).toBeNull();
      });

      it('hasDocument answers by full id', async () => {
        expect(await store.hasDocument(army.id)).toBe(true);
        expect(await store.hasDocument(makeDoc({ source: 'x', body: 'غير موجود' }).id)).toBe(false);
      });
    });

    describe('listing and iterating', () => {
      it('lists summaries in ingest order with limit and offset', async () => {
        await store.putDocuments(numbered(5));
        await store.putDocuments(numbered(3, 5));
        const all = await store.listDocuments({ limit: 100 });
        expect(all.map((d) => d.source)).toEqual(numbered(8).map((d) => d.source));
        const page = await store.listDocuments({ limit: 3, offset: 2 });
        expect(page.map((d) => d.source)).toEqual(['files/n2.txt', 'files/n3.txt', 'files/n4.txt']);
        const first = all[0]!;
        const doc = numbered(1)[0]!;
        expect(first).toMatchObject({
          id: doc.id,
          title: doc.title,
          published: doc.published,
          chars: doc.text.length,
        });
        expect(Number.isNaN(Date.parse(first.ingestedAt))).toBe(false);
        expect(await store.listDocuments({ offset: 50 })).toEqual([]);
      });

      it('rejects a negative page', async () => {
        await expectCode(store.listDocuments({ limit: -1 }), 'E_USAGE');
      });

      it('iterates every document in ingest order, page by page', async () => {
        const docs = numbered(7);
        await store.putDocuments(docs);
        const seen: string[] = [];
        for await (const d of store.iterateDocuments(3)) seen.push(d.id);
        expect(seen).toEqual(docs.map((d) => d.id));
        const full: AnalysedDocument[] = [];
        for await (const d of store.iterateDocuments()) full.push(d);
        expect(full).toEqual(docs);
      });

      it('iterating an empty store yields nothing', async () => {
        const seen: AnalysedDocument[] = [];
        for await (const d of store.iterateDocuments(2)) seen.push(d);
        expect(seen).toEqual([]);
      });
    });

    describe('failures', () => {
      const at = '2024-07-01T10:00:00.000Z';

      it('records failures and lists them', async () => {
        await store.recordFailure({ source: 'files/empty.txt', code: 'E_EMPTY', message: 'no text', at });
        await store.recordFailure({ source: 'files/img.png', code: 'E_BINARY', message: 'not text', at });
        expect(await store.listFailures()).toEqual([
          { source: 'files/empty.txt', code: 'E_EMPTY', message: 'no text', at },
          { source: 'files/img.png', code: 'E_BINARY', message: 'not text', at },
        ]);
        expect(await store.countFailures()).toBe(2);
        expect(await store.listFailures({ limit: 1, offset: 1 })).toHaveLength(1);
      });

      it('a new failure of the same source replaces the old one', async () => {
        await store.recordFailure({ source: 'https://x.example/a', code: 'E_FETCH', message: 'timeout', at });
        await store.recordFailure({ source: 'files/b.txt', code: 'E_EMPTY', message: 'no text', at });
        await store.recordFailure({
          source: 'https://x.example/a',
          code: 'E_HTML',
          message: 'no article text',
          at: '2024-07-02T10:00:00.000Z',
        });
        const list = await store.listFailures();
        expect(list).toHaveLength(2);
        expect(list[1]).toEqual({
          source: 'https://x.example/a',
          code: 'E_HTML',
          message: 'no article text',
          at: '2024-07-02T10:00:00.000Z',
        });
      });

      it('clearing a failure forgets it (after a successful ingest)', async () => {
        await store.recordFailure({ source: 'files/c.txt', code: 'E_ENCODING', message: 'bad bytes', at });
        expect(await store.clearFailure('files/c.txt')).toBe(true);
        expect(await store.clearFailure('files/c.txt')).toBe(false);
        expect(await store.listFailures()).toEqual([]);
      });

      it('rejects a failure without a known code', async () => {
        await expectCode(
          store.recordFailure({ source: 'x', code: 'E_NOPE' as 'E_IO', message: 'm', at }),
          'E_VALIDATION',
        );
      });
    });

    describe('search', () => {
      beforeEach(async () => {
        // unrelated documents too, so that بلدة is a rare word and ranking means something
        await store.putDocuments([...corpus, longDoc, ...numbered(8)]);
      });

      it('bare words must all appear (AND)', async () => {
        const r = await store.search({ q: 'بلدة حدودية' });
        expect(ids(r.hits).sort()).toEqual([rebels.id, army.id, council.id].sort());
        expect(r.total).toBe(3);
        expect((await store.search({ q: 'بلدة القاهرة' })).total).toBe(0);
      });

      it('finds words through the analyzer: clitics and harakat do not matter', async () => {
        expect(ids((await store.search({ q: 'والجيش' })).hits).sort()).toEqual([rebels.id, army.id].sort());
        expect(ids((await store.search({ q: 'متمرّدون' })).hits)).toEqual([rebels.id]);
      });

      it('a quoted phrase needs its words in a row, in order', async () => {
        const r = await store.search({ q: '"بلدة حدودية"' });
        expect(ids(r.hits).sort()).toEqual([rebels.id, council.id].sort());
        expect((await store.search({ q: '"حدودية بلدة"' })).total).toBe(0);
        const mixed = await store.search({ q: '"مجلس الأمن" بلدة' });
        expect(ids(mixed.hits)).toEqual([council.id]);
      });

      it('ranks the document that matches more strongly first, scores descending', async () => {
        const r = await store.search({ q: 'بلدة' });
        expect(r.total).toBe(3);
        const scores = r.hits.map((h) => h.score);
        expect([...scores].sort((a, b) => b - a)).toEqual(scores);
        expect(r.hits[2]!.id).toBe(council.id); // one mention, against two and three in the others
      });

      it('filters by publication date, inclusive, dropping undated documents', async () => {
        const may = await store.search({ q: 'بلدة', from: '2024-05-02', to: '2024-05-20' });
        expect(ids(may.hits).sort()).toEqual([rebels.id, army.id].sort());
        const from = await store.search({ q: 'بلدة', from: '2024-05-03' });
        expect(ids(from.hits)).toEqual([army.id]);
        const to = await store.search({ q: 'بلدة', to: '2024-05-02' });
        expect(ids(to.hits)).toEqual([rebels.id]);
        expect((await store.search({ q: 'بلدة', from: '2024-06-01', to: '2024-01-01' })).total).toBe(0);
      });

      it('filters by a substring of the source, taken literally', async () => {
        const r = await store.search({ q: 'بلدة', source: 'news.example.org' });
        expect(ids(r.hits).sort()).toEqual([rebels.id, army.id].sort());
        expect((await store.search({ q: 'بلدة', source: 'un.xml' })).total).toBe(1);
        expect((await store.search({ q: 'بلدة', source: '%' })).total).toBe(0);
        expect((await store.search({ q: 'بلدة', source: 'news_example' })).total).toBe(0);
      });

      it('pages with limit and offset while total stays the full count', async () => {
        const all = await store.search({ q: 'بلدة', limit: 10 });
        const p1 = await store.search({ q: 'بلدة', limit: 2, offset: 0 });
        const p2 = await store.search({ q: 'بلدة', limit: 2, offset: 2 });
        expect(p1.total).toBe(3);
        expect(p2.total).toBe(3);
        expect([...ids(p1.hits), ...ids(p2.hits)]).toEqual(ids(all.hits));
        expect((await store.search({ q: 'بلدة', offset: 10 })).hits).toEqual([]);
      });

      it('never lets query syntax through: odd input gives a clean result', async () => {
        for (const q of [
          '"',
          '""',
          'AND (',
          '*',
          'بلدة*',
          'NEAR(بلدة حدودية)',
          'search_text:بلدة',
          '^بلدة',
          "'",
          ')))',
          '-بلدة',
          'OR',
          '"بلدة',
        ]) {
          const r = await store.search({ q });
          expect(r.total).toBeGreaterThanOrEqual(0);
        }
        expect((await store.search({ q: 'بلدة*' })).total).toBe(3);
        expect((await store.search({ q: 'NEAR(بلدة حدودية)' })).total).toBe(0); // "near" is a word
        expect((await store.search({ q: '"بلدة' })).total).toBe(3);
      });

      it('a query with no searchable word finds nothing', async () => {
        expect(await store.search({ q: '!!! ... ؟؟' })).toEqual({ total: 0, hits: [] });
        expect(await store.search({ q: '   ' })).toEqual({ total: 0, hits: [] });
      });

      it('rejects an empty or malformed query object with E_USAGE', async () => {
        await expectCode(store.search({ q: '' }), 'E_USAGE');
        await expectCode(store.search({ q: 'بلدة', from: '10/05/2024' }), 'E_USAGE');
        await expectCode(store.search({ q: 'بلدة', limit: 0 }), 'E_USAGE');
      });

      it('returns hit metadata', async () => {
        const [hit] = (await store.search({ q: 'القاهرة' })).hits;
        expect(hit).toMatchObject({
          id: cairo.id,
          source: cairo.source,
          title: cairo.title,
          published: '2024-03-10',
        });
      });

      it('highlights the words as written in the original text', async () => {
        const [hit] = (await store.search({ q: 'متمردون' })).hits;
        expect(hit!.highlights.map((s) => textAt(rebels, s))).toEqual(['المتمردون', 'المُتمرّدون']);
        const [armyHit] = (await store.search({ q: 'والمتمردين' })).hits;
        expect(armyHit!.highlights.map((s) => textAt(army, s))).toEqual(['المتمردين']);
      });

      it('highlights a phrase only where it occurs as a phrase', async () => {
        const r = await store.search({ q: '"مجلس الأمن"' });
        const hit = r.hits[0]!;
        expect(hit.highlights.map((s) => textAt(council, s))).toEqual(['مجلس', 'الأمن', 'مجلس', 'الأمن']);
      });

      it('a short document is its own snippet, with highlights into the snippet', async () => {
        const [hit] = (await store.search({ q: 'القاهرة' })).hits;
        expect(hit!.snippet).toBe(cairo.text.replace(/\s+/g, ' '));
        expect(hit!.snippetHighlights.map((s) => hit!.snippet.slice(s.start, s.end))).toEqual([
          'القاهرة',
          'القاهرة',
        ]);
      });

      it('a long document gets a ~200 character snippet around the matches, cut at word boundaries', async () => {
        const [hit] = (await store.search({ q: 'اللاجئين' })).hits;
        expect(hit!.id).toBe(longDoc.id);
        expect(hit!.highlights).toHaveLength(2);
        const { snippet, snippetHighlights } = hit!;
        expect(snippet.startsWith('…')).toBe(true);
        expect(snippet.endsWith('…')).toBe(true);
        expect(snippet.length).toBeLessThanOrEqual(202);
        expect(snippet.length).toBeGreaterThan(120);
        expect(snippetHighlights.map((s) => snippet.slice(s.start, s.end))).toEqual(['اللاجئين', 'اللاجئين']);
        const inner = snippet.slice(1, -1);
        expect(longDoc.text.includes(inner)).toBe(true);
        // cut at word boundaries: the text around the cut is a space
        const at = longDoc.text.indexOf(inner);
        expect(longDoc.text[at - 1]).toMatch(/\s/);
        expect(longDoc.text[at + inner.length]).toMatch(/\s/);
      });
    });

    describe('updateDocument', () => {
      it('replaces the analysis of a stored document', async () => {
        await store.putDocuments([army]);
        const reanalysed: AnalysedDocument = {
          ...army,
          published: '2024-05-21',
          warnings: ['أعيد التحليل'],
          entities: [
            {
              id: 'org:army',
              type: 'organization',
              name: 'Army',
              name_ar: 'الجيش',
              aliases: [],
              mentions: [],
            },
          ],
        };
        expect(await store.updateDocument(reanalysed)).toBe(true);
        expect(await store.getDocument(army.id)).toEqual(reanalysed);
        expect(await store.countDocuments()).toBe(1);
        expect((await store.search({ q: 'جيش', from: '2024-05-21' })).total).toBe(1);
        expect((await store.search({ q: 'جيش', to: '2024-05-20' })).total).toBe(0);
      });

      it('returns false for a document that is not stored', async () => {
        expect(await store.updateDocument(cairo)).toBe(false);
        expect(await store.countDocuments()).toBe(0);
      });

      it.runIf(options.reopen !== undefined)(
        're-indexes the document with the current analyzer',
        async () => {
          const doc = makeDoc({ source: 'files/ba.txt', body: 'وصل الوفد بالطائرة إلى العاصمة صباحا.' });
          await store.putDocuments([doc]);
          expect((await store.search({ q: 'طائرة' })).total).toBe(0);
          await store.close();
          // a newer analyzer that also strips the preposition ب
          store = await options.reopen!(store, makeTestAnalyzer({ stripBa: true }));
          // another analyzer version: the store rebuilt its index on open
          expect((await store.search({ q: 'طائرة' })).total).toBe(1);
          expect(await store.updateDocument(doc)).toBe(true);
          const r = await store.search({ q: 'طائرة' });
          expect(r.total).toBe(1);
          expect(r.hits[0]!.highlights.map((h) => doc.text.slice(h.start, h.end))).toEqual(['بالطائرة']);
        },
      );
    });

    describe('entity index and dossier', () => {
      beforeEach(async () => {
        await store.putDocuments([...entityCorpus, cairo]);
      });

      it('lists entities across documents, most documents first, with counts and first/last seen', async () => {
        const r = await store.listEntities({ limit: 100 });
        expect(r.total).toBe(6);
        expect(r.entities.map((e) => e.id)).toEqual([
          'ent-mali',
          'ent-wagner',
          'ent-mali-army',
          'ent-timbuktu',
          'ent-algeria',
          'ent-new-fajner',
        ]);
        expect(r.entities[0]).toEqual({
          id: 'ent-mali',
          type: 'location',
          kind: 'country',
          name: 'Mali',
          name_ar: 'مالي',
          documents: 3,
          mentions: 4,
          firstSeen: '2024-02-15',
          lastSeen: '2024-03-01',
        });
        expect(r.entities.find((e) => e.id === 'ent-new-fajner')).toMatchObject({
          kind: null,
          name: null,
          documents: 1,
          firstSeen: '2024-04-10',
          lastSeen: '2024-04-10',
        });
        expect(r.entities.find((e) => e.id === 'ent-algeria')).toMatchObject({
          firstSeen: null,
          lastSeen: null,
        });
      });

      it('filters by type, kind, id prefix and a name, and pages', async () => {
        const ids = async (q: Parameters<Store['listEntities']>[0]) =>
          (await store.listEntities(q)).entities.map((e) => e.id);
        expect(await ids({ type: 'location' })).toEqual(['ent-mali', 'ent-timbuktu', 'ent-algeria']);
        expect(await ids({ kind: 'country' })).toEqual(['ent-mali', 'ent-algeria']);
        expect(await ids({ type: 'organization', kind: 'military' })).toEqual(['ent-mali-army']);
        expect(await ids({ idPrefix: 'ent-new-' })).toEqual(['ent-new-fajner']);
        expect(await ids({ q: 'فاغنر' })).toEqual(['ent-wagner']);
        expect(await ids({ q: 'باماكو' })).toEqual(['ent-mali']); // a mention text, not the name
        expect(await ids({ q: 'wagner' })).toEqual(['ent-wagner']);
        expect(await ids({ q: 'mali' })).toEqual(['ent-mali', 'ent-mali-army']);
        expect(await ids({ q: 'والجزائر' })).toEqual(['ent-algeria']); // through the analyzer
        expect(await ids({ q: '%' })).toEqual([]);
        const p1 = await store.listEntities({ limit: 2 });
        const p2 = await store.listEntities({ limit: 2, offset: 2 });
        expect(p1.total).toBe(6);
        expect(p2.total).toBe(6);
        expect([...p1.entities, ...p2.entities].map((e) => e.id)).toEqual(
          (await ids({ limit: 4 })).slice(0, 4),
        );
        expect((await store.listEntities({ offset: 10 })).entities).toEqual([]);
        await expectCode(store.listEntities({ type: 'planet' as 'person' }), 'E_USAGE');
        await expectCode(store.listEntities({ limit: -1 }), 'E_USAGE');
      });

      it('gives a dossier by id: names, documents in date order, co-occurring entities', async () => {
        const d = await store.getEntityDossier('ent-mali');
        expect(d).toMatchObject({
          id: 'ent-mali',
          type: 'location',
          kind: 'country',
          name: 'Mali',
          name_ar: 'مالي',
          documents: 3,
          mentions: 4,
          firstSeen: '2024-02-15',
          lastSeen: '2024-03-01',
          alsoMatches: [],
        });
        expect(d!.names.map((n) => n.form).sort()).toEqual(['Mali', 'باماكو', 'مالي'].sort());
        expect(d!.names.find((n) => n.form === 'مالي')!.documents).toBe(3);
        expect(d!.documentList).toEqual([
          {
            id: operation.id,
            source: operation.source,
            title: operation.title,
            published: '2024-02-15',
            mentions: 1,
          },
          {
            id: withdrawal.id,
            source: withdrawal.source,
            title: withdrawal.title,
            published: '2024-03-01',
            mentions: 2,
          },
          { id: talks.id, source: talks.source, title: null, published: null, mentions: 1 },
        ]);
        expect(d!.coOccurring.map((c) => [c.id, c.shared])).toEqual([
          ['ent-wagner', 2],
          ['ent-algeria', 1],
          ['ent-mali-army', 1],
          ['ent-timbuktu', 1],
        ]);
        expect(d!.coOccurring[0]).toMatchObject({ name: 'Wagner Group', type: 'organization' });
        expect((await store.getEntityDossier('ent-wagner'))!.wikidata).toBe('Q19885956');
      });

      it('finds a dossier by a name, an alias, a mention text or a bare KB id', async () => {
        expect((await store.getEntityDossier('فاغنر'))?.id).toBe('ent-wagner');
        expect((await store.getEntityDossier('مجموعة فاغنر'))?.id).toBe('ent-wagner');
        expect((await store.getEntityDossier('Wagner Group'))?.id).toBe('ent-wagner');
        expect((await store.getEntityDossier('باماكو'))?.id).toBe('ent-mali');
        expect((await store.getEntityDossier('وباماكو'))?.id).toBe('ent-mali'); // analyzer strips و
        expect((await store.getEntityDossier('timbuktu'))?.id).toBe('ent-timbuktu');
        expect((await store.getEntityDossier('فاجنر'))?.id).toBe('ent-new-fajner');
      });

      it('limits the dossier lists and returns null for the unknown', async () => {
        const d = await store.getEntityDossier('ent-mali', { documentsLimit: 1, coLimit: 1 });
        expect(d!.documents).toBe(3);
        expect(d!.documentList).toHaveLength(1);
        expect(d!.coOccurring).toHaveLength(1);
        expect(await store.getEntityDossier('ent-nobody')).toBeNull();
        expect(await store.getEntityDossier('لا أحد')).toBeNull();
        expect(await store.getEntityDossier('  ')).toBeNull();
      });

      it('lists the documents mentioning some entities, in ingest order', async () => {
        expect(await store.documentsWithEntities(['ent-timbuktu', 'ent-algeria'])).toEqual([
          arrival.id,
          operation.id,
          talks.id,
        ]);
        expect(await store.documentsWithEntities([])).toEqual([]);
        expect(await store.documentsWithEntities(['ent-nobody'])).toEqual([]);
      });

      it('keeps the index in step with updateDocument', async () => {
        const relinked = withEntities(arrival, [{ ...WAGNER, forms: ['فاجنر'] }, TIMBUKTU, MALI_ARMY]);
        expect(await store.updateDocument(relinked)).toBe(true);
        const wagner = await store.getEntityDossier('ent-wagner');
        expect(wagner!.documents).toBe(3);
        expect(wagner!.lastSeen).toBe('2024-04-10');
        expect(wagner!.names.map((n) => n.form)).toContain('فاجنر');
        expect(await store.getEntityDossier('ent-new-fajner')).toBeNull();
        expect((await store.listEntities()).total).toBe(5);
        // a re-analysis that finds nothing leaves nothing in the index
        expect(await store.updateDocument({ ...talks, entities: [] })).toBe(true);
        expect(await store.getEntityDossier('ent-algeria')).toBeNull();
        expect((await store.getEntityDossier('ent-mali'))!.documents).toBe(2);
      });

      it('a duplicate document in a batch does not count twice', async () => {
        await store.putDocuments([withdrawal]);
        expect((await store.getEntityDossier('ent-mali'))!.documents).toBe(3);
      });
    });

    describe('entity edit log', () => {
      const edit: EntityEdit = {
        op: 'rename',
        entity: {
          id: 'ent-new-fajner',
          type: 'organization',
          kind: null,
          name: null,
          name_ar: 'فاجنر',
          wikidata: null,
          kbId: 'new-fajner',
          inKb: false,
          forms: ['فاجنر'],
        },
        name: 'Fajner',
        name_ar: null,
      };
      const renamed = (doc: AnalysedDocument): AnalysedDocument => ({
        ...doc,
        entities: doc.entities.map((e) => (e.id === 'ent-new-fajner' ? { ...e, name: 'Fajner' } : e)),
      });
      const snapshot = (doc: AnalysedDocument) => ({
        entities: doc.entities.filter((e) => e.id === 'ent-new-fajner'),
        events: doc.events,
        claims: doc.claims,
        relations: doc.relations,
      });

      beforeEach(async () => {
        await store.putDocuments(entityCorpus);
      });

      it('records an edit with its document changes in one step, oldest first', async () => {
        const rec = await store.recordEntityEdit(edit, [
          { doc: renamed(arrival), before: snapshot(arrival) },
        ]);
        expect(rec).toMatchObject({ seq: 1, edit, undoneAt: null, documents: 1 });
        expect(Number.isNaN(Date.parse(rec.at))).toBe(false);
        expect((await store.getDocument(arrival.id))!.entities[0]!.name).toBe('Fajner');
        expect((await store.getEntityDossier('Fajner'))?.id).toBe('ent-new-fajner');
        const second = await store.recordEntityEdit({ ...edit, name: 'Fajner PMC' }, []);
        expect(second.seq).toBe(2);
        expect((await store.listEntityEdits()).map((r) => r.seq)).toEqual([1, 2]);
        expect(await store.getEntityEditSnapshots(1)).toEqual([
          { documentId: arrival.id, before: snapshot(arrival) },
        ]);
        expect(await store.getEntityEditSnapshots(2)).toEqual([]);
      });

      it('undo marks the edit and stores the restored documents; twice is refused', async () => {
        await store.recordEntityEdit(edit, [{ doc: renamed(arrival), before: snapshot(arrival) }]);
        const undone = await store.undoEntityEdit(1, [arrival]);
        expect(undone.undoneAt).not.toBeNull();
        expect(await store.getDocument(arrival.id)).toEqual(arrival);
        expect(await store.getEntityDossier('Fajner')).toBeNull();
        expect((await store.listEntityEdits())[0]!.undoneAt).not.toBeNull();
        await expectCode(store.undoEntityEdit(1, []), 'E_USAGE');
        await expectCode(store.undoEntityEdit(7, []), 'E_NOT_FOUND');
      });

      it('rejects a malformed edit, and a change to a document that is not stored, writing nothing', async () => {
        await expectCode(
          store.recordEntityEdit({ op: 'explode' } as unknown as EntityEdit, []),
          'E_VALIDATION',
        );
        const stranger = withEntities(makeDoc({ source: 'x.txt', body: 'وصل مقاتلو فاجنر.' }), [FAJNER]);
        await expectCode(
          store.recordEntityEdit(edit, [{ doc: stranger, before: snapshot(stranger) }]),
          'E_NOT_FOUND',
        );
        expect(await store.listEntityEdits()).toEqual([]);
      });

      it.runIf(options.reopen !== undefined)('keeps the edit log and the index across reopen', async () => {
        await store.recordEntityEdit(edit, [{ doc: renamed(arrival), before: snapshot(arrival) }]);
        await store.close();
        store = await options.reopen!(store, analyzer);
        expect(await store.listEntityEdits()).toHaveLength(1);
        expect((await store.getEntityDossier('ent-mali'))!.documents).toBe(3);
        expect((await store.getEntityDossier('Fajner'))?.id).toBe('ent-new-fajner');
      });
    });

    describe('lifecycle', () => {
      it('refuses work after close with E_STORE', async () => {
        const s = await makeStore(analyzer);
        await s.close();
        await expectCode(s.countDocuments(), 'E_STORE');
        await s.close(); // closing twice is harmless
      });

      it.runIf(options.reopen !== undefined)(
        'keeps documents, failures and the index across close and reopen',
        async () => {
          await store.putDocuments(corpus);
          await store.recordFailure({
            source: 'files/bad.txt',
            code: 'E_EMPTY',
            message: 'no text',
            at: '2024-01-01T00:00:00Z',
          });
          await store.close();
          store = await options.reopen!(store, analyzer);
          expect(await store.countDocuments()).toBe(4);
          expect(await store.getDocument(rebels.id)).toEqual(rebels);
          expect(await store.listFailures()).toHaveLength(1);
          expect((await store.search({ q: '"بلدة حدودية"' })).total).toBe(2);
          expect((await store.putDocuments(corpus)).inserted).toBe(0);
        },
      );
    });
  });
}
