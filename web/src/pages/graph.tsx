import type { Core } from 'cytoscape';
import { useEffect, useRef, useState } from 'preact/hooks';
import { all, api } from '../api/client';
import type { AggregatedRelation, GraphEdge, GraphNode, GraphResponse } from '../api/types';
import { AsyncView, Badge, DateRangeInputs, EntityLink, RelationEvidenceList } from '../components/common';
import { useLang } from '../i18n/lang';
import { RELATION_TYPES } from '../i18n/strings';
import { useAsync } from '../lib/use-async';
import { href, type Route, setQuery } from '../router';

const TYPE_COLORS: Record<string, string> = {
  person: '#1f6f8b',
  organization: '#8b4a1f',
  location: '#3f7d3a',
};
const FONT = '"Noto Sans Arabic", sans-serif';

type Picked = { kind: 'edge'; edge: GraphEdge } | { kind: 'node'; node: GraphNode } | null;

function CyGraph({ graph, onPick }: { graph: GraphResponse; onPick(p: Picked): void }) {
  const box = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const { t, v } = useLang();
  useEffect(() => {
    let cancelled = false;
    const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
    const edges = new Map(graph.edges.map((e) => [e.id, e]));
    // Canvas text needs the webfont loaded first, or labels are drawn with a fallback once.
    Promise.all([import('cytoscape'), document.fonts.ready]).then(([{ default: cytoscape }]) => {
      if (cancelled || !box.current) return;
      const cy = cytoscape({
        container: box.current,
        elements: [
          ...graph.nodes.map((n) => ({
            data: { id: n.id, label: n.label, type: n.type, size: 20 + 6 * Math.log2(1 + n.documents) },
          })),
          ...graph.edges.map((e) => ({
            data: {
              id: e.id,
              source: e.source,
              target: e.target,
              label: v('relation', e.type),
              weight: e.weight,
              directed: e.directed ? 1 : 0,
            },
          })),
        ],
        style: [
          {
            selector: 'node',
            style: {
              label: 'data(label)',
              width: 'data(size)',
              height: 'data(size)',
              'font-family': FONT,
              'font-size': 13,
              'text-valign': 'bottom',
              'text-margin-y': 4,
              'background-color': (el: { data(k: string): string }) => TYPE_COLORS[el.data('type')] ?? '#666',
              color: '#222',
              'text-background-color': '#fff',
              'text-background-opacity': 0.8,
              'text-background-padding': '1px',
            },
          },
          {
            selector: 'edge',
            style: {
              label: 'data(label)',
              'font-family': FONT,
              'font-size': 11,
              // relation names only once zoomed in enough to read them
              'min-zoomed-font-size': 9,
              color: '#555',
              width: (el: { data(k: string): number }) => 1 + 4 * el.data('weight'),
              'line-color': '#9aa5b1',
              'target-arrow-color': '#9aa5b1',
              'target-arrow-shape': (el: { data(k: string): number }) =>
                el.data('directed') ? 'triangle' : 'none',
              'curve-style': 'bezier',
              'text-rotation': 'autorotate',
              'text-background-color': '#fff',
              'text-background-opacity': 0.8,
            },
          },
          {
            selector: ':selected',
            style: {
              'line-color': '#d9480f',
              'background-color': '#d9480f',
              'target-arrow-color': '#d9480f',
            },
          },
        ],
        // Start from a circle, then let cose untangle it: the same graph always gets the same picture.
        layout: { name: 'circle' },
      });
      cy.layout({
        name: 'cose',
        animate: false,
        randomize: false,
        nodeRepulsion: () => 60000,
        idealEdgeLength: () => 120,
        nodeOverlap: 40,
      }).run();
      cy.on('tap', 'edge', (evt) => {
        const e = edges.get(evt.target.id());
        if (e) onPick({ kind: 'edge', edge: e });
      });
      cy.on('tap', 'node', (evt) => {
        const n = nodes.get(evt.target.id());
        if (n) onPick({ kind: 'node', node: n });
      });
      cyRef.current = cy;
      box.current.dataset.ready = 'true';
    });
    return () => {
      cancelled = true;
      cyRef.current?.destroy();
      cyRef.current = null;
    };
  }, [graph, onPick, v]);
  return <div ref={box} class="graph-canvas" role="img" aria-label={t('graphTitle')} dir="ltr" />;
}

