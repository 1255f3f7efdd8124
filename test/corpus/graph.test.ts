import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  aggregateRelations,
  buildGraph,
  EntityCollector,
  toEdgesCsv,
  toFtmLines,
  toGexf,
  toGraphml,
  toNodesCsv,
  xmlEscape,
} from '../../src/corpus/index.js';
import type { Entity, Relation } from '../../src/model/index.js';

// A tiny invented graph: a state, a front "A & B <x>" with awkward characters, and a person.

const ents: Entity[] = [
  {
    id: 'zanda',
    type: 'location',
    kind: 'country',
    name: 'Zanda',
    name_ar: 'زاندا',
    aliases: ['الزاندية'],
    wikidata: 'Q1',
    mentions: [],
  },
  {
    id: 'front',
    type: 'organization',
    kind: 'armed_group',
    name: 'A & B "<x>"',
    name_ar: null,
    aliases: [],
    mentions: [{ start: 0, end: 3, text: 'الجبهة' }],
  },
  {
    id: 'amir',
    type: 'person',
    kind: 'person_official',
    name: null,
    name_ar: 'أمير الوادي',
    aliases: [],
    mentions: [],
  },
];
const rel = (type: Relation['type'], source: string, target: string, date: Relation['date']): Relation => ({
  type,
  source,
  target,
  date,
  evidence: [{ start: 0, end: 5 }],
});
const docs = [
  {
    id: 'sha256:1',
    source: 'a.txt',
    published: '2024-01-02',
    text: 'نص أول',
    relations: [
      rel('supports', 'zanda', 'front', { start: '2024-07', end: '2024-07', precision: 'month' }),
      rel('leader_of', 'amir', 'front', null),
    ],
  },
  {
    id: 'sha256:2',
    source: 'b.txt',
    published: null,
    text: 'نص ثان',
    relations: [rel('hostile_to', 'front', 'zanda', null), rel('supports', 'zanda', 'ghost', null)],
  },
];
const collector = new EntityCollector();
collector.add({ entities: ents });
const graph = buildGraph(collector.all(), aggregateRelations(docs), { connectedOnly: true });

interface XmlElement {
  getAttribute(name: string): string | null;
}
interface XmlDom {
  querySelector(s: string): unknown;
  getElementsByTagName(tag: string): ArrayLike<XmlElement> & Iterable<XmlElement>;
}

function parseXml(xml: string): XmlDom {
  const dom = new DOMParser().parseFromString(xml, 'text/xml') as unknown as XmlDom;
  expect(dom.querySelector('parsererror')).toBeNull();
  return dom;
}

describe('graph', () => {
  it('builds nodes from entities and edges from relations with known ends', () => {
    expect(graph.nodes.map((n) => n.id)).toEqual(['amir', 'front', 'zanda']);
    expect(graph.edges).toHaveLength(3);
    const sup = graph.edges.find((e) => e.type === 'supports')!;
    expect([sup.start, sup.end]).toEqual(['2024-07-01', '2024-07-31']);
    expect(graph.edges.find((e) => e.type === 'hostile_to')!.directed).toBe(false);
    expect(graph.nodes.find((n) => n.id === 'zanda')!.label).toBe('زاندا');
  });

  it('writes well-formed GEXF 1.3, dynamic, with node attributes', () => {
    const xml = toGexf(graph);
    expect(xml).toContain('version="1.3"');
    expect(xml).toContain('mode="dynamic"');
    const dom = parseXml(xml);
    const nodes = [...dom.getElementsByTagName('node')];
    expect(nodes).toHaveLength(3);
    expect(nodes.find((n) => n.getAttribute('id') === 'front')).toBeDefined();
    expect(xml).toContain('label="A &amp; B &quot;&lt;x&gt;&quot;"');
    const edges = [...dom.getElementsByTagName('edge')];
    expect(edges).toHaveLength(3);
    expect(edges.find((e) => e.getAttribute('label') === 'supports')!.getAttribute('start')).toBe(
      '2024-07-01',
    );
    expect(xml).toContain('<attvalue for="kind" value="country"/>');
  });

  it('writes well-formed GraphML with keys', () => {
    const dom = parseXml(toGraphml(graph));
    expect(dom.getElementsByTagName('key').length).toBeGreaterThanOrEqual(6);
    expect(dom.getElementsByTagName('node')).toHaveLength(3);
    expect(dom.getElementsByTagName('edge')).toHaveLength(3);
    expect(toGraphml(graph)).toContain('<data key="label">A &amp; B &quot;&lt;x&gt;&quot;</data>');
  });

  it('writes Gephi CSV tables', () => {
    const nodes = toNodesCsv(graph).trim().split('\n');
    expect(nodes[0]).toBe('Id,Label,type,kind,wikidata');
    expect(nodes).toContain('front,"A & B ""<x>""",organization,armed_group,');
    const edges = toEdgesCsv(graph).trim().split('\n');
    expect(edges[0]!.split(',').slice(0, 4)).toEqual(['Source', 'Target', 'Type', 'Weight']);
    expect(edges.find((l) => l.includes('supports'))).toBe(
      'zanda,front,Directed,0.5,supports,supports,1,2024-07-01,2024-07-31,"<[2024-07-01, 2024-07-31]>"',
    );
    expect(edges.find((l) => l.includes('hostile_to'))!.split(',')[2]).toBe('Undirected');
  });

  it('writes FollowTheMoney entity lines', () => {
    const lines = toFtmLines(graph)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const zanda = lines.find((l) => l.id === 'zanda');
    expect(zanda).toMatchObject({
      schema: 'Address',
      properties: { name: ['زاندا', 'Zanda'], alias: ['الزاندية'], wikidataId: ['Q1'] },
    });
    expect(lines.find((l) => l.id === 'amir').schema).toBe('Person');
    expect(lines.find((l) => l.id === 'front').schema).toBe('Organization');
    expect(lines.filter((l) => l.schema === 'UnknownLink')).toHaveLength(3);
  });

  it('escapes XML', () => {
    expect(xmlEscape('a<b>&"\'\u0001')).toBe('a&lt;b&gt;&amp;&quot;&apos;');
  });
});
