import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AnalysedDocument, Claim, Entity } from '../../src/model/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { arabicSearchAnalyzer } from '../../src/text/index.js';
import { marsad, tempDir } from '../helpers/cli.js';
import { makeDoc } from '../store/fixtures.js';

vi.setConfig({ testTimeout: 90_000 });

// Two invented articles: one reports that Zanda trained the Valley Front, the other that Zanda's
// foreign ministry denied it.

const ent = (
  id: string,
  name_ar: string,
  text: string,
  at: number,
  type: Entity['type'] = 'organization',
): Entity => ({
  id,
  type,
  name: null,
  name_ar,
  aliases: [],
  mentions: [{ start: at, end: at + text.length, text }],
});

function build(
  source: string,
  published: string,
  body: string,
  claims: (Omit<Claim, 'content' | 'id'> & { quote: string })[],
  entities: (text: string) => Entity[],
): AnalysedDocument {
  const doc = makeDoc({ source, published, body });
  doc.entities = entities(doc.text);
  doc.claims = claims.map((c, i) => {
    const start = doc.text.indexOf(c.quote);
    return {
      id: `cl-${i}`,
      speaker: c.speaker,
      stance: c.stance,
      cue: c.cue,
      about: c.about,
      content: { start, end: start + c.quote.length },
    };
  });
  return doc;
}

const q1 = 'زاندا دربت مقاتلي جبهة الوادي على الطائرات المسيرة';
const q2 = 'تدريب مقاتلي جبهة الوادي على الطائرات المسيرة';
const ents = (t: string) => [
  ent('ent-zanda', 'زاندا', 'زاندا', t.indexOf('زاندا'), 'location'),
  ent('ent-front', 'جبهة الوادي', 'جبهة الوادي', t.indexOf('جبهة الوادي')),
];
const d1 = build(
  'https://a.example/1',
  '2024-08-01',
  `قالت مصادر إن ${q1} في معسكرات سرية.`,
  [{ speaker: null, stance: 'assert', cue: 'قالت', about: ['ent-zanda', 'ent-front'], quote: q1 }],
  ents,
);
d1.relations = [
  {
    type: 'supports',
    source: 'ent-zanda',
    target: 'ent-front',
    date: null,
    evidence: [d1.claims[0]!.content],
  },
];
const d2 = build(
  'https://b.example/2',
  '2024-08-04',
  `نفت زاندا ${q2} وقالت إن ذلك كذب.`,
  [{ speaker: 'ent-zanda', stance: 'deny', cue: 'نفت', about: ['ent-zanda', 'ent-front'], quote: q2 }],
  ents,
);

let db = '';
beforeAll(async () => {
  db = join(tempDir(), 'store.db');
  const store = await openSqliteStore({ path: db, analyzer: arabicSearchAnalyzer });
  await store.putDocuments([d1, d2]);
  await store.close();
});

describe('marsad claims / relations / graph', () => {
  it('lists the contradiction side by side', () => {
    const r = marsad(['claims', '--contested'], { db });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('CONTESTED');
    expect(r.stdout).toMatch(/assertions:[\s\S]*دربت[\s\S]*denials:[\s\S]*نفت/);
    expect(r.stdout).toContain('https://b.example/2');
  });

  it('gives JSON, and filters by speaker name', () => {
    const r = marsad(['--json', 'claims', '--speaker', 'زاندا', '--stance', 'deny'], { db });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.total).toBe(1);
    expect(out.groups[0].contested).toBe(true);
    expect(out.groups[0].independentSources).toBe(2);
    expect(out.groups[0].denying[0].id).toBe('ent-zanda');
    expect(marsad(['claims', '--stance', 'maybe'], { db }).status).toBe(2);
    expect(marsad(['claims', '--about', 'لا أحد'], { db }).status).toBe(4);
  });

  it('aggregates relations with a confidence lowered by the denial', () => {
    const r = marsad(['--json', 'relations', '--type', 'supports'], { db });
    expect(r.status).toBe(0);
    const rel = JSON.parse(r.stdout).relations[0];
    expect(rel).toMatchObject({
      type: 'supports',
      source: 'ent-zanda',
      target: 'ent-front',
      sources: 1,
      denials: 1,
    });
    expect(rel.confidence).toBe(0.25);
  });

  it('exports the graph in each format', () => {
    const gexf = marsad(['graph', '--format', 'gexf'], { db });
    expect(gexf.status).toBe(0);
    expect(gexf.stdout).toContain('<gexf');
    expect(gexf.stdout).toContain('source="ent-zanda"');
    expect(marsad(['graph', '--format', 'graphml'], { db }).stdout).toContain('<graphml');
    const ftm = marsad(['graph', '--format', 'ftm'], { db })
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(ftm.some((e) => e.id === 'ent-front' && e.schema === 'Organization')).toBe(true);
    const dir = join(tempDir(), 'csv');
    expect(marsad(['graph', '--format', 'csv', '-o', dir], { db }).status).toBe(0);
    expect(readFileSync(join(dir, 'nodes.csv'), 'utf8')).toMatch(/^Id,Label,type,kind/);
    expect(readFileSync(join(dir, 'edges.csv'), 'utf8')).toContain('ent-zanda,ent-front,Directed,0.25');
    expect(marsad(['graph', '--format', 'dot'], { db }).status).toBe(2);
  });
});