function EdgeEvidence({ edge, nameOf }: { edge: GraphEdge; nameOf(id: string): string }) {
  const { t, v } = useLang();
  const rel = useAsync(async (): Promise<AggregatedRelation | null> => {
    const { items } = await all((p) => api.relations({ ...p, type: edge.type, entity: edge.source }));
    return (
      items.find((r) => r.id === edge.id) ??
      items.find(
        (r) =>
          (r.source === edge.source && r.target === edge.target) ||
          (r.symmetric && r.source === edge.target && r.target === edge.source),
      ) ??
      null
    );
  }, [edge.id]);
  return (
    <div class="edge-evidence">
      <p>
        <EntityLink id={edge.source} name={nameOf(edge.source)} />{' '}
        <Badge kind="relation">{v('relation', edge.type)}</Badge>{' '}
        <EntityLink id={edge.target} name={nameOf(edge.target)} />
      </p>
      <p class="muted">
        {t('confidence')} {edge.weight.toFixed(2)} · {t('sourcesCount')} {edge.sources} · {t('documents')}{' '}
        {edge.documents}
      </p>
      <AsyncView value={rel}>
        {(r) =>
          r ? (
            <>
              <h3>{t('evidence')}</h3>
              <RelationEvidenceList relation={r} />
            </>
          ) : (
            <p class="muted">{t('none')}</p>
          )
        }
      </AsyncView>
    </div>
  );
}

/** The edges as a table: the canvas is not reachable by keyboard or screen reader, this is. */
function EdgeTable({
  graph,
  nameOf,
  onPick,
}: {
  graph: GraphResponse;
  nameOf(id: string): string;
  onPick(p: Picked): void;
}) {
  const { t, v } = useLang();
  return (
    <table class="edge-table">
      <caption>{t('edges')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('relations')}</th>
          <th scope="col">{t('confidence')}</th>
          <th scope="col">{t('evidence')}</th>
        </tr>
      </thead>
      <tbody>
        {graph.edges.map((e) => (
          <tr key={e.id}>
            <td>
              <span lang="ar">{nameOf(e.source)}</span> · {v('relation', e.type)} ·{' '}
              <span lang="ar">{nameOf(e.target)}</span>
            </td>
            <td>{e.weight.toFixed(2)}</td>
            <td>
              <button
                type="button"
                class="linkish edge-pick"
                data-edge={e.id}
                onClick={() => onPick({ kind: 'edge', edge: e })}
              >
                {t('evidence')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function GraphPage({ route }: { route: Route }) {
  const { t, v } = useLang();
  const types = (route.query.get('types') ?? '').split(',').filter(Boolean);
  const from = route.query.get('from') ?? '';
  const to = route.query.get('to') ?? '';
  const min = route.query.get('min') ?? '';
  const [picked, setPicked] = useState<Picked>(null);
  const graph = useAsync(
    () =>
      api.graph({
        types,
        from: from || undefined,
        to: to || undefined,
        minConfidence: min ? Number(min) : undefined,
      }),
    [types.join(','), from, to, min],
  );
  const nameOf = (id: string) =>
    graph.state === 'ready' ? (graph.value.nodes.find((n) => n.id === id)?.label ?? id) : id;
  const toggle = (type: string, on: boolean) => {
    const next = on ? [...types, type] : types.filter((x) => x !== type);
    setQuery(route, { types: next.join(',') || undefined });
  };
  return (
    <section>
      <h1>{t('graphTitle')}</h1>
      <form class="filters" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
        <fieldset>
          <legend>{t('relationTypes')}</legend>
          {RELATION_TYPES.map((type) => (
            <label key={type} class="check">
              <input
                type="checkbox"
                name="type"
                value={type}
                checked={types.includes(type)}
                onChange={(e) => toggle(type, e.currentTarget.checked)}
              />
              {v('relation', type)}
            </label>
          ))}
        </fieldset>
        <DateRangeInputs route={route} from={from} to={to} />
        <label>
          <span>{t('minConfidence')}</span>
          <input
            type="number"
            name="min"
            min="0"
            max="1"
            step="0.05"
            value={min}
            onChange={(e) => setQuery(route, { min: e.currentTarget.value })}
          />
        </label>
      </form>
      <AsyncView value={graph}>
        {(g) =>
          g.edges.length === 0 && g.nodes.length === 0 ? (
            <p class="muted">{t('emptyGraph')}</p>
          ) : (
            <div class="graph-layout">
              <CyGraph graph={g} onPick={setPicked} />
              <aside class="panel graph-panel" aria-live="polite">
                <p class="muted">
                  {t('nodes')}: {g.nodes.length} · {t('edges')}: {g.edges.length}
                </p>
                {picked === null ? <p class="muted">{t('clickEdge')}</p> : null}
                {picked?.kind === 'edge' ? <EdgeEvidence edge={picked.edge} nameOf={nameOf} /> : null}
                {picked?.kind === 'node' ? (
                  <p>
                    <a href={href.entity(picked.node.id)} lang="ar">
                      {picked.node.label}
                    </a>{' '}
                    · {v('entityType', picked.node.type)} · {t('documents')} {picked.node.documents}
                  </p>
                ) : null}
              </aside>
              <EdgeTable graph={g} nameOf={nameOf} onPick={setPicked} />
            </div>
          )
        }
      </AsyncView>
    </section>
  );
}
