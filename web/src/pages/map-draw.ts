// Leaflet with one base layer: the world-atlas country borders (TopoJSON → GeoJSON), bundled.
// No tile server, so the map works offline. Loaded on demand by the map page.
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesTopo from 'world-atlas/countries-110m.json';
import type { CorpusEvent, MapEvent, MapPlace, MapResponse } from '../api/types';
import { formatRange } from '../lib/dates';
import { displayName } from '../lib/names';
import { href } from '../router';

interface Labels {
  eventLabel(type: string): string;
  eventsHere: string;
  attribution: string;
  openEntity: string;
  goToSentence: string;
  timeline: string;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  attrs: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  // textContent, never innerHTML: names and labels come from articles and the KB.
  if (text !== undefined) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

/** The popup of a place, built as DOM nodes. */
function popup(
  place: MapPlace,
  events: MapEvent[],
  evidence: Map<string, CorpusEvent>,
  labels: Labels,
): HTMLElement {
  const root = el('div', undefined, { class: 'map-popup', dir: 'rtl', lang: 'ar' });
  const title = el('a', displayName(place), { href: href.entity(place.id), title: labels.openEntity });
  const heading = el('strong');
  heading.append(title);
  root.append(heading);
  if (events.length > 0) {
    root.append(el('div', labels.eventsHere, { class: 'muted' }));
    const list = el('ul', undefined, { class: 'popup-events' });
    for (const e of events) {
      const li = el('li');
      li.append(el('span', `${labels.eventLabel(e.type)} ${formatRange(e.date)} `));
      const first = evidence.get(e.id)?.evidence[0];
      if (first)
        li.append(
          el('a', labels.goToSentence, { href: href.doc(first.document, first), class: 'sentence-link' }),
        );
      if (e.date) li.append(' · ', el('a', labels.timeline, { href: href.timeline({ event: e.id }) }));
      list.append(li);
    }
    root.append(list);
  }
  return root;
}

export function drawMap(
  box: HTMLElement,
  data: MapResponse,
  evidence: Map<string, CorpusEvent>,
  labels: Labels,
): () => void {
  const map = L.map(box, { worldCopyJump: true, zoomSnap: 0.5, attributionControl: true });
  map.attributionControl.setPrefix(false);
  // A view first: vector layers added to a map without one have no pixel bounds to clip to.
  map.setView([20, 10], 2);
  const topo = countriesTopo as unknown as Topology<{ countries: GeometryCollection }>;
  const countries = feature(topo, topo.objects.countries);
  L.geoJSON(countries, {
    style: { color: '#8a94a6', weight: 0.8, fillColor: '#eef1f5', fillOpacity: 1 },
    attribution: labels.attribution,
  }).addTo(map);
  const byLocation = new Map<string, MapEvent[]>();
  for (const e of data.events) {
    if (!e.location) continue;
    const list = byLocation.get(e.location) ?? [];
    list.push(e);
    byLocation.set(e.location, list);
  }
  const points: L.LatLngExpression[] = [];
  for (const p of data.places) {
    const events = byLocation.get(p.id) ?? [];
    const marker = L.circleMarker([p.lat, p.lon], {
      radius: 5 + 2 * Math.sqrt(Math.max(p.events, events.length)),
      color: events.length > 0 ? '#b3261e' : '#1f6f8b',
      weight: 1.5,
      fillOpacity: 0.6,
      className: events.length > 0 ? 'place-marker has-events' : 'place-marker',
    });
    marker.bindPopup(() => popup(p, events, evidence, labels));
    marker.bindTooltip(displayName(p));
    marker.addTo(map);
    points.push([p.lat, p.lon]);
  }
  if (points.length > 0) map.fitBounds(L.latLngBounds(points), { padding: [40, 40], maxZoom: 5 });
  return () => map.remove();
}
