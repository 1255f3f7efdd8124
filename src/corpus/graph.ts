import type { AnalysedDocument, EntityKind, EntityType } from '../model/index.js';
import type { AggregatedRelation } from './relations.js';

// The knowledge graph for other tools: nodes are the corpus's entities, edges the aggregated
// relations. Writers for Gephi (GEXF 1.3, CSV), GraphML and FollowTheMoney-style entity JSON.
// Pure: every writer takes the graph and returns text.

export interface GraphNode {
  id: string;
  /** name_ar, else name, else id. */
  label: string;
  name: string | null;
  name_ar: string | null;
  type: EntityType;
  kind: EntityKind | null;
  aliases: string[];
  wikidata: string | null;
  documents: number;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  /** The relation type. */
  type: string;
  directed: boolean;
  /** The relation's confidence. */
  weight: number;
  sources: number;
  documents: number;
  /** Full ISO dates (a partial start goes to its first day, a partial end to its last), or null. */
  start: string | null;
  end: string | null;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export const GRAPH_FORMATS = ['gexf', 'graphml', 'csv', 'ftm'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

type EntitySourceDocument = Pick<AnalysedDocument, 'entities'>;

/** Collects the entities of documents (streaming): the names of its latest document win. */
export class EntityCollector {
  private readonly nodes = new Map<string, GraphNode & { aliasSet: Set<string> }>();

  add(doc: EntitySourceDocument): void {
    for (const e of doc.entities) {
      let n = this.nodes.get(e.id);
      if (!n) {
        n = {
          id: e.id,
          label: e.id,
          name: null,
          name_ar: null,
          type: e.type,
          kind: null,
          aliases: [],
          aliasSet: new Set(),
          wikidata: null,
          documents: 0,
        };
        this.nodes.set(e.id, n);
      }
      n.documents++;
      n.type = e.type;
      n.kind = e.kind ?? n.kind;
      n.name = e.name ?? n.name;
      n.name_ar = e.name_ar ?? n.name_ar;
      n.wikidata = e.wikidata ?? n.wikidata;
      n.label = n.name_ar ?? n.name ?? e.id;
      for (const a of e.aliases) n.aliasSet.add(a);
      for (const m of e.mentions) n.aliasSet.add(m.text);
    }
  }

  get(id: string): GraphNode | undefined {
    const n = this.nodes.get(id);
    return n ? finishNode(n) : undefined;
  }

  all(): GraphNode[] {
    return [...this.nodes.values()].map(finishNode).sort((a, b) => a.id.localeCompare(b.id));
  }
}

function finishNode(n: GraphNode & { aliasSet: Set<string> }): GraphNode {
  const { aliasSet, ...rest } = n;
  const names = new Set([n.name, n.name_ar].filter((x): x is string => x !== null));
  return { ...rest, aliases: [...aliasSet].filter((a) => !names.has(a)).sort() };
}

function fullDate(d: string | null, end: boolean): string | null {
  if (d === null) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(d)) return d;
  if (/^\d{4}$/.test(d)) return end ? `${d}-12-31` : `${d}-01-01`;
  const m = /^(\d{4})-(\d{2})$/.exec(d);
  if (!m) return null;
  if (!end) return `${d}-01`;
  const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return `${d}-${String(last).padStart(2, '0')}`;
}

/**
 * The graph of these entities and relations. Edges whose ends are not known entities are dropped;
 * with `connectedOnly`, so are entities that no edge touches.
 */
export function buildGraph(
  entities: readonly GraphNode[],
  relations: readonly AggregatedRelation[],
  options: { connectedOnly?: boolean } = {},
): Graph {
  const known = new Set(entities.map((e) => e.id));
  const edges: GraphEdge[] = relations
    .filter((r) => known.has(r.source) && known.has(r.target))
    .map((r) => ({
      id: r.id,
      source: r.source,
      target: r.target,
      type: r.type,
      directed: !r.symmetric,
      weight: r.confidence,
      sources: r.sources,
      documents: r.documents,
      start: fullDate(r.start, false),
      end: fullDate(r.end, true),
    }));
  const touched = new Set(edges.flatMap((e) => [e.source, e.target]));
  const nodes = options.connectedOnly ? entities.filter((n) => touched.has(n.id)) : [...entities];
  return { nodes, edges };
}

// ---- XML

/** Escape for XML text and attribute values; drops characters XML 1.0 forbids. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const attr = (name: string, value: string | number) => ` ${name}="${xmlEscape(String(value))}"`;

/** GEXF 1.3; dynamic (edge start/end dates) when any edge has a date. */
export function toGexf(g: Graph): string {
  const dynamic = g.edges.some((e) => e.start !== null || e.end !== null);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    '  <meta><creator>Marsad</creator><description>Marsad knowledge graph</description></meta>',
    `  <graph defaultedgetype="directed"${dynamic ? ' mode="dynamic" timeformat="date"' : ' mode="static"'}>`,
    '    <attributes class="node">',
    '      <attribute id="type" title="type" type="string"/>',
    '      <attribute id="kind" title="kind" type="string"/>',
    '      <attribute id="wikidata" title="wikidata" type="string"/>',
    '      <attribute id="documents" title="documents" type="integer"/>',
    '    </attributes>',
    '    <attributes class="edge">',
    '      <attribute id="relation" title="relation" type="string"/>',
    '      <attribute id="sources" title="sources" type="integer"/>',
    '      <attribute id="documents" title="documents" type="integer"/>',
    '    </attributes>',
    '    <nodes>',
  ];
  for (const n of g.nodes) {
    out.push(`      <node${attr('id', n.id)}${attr('label', n.label)}>`);
    out.push('        <attvalues>');
    out.push(`          <attvalue for="type"${attr('value', n.type)}/>`);
    if (n.kind) out.push(`          <attvalue for="kind"${attr('value', n.kind)}/>`);
    if (n.wikidata) out.push(`          <attvalue for="wikidata"${attr('value', n.wikidata)}/>`);
    out.push(`          <attvalue for="documents"${attr('value', n.documents)}/>`);
    out.push('        </attvalues>');
    out.push('      </node>');
  }
  out.push('    </nodes>', '    <edges>');
  for (const e of g.edges) {
    const time = (e.start ? attr('start', e.start) : '') + (e.end ? attr('end', e.end) : '');
    out.push(
      `      <edge${attr('id', e.id)}${attr('source', e.source)}${attr('target', e.target)}${attr('type', e.directed ? 'directed' : 'undirected')}${attr('label', e.type)}${attr('weight', e.weight)}${time}>`,
    );
    out.push('        <attvalues>');
    out.push(`          <attvalue for="relation"${attr('value', e.type)}/>`);
    out.push(`          <attvalue for="sources"${attr('value', e.sources)}/>`);
    out.push(`          <attvalue for="documents"${attr('value', e.documents)}/>`);
    out.push('        </attvalues>');
    out.push('      </edge>');
  }
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}

