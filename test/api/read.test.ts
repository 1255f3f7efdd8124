import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ClaimPage,
  DocumentDetail,
  DocumentPage,
  DocumentSummary,
  EntityDetail,
  EntityPage,
  EntitySummary,
  EventPage,
  GraphView,
  Health,
  MapView,
  RelationPage,
  SearchPage,
  TimelinePage,
} from '../../src/api/index.js';
import { ExportDocument } from '../../src/model/index.js';
import { allPages, type Fixture, makeFixture } from './helpers.js';

let f: Fixture;
beforeAll(async () => {
  f = await makeFixture();
}, 60_000);
afterAll(async () => {
  await f.close();
});

type Err = { error: { code: string; message: string } };

async function expectBad(path: string, param: string): Promise<void> {
  const { status, body } = await f.json<Err>(path);
  expect(status, path).toBe(400);
  expect(body.error.code).toBe('E_USAGE');
  expect(body.error.message).toContain(param);
}

describe('health', () => {
  it('counts the corpus', async () => {
    const { status, body } = await f.json<Health>('/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, version: 'test', documents: 4 });
    expect(body.entities).toBeGreaterThan(5);
    expect(body.events).toBeGreaterThanOrEqual(2);
  });
});

describe('documents', () => {
  it('lists documents a page at a time', async () => {
    const { body } = await f.json<DocumentPage>('/api/documents');
    expect(body).toMatchObject({ total: 4, offset: 0, limit: 50 });
    const paged = await allPages<DocumentSummary>(f, '/api/documents', 3);
    expect(paged.map((d) => d.id)).toEqual(body.items.map((d) => d.id));
    expect(new Set(paged.map((d) => d.id)).size).toBe(4);
    const past = await f.json<DocumentPage>('/api/documents?offset=10');
    expect(past.body).toMatchObject({ total: 4, items: [] });
  });

  it('rejects a bad page with a 400 naming the parameter', async () => {
    await expectBad('/api/documents?limit=0', 'limit');
    await expectBad('/api/documents?limit=501', 'limit');
    await expectBad('/api/documents?limit=ten', 'limit');
    await expectBad('/api/documents?offset=-1', 'offset');
  });

  it('returns one document with text, entities, events, sentences and dates', async () => {
    const list = await f.json<DocumentPage>('/api/documents');
    const summary = list.body.items.find((d) => d.source.endsWith('kidal.txt'))!;
    const { status, body } = await f.json<DocumentDetail>(`/api/documents/${encodeURIComponent(summary.id)}`);
    expect(status).toBe(200);
    const doc = body.document;
    expect(doc.id).toBe(summary.id);
    expect(doc.text).toContain('اندلعت اشتباكات عنيفة');
    const kidal = doc.entities.find((e) => e.id === 'ent-kidal')!;
    expect(doc.text.slice(kidal.mentions[0]!.start, kidal.mentions[0]!.end)).toContain('كيدال');
    expect(doc.events.some((e) => e.type === 'armed_clash')).toBe(true);
    expect(body.sentences.length).toBeGreaterThanOrEqual(2);
    const date = body.dates.find((d) => d.value?.start === '2024-03-12');
    expect(date && doc.text.slice(date.start, date.end)).toBe(date?.text);
    // by its source (URL-encoded), and by an 8-digit prefix
    const bySource = await f.json<DocumentDetail>(
      `/api/documents/${encodeURIComponent('https://paper.example.org/kidal-2')}`,
    );
    expect(bySource.body.document.title).toBe('معارك كيدال مستمرة');
    const short = await f.json<DocumentDetail>(`/api/documents/${summary.id.slice(7, 19)}`);
    expect(short.body.document.id).toBe(summary.id);
  });

  it('404 for an unknown document', async () => {
    const { status, body } = await f.json<Err>(`/api/documents/sha256:${'0'.repeat(64)}`);
    expect(status).toBe(404);
    expect(body.error.code).toBe('E_NOT_FOUND');
  });
});

describe('search', () => {
  it('finds Arabic words whatever their clitics, with highlights', async () => {
    const { status, body } = await f.json<SearchPage>(`/api/search?q=${encodeURIComponent('المتمردين')}`);
    expect(status).toBe(200);
    expect(body.total).toBe(2);
    const hit = body.items[0]!;
    expect(hit.snippetHighlights.length).toBeGreaterThan(0);
    const h = hit.snippetHighlights[0]!;
    expect(hit.snippet.slice(h.start, h.end)).toContain('متمرد');
  });

  it('pages and filters by date and source', async () => {
    const q = encodeURIComponent('كيدال');
    const all = await f.json<SearchPage>(`/api/search?q=${q}`);
    expect(all.body.total).toBe(3);
    const pages = await allPages<{ id: string }>(f, `/api/search?q=${q}`, 2);
    expect(pages.map((h) => h.id).sort()).toEqual(all.body.items.map((h) => h.id).sort());
    const march = await f.json<SearchPage>(`/api/search?q=${q}&from=2024-03-13`);
    expect(march.body.total).toBeLessThan(3);
    const paper = await f.json<SearchPage>(`/api/search?q=${q}&source=paper.example.org`);
    expect(paper.body.items.map((h) => h.source)).toEqual(['https://paper.example.org/kidal-2']);
  });

  it('400 without q or with a bad date', async () => {
    await expectBad('/api/search', 'q');
    await expectBad('/api/search?q=%20', 'q');
    await expectBad('/api/search?q=x&from=March', 'from');
  });
});

describe('entities', () => {
  it('lists, filters and pages entities', async () => {
    const { body } = await f.json<EntityPage>('/api/entities');
    expect(body.items[0]!.documents).toBeGreaterThanOrEqual(body.items[1]!.documents);
    const places = await f.json<EntityPage>('/api/entities?type=location');
    expect(places.body.items.every((e) => e.type === 'location')).toBe(true);
    expect(places.body.items.map((e) => e.id)).toContain('ent-kidal');
    const named = await f.json<EntityPage>(`/api/entities?q=${encodeURIComponent('فاغنر')}`);
    expect(named.body.items.map((e) => e.id)).toContain('ent-wagner');
    const paged = await allPages<EntitySummary>(f, '/api/entities', 4);
    expect(paged.map((e) => e.id)).toEqual(body.items.map((e) => e.id));
    await expectBad('/api/entities?type=planet', 'type');
  });

  it('an entity by name: dossier, events, relations and the claims about it', async () => {
    const { status, body } = await f.json<EntityDetail>(
      `/api/entities/${encodeURIComponent('مجموعة فاغنر')}`,
    );
    expect(status).toBe(200);
    expect(body.entity.id).toBe('ent-wagner');
    expect(body.entity.documents).toBe(3);
    expect(body.events.some((e) => e.location === 'ent-kidal')).toBe(true);
    expect(body.claims.about.some((g) => g.contested)).toBe(true);
    expect(body.counts.claimsAbout).toBe(body.claims.about.length);
    const niger = await f.json<EntityDetail>('/api/entities/ent-niger');
    expect(niger.body.relations.map((r) => [r.type, r.targetEntity?.id])).toContainEqual([
      'severed_ties_with',
      'ent-france',
    ]);
    expect(niger.body.claims.by.length).toBeGreaterThan(0);
  });

  it('404 for an unknown entity, 400 for a bad documents count', async () => {
    const { status } = await f.json<Err>('/api/entities/ent-atlantis');
    expect(status).toBe(404);
    await expectBad('/api/entities/ent-mali?documents=-3', 'documents');
  });
});

describe('events and timeline', () => {
  it('one corpus event for the clash reported twice, with evidence and named actors', async () => {
    const { body } = await f.json<EventPage>('/api/events?type=armed_clash&place=ent-kidal');
    expect(body.total).toBe(1);
    const e = body.items[0]!;
    expect(e.documents).toHaveLength(2);
    expect(e.date?.start).toBe('2024-03-12');
    expect(e.actors).toContain('ent-mali-army');
    expect(e.entities.find((x) => x.id === 'ent-kidal')?.name_ar).toBe('كيدال');
    expect(e.evidence[0]!.sentence).toContain('كيدال');
  });

  it('filters by date, actor name and type, by date order, paged', async () => {
    const all = await f.json<EventPage>('/api/events');
    const dated = all.body.items.filter((e) => e.date).map((e) => e.date!.start);
    expect(dated).toEqual([...dated].sort());
    const in2023 = await f.json<EventPage>('/api/events?from=2023&to=2023');
    expect(in2023.body.items.map((e) => e.type)).toEqual(['diplomatic_break']);
    const byName = await f.json<EventPage>(`/api/events?actor=${encodeURIComponent('النيجر')}`);
    expect(byName.body.items.map((e) => e.type)).toEqual(['diplomatic_break']);
    const paged = await allPages<{ id: string }>(f, '/api/events', 1);
    expect(paged.map((e) => e.id)).toEqual(all.body.items.map((e) => e.id));
    await expectBad('/api/events?type=party', 'type');
    await expectBad('/api/events?to=2024-02-30x', 'to');
  });

  it('the timeline holds dated events only, with a label', async () => {
    const { body } = await f.json<TimelinePage>('/api/timeline');
    const events = await f.json<EventPage>('/api/events');
    expect(body.total).toBe(events.body.items.filter((e) => e.date).length);
    expect(body.items.every((t) => t.date.start && t.label.length > 0)).toBe(true);
    const march = await f.json<TimelinePage>('/api/timeline?from=2024-03&to=2024-03');
    expect(march.body.items.every((t) => t.date.start.startsWith('2024-03'))).toBe(true);
    expect((await f.json<TimelinePage>('/api/timeline?limit=1&offset=1')).body.items).toHaveLength(1);
    await expectBad('/api/timeline?from=yesterday', 'from');
  });
});

describe('claims and relations', () => {
  it('contested groups hold the assertions and the denial, with evidence offsets', async () => {
    const { body } = await f.json<ClaimPage>('/api/claims?contested=true');
    expect(body.total).toBe(1);
    const g = body.items[0]!;
    expect(g.denying.map((s) => s.id)).toEqual(['ent-russia']);
    expect(g.asserting.length).toBeGreaterThan(0);
    expect(g.entities.map((e) => e.id)).toContain('ent-russia');
    const deny = g.claims.find((c) => c.stance === 'deny')!;
    const doc = await f.json<DocumentDetail>(`/api/documents/${encodeURIComponent(deny.documentId)}`);
    expect(doc.body.document.text.slice(deny.content.start, deny.content.end)).toBe(deny.quote);
    const calm = await f.json<ClaimPage>('/api/claims?contested=false');
    expect(calm.body.items.every((x) => !x.contested)).toBe(true);
    const all = await f.json<ClaimPage>('/api/claims');
    expect(calm.body.total + body.total).toBe(all.body.total);
  });

  it('filters claims by speaker name, stance and quote words; pages', async () => {
    const russia = await f.json<ClaimPage>(`/api/claims?speaker=${encodeURIComponent('روسيا')}`);
    expect(russia.body.total).toBeGreaterThan(0);
    expect(russia.body.items.every((g) => g.claims.some((c) => c.speaker === 'ent-russia'))).toBe(true);
    const q = await f.json<ClaimPage>(`/api/claims?q=${encodeURIComponent('القرار نهائي')}`);
    expect(q.body.total).toBe(1);
    const denials = await f.json<ClaimPage>('/api/claims?stance=deny');
    expect(denials.body.items.every((g) => g.claims.some((c) => c.stance === 'deny'))).toBe(true);
    const nobody = await f.json<ClaimPage>('/api/claims?speaker=ent-atlantis');
    expect(nobody.body.total).toBe(0);
    const all = await f.json<ClaimPage>('/api/claims');
    const paged = await allPages<{ id: string }>(f, '/api/claims', 1);
    expect(paged.map((g) => g.id)).toEqual(all.body.items.map((g) => g.id));
    await expectBad('/api/claims?contested=maybe', 'contested');
    await expectBad('/api/claims?stance=shout', 'stance');
  });

  it('relations with named ends, filtered by type, entity and confidence', async () => {
    const { body } = await f.json<RelationPage>('/api/relations?type=severed_ties_with');
    expect(body.items.map((r) => [r.sourceEntity?.name_ar, r.targetEntity?.name_ar])).toContainEqual([
      'النيجر',
      'فرنسا',
    ]);
    const france = await f.json<RelationPage>(`/api/relations?entity=${encodeURIComponent('فرنسا')}`);
    expect(france.body.total).toBeGreaterThan(0);
    const none = await f.json<RelationPage>('/api/relations?min_confidence=1');
    expect(none.body.total).toBe(0);
    expect((await f.json<RelationPage>('/api/relations?limit=1&offset=99')).body.items).toEqual([]);
    await expectBad('/api/relations?type=friends', 'type');
    await expectBad('/api/relations?min_confidence=2', 'min_confidence');
  });
});

describe('graph and map', () => {
  it('the graph: connected entities and relation edges, filtered by type', async () => {
    const { body } = await f.json<GraphView>('/api/graph');
    expect(body.edges.some((e) => e.type === 'severed_ties_with' && e.directed)).toBe(true);
    const ids = new Set(body.nodes.map((n) => n.id));
    for (const e of body.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    const none = await f.json<GraphView>('/api/graph?types=allied_with');
    expect(none.body).toEqual({ nodes: [], edges: [] });
    const all = await f.json<GraphView>('/api/graph?all_entities=true');
    expect(all.body.nodes.length).toBeGreaterThan(body.nodes.length);
    const dated = await f.json<GraphView>('/api/graph?from=2030');
    expect(dated.body.edges).toEqual([]);
    await expectBad('/api/graph?types=severed_ties_with,friends', 'types');
    await expectBad('/api/graph?min_confidence=x', 'min_confidence');
  });

  it('the map: places with KB coordinates and the events there', async () => {
    const { body } = await f.json<MapView>('/api/map');
    const kidal = body.places.find((p) => p.id === 'ent-kidal')!;
    expect(kidal.lat).toBeGreaterThan(15);
    expect(kidal.lon).toBeGreaterThan(0);
    expect(kidal.country).toBe('mali');
    expect(kidal.events).toBe(1);
    const ev = body.events.find((e) => e.location === 'ent-kidal')!;
    expect([ev.lat, ev.lon]).toEqual([kidal.lat, kidal.lon]);
  });
});

describe('export', () => {
  it('downloads every format as an attachment of its own type', async () => {
    const expected: Record<string, RegExp> = {
      jsonl: /^application\/x-ndjson/,
      acled: /^text\/csv/,
      gexf: /^application\/gexf\+xml/,
      graphml: /^application\/graphml\+xml/,
      csv: /^text\/csv/,
      ftm: /^application\/x-ndjson/,
    };
    for (const [format, type] of Object.entries(expected)) {
      const res = await f.get(`/api/export?format=${format}`);
      expect(res.status, format).toBe(200);
      expect(res.headers.get('content-type')).toMatch(type);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="marsad-/);
      const text = await res.text();
      expect(text.length, format).toBeGreaterThan(50);
      if (format === 'jsonl') {
        const lines = text.trim().split('\n');
        expect(lines).toHaveLength(4);
        for (const l of lines) expect(ExportDocument.safeParse(JSON.parse(l)).success).toBe(true);
      }
      if (format === 'acled') expect(text).toContain('Kidal');
      if (format === 'gexf') expect(text).toContain('<gexf');
    }
  });

  it('400 for an unknown format', async () => {
    await expectBad('/api/export?format=pdf', 'format');
  });
});

describe('OpenAPI and docs', () => {
  it('the spec lists every route', async () => {
    const { status, body } = await f.json<{ openapi: string; paths: Record<string, object> }>(
      '/api/openapi.json',
    );
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    for (const p of [
      '/api/health',
      '/api/documents',
      '/api/documents/{id}',
      '/api/search',
      '/api/entities',
      '/api/entities/{ref}',
      '/api/events',
      '/api/timeline',
      '/api/claims',
      '/api/relations',
      '/api/graph',
      '/api/map',
      '/api/export',
      '/api/ingest',
      '/api/jobs/{id}',
    ])
      expect(Object.keys(body.paths), p).toContain(p);
  });

  it('the docs page loads its script from the server, not inline or from a CDN', async () => {
    const res = await f.get('/api/docs');
    const html = await res.text();
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('<script src="/api/docs.js"></script>');
    expect(html).not.toMatch(/<script>(?!<)/);
    expect(html).not.toMatch(/https?:\/\//);
    const js = await f.get('/api/docs.js');
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await js.text()).toContain('/api/openapi.json');
  });

  it('the docs script lists every path, method, parameter and schema of the spec', async () => {
    const { parseHTML } = await import('linkedom');
    const html = await (await f.get('/api/docs')).text();
    const script = await (await f.get('/api/docs.js')).text();
    const spec = (await (await f.get('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    const { window, document } = parseHTML(html);
    const run = new Function('document', 'Node', 'location', 'URLSearchParams', 'fetch', script);
    let loaded: Promise<unknown> = Promise.resolve();
    const fakeFetch = (url: string) => {
      expect(url).toBe('/api/openapi.json');
      loaded = Promise.resolve({ ok: true, json: async () => spec });
      return loaded;
    };
    run(document, window.Node, { search: '' }, URLSearchParams, fakeFetch);
    await new Promise((r) => setTimeout(r, 20));
    const text = document.getElementById('ops')!.textContent ?? '';
    for (const path of Object.keys(spec.paths)) expect(text).toContain(path);
    expect(text).toContain('min_confidence');
    expect(text).toContain('multipart/form-data');
    expect(document.getElementById('schemas')!.textContent).toContain('ClaimGroupView');
  });

  it('unknown API routes are a JSON 404', async () => {
    const { status, body } = await f.json<Err>('/api/nothing-here');
    expect(status).toBe(404);
    expect(body.error.code).toBe('E_NOT_FOUND');
  });
});