/** GraphML with keys for label, type, kind (nodes) and type, weight, sources, start, end (edges). */
export function toGraphml(g: Graph): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
    '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="wikidata" for="node" attr.name="wikidata" attr.type="string"/>',
    '  <key id="relation" for="edge" attr.name="type" attr.type="string"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <key id="sources" for="edge" attr.name="sources" attr.type="int"/>',
    '  <key id="start" for="edge" attr.name="start" attr.type="string"/>',
    '  <key id="end" for="edge" attr.name="end" attr.type="string"/>',
    '  <graph id="marsad" edgedefault="directed">',
  ];
  const data = (key: string, v: string | number) => `<data key="${key}">${xmlEscape(String(v))}</data>`;
  for (const n of g.nodes) {
    const parts = [data('label', n.label), data('type', n.type)];
    if (n.kind) parts.push(data('kind', n.kind));
    if (n.wikidata) parts.push(data('wikidata', n.wikidata));
    out.push(`    <node${attr('id', n.id)}>${parts.join('')}</node>`);
  }
  for (const e of g.edges) {
    const parts = [data('relation', e.type), data('weight', e.weight), data('sources', e.sources)];
    if (e.start) parts.push(data('start', e.start));
    if (e.end) parts.push(data('end', e.end));
    out.push(
      `    <edge${attr('id', e.id)}${attr('source', e.source)}${attr('target', e.target)}${e.directed ? '' : ' directed="false"'}>${parts.join('')}</edge>`,
    );
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

// ---- CSV (Gephi's spreadsheet import)

export function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const row = (fields: (string | number | null)[]) => fields.map(csvField).join(',');

/** Nodes table: Id,Label,type,kind,wikidata. */
export function toNodesCsv(g: Graph): string {
  const lines = [row(['Id', 'Label', 'type', 'kind', 'wikidata'])];
  for (const n of g.nodes) lines.push(row([n.id, n.label, n.type, n.kind, n.wikidata]));
  return `${lines.join('\n')}\n`;
}

/**
 * Edges table in Gephi's convention: Source,Target,Type (Directed/Undirected),Weight (confidence),
 * then Label and relation (the relation type), sources, Start, End and a Gephi Interval column.
 */
export function toEdgesCsv(g: Graph): string {
  const lines = [
    row(['Source', 'Target', 'Type', 'Weight', 'Label', 'relation', 'sources', 'Start', 'End', 'Interval']),
  ];
  for (const e of g.edges) {
    const interval = e.start || e.end ? `<[${e.start ?? e.end}, ${e.end ?? e.start}]>` : null;
    lines.push(
      row([
        e.source,
        e.target,
        e.directed ? 'Directed' : 'Undirected',
        e.weight,
        e.type,
        e.type,
        e.sources,
        e.start,
        e.end,
        interval,
      ]),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Both tables for one stream: nodes, a blank line, edges. */
export function toCsv(g: Graph): string {
  return `${toNodesCsv(g)}\n${toEdgesCsv(g)}`;
}

// ---- FollowTheMoney

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

/** The FollowTheMoney schema of an entity. */
export function ftmSchema(n: Pick<GraphNode, 'type' | 'kind'>): string {
  if (n.type === 'person') return 'Person';
  if (n.type === 'location') return 'Address';
  switch (n.kind) {
    case 'government_body':
    case 'military':
      return 'PublicBody';
    case 'company':
    case 'private_military_company':
      return 'Company';
    default:
      return 'Organization';
  }
}

/** One entity in FollowTheMoney's JSON shape. */
export function toFtmEntity(n: GraphNode): FtmEntity {
  const properties: Record<string, string[]> = {};
  const names = [n.name_ar, n.name].filter((x): x is string => x !== null);
  properties.name = names.length > 0 ? names : [n.id];
  if (n.aliases.length > 0) properties.alias = n.aliases;
  if (n.wikidata) properties.wikidataId = [n.wikidata];
  if (n.type === 'location') properties.full = [properties.name[0]!];
  if (n.kind) properties.keywords = [n.kind];
  return { id: n.id, schema: ftmSchema(n), properties };
}

/**
 * FollowTheMoney JSON lines: every node, then every edge as an UnknownLink (subject, object,
 * role = relation type, startDate/endDate).
 */
export function toFtmLines(g: Graph): string {
  const lines = g.nodes.map((n) => JSON.stringify(toFtmEntity(n)));
  for (const e of g.edges) {
    const properties: Record<string, string[]> = {
      subject: [e.source],
      object: [e.target],
      role: [e.type],
    };
    if (e.start) properties.startDate = [e.start];
    if (e.end) properties.endDate = [e.end];
    lines.push(JSON.stringify({ id: e.id, schema: 'UnknownLink', properties }));
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

export function writeGraph(g: Graph, format: GraphFormat): string {
  switch (format) {
    case 'gexf':
      return toGexf(g);
    case 'graphml':
      return toGraphml(g);
    case 'csv':
      return toCsv(g);
    case 'ftm':
      return toFtmLines(g);
  }
}
