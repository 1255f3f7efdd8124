// ACLED's standard export (the codebook's columns), one row per corpus event: reports of one event
// in several documents (one corpus id) are one row with every source. Places resolve through the
// KB to coordinates, country and ISO code. Filled where Marsad knows the value, empty otherwise.
import type { KbEntity } from '../kb/index.js';
import { type AnalysedDocument, type Entity, EVENT_TYPE_TABLE, type Event } from '../model/index.js';
import { sha256Hex } from '../util/index.js';

export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

/** A corpus event: one id, its reports merged. */
export interface CorpusEvent {
  event: Event;
  sources: string[];
  documents: string[];
  /** Entity id → the entity as a document gives it (names for the export). */
  entities: Map<string, Entity>;
  notes: string;
}

/** Fold the documents' events into corpus events (by id), keeping every source. */
export function collectCorpusEvents(docs: Iterable<AnalysedDocument>): CorpusEvent[] {
  const byId = new Map<string, CorpusEvent>();
  for (const doc of docs)
    for (const e of doc.events) {
      let c = byId.get(e.id);
      if (!c) {
        const ev = e.evidence[0];
        c = {
          event: { ...e, actors: [...e.actors] },
          sources: [],
          documents: [],
          entities: new Map(),
          notes: ev ? doc.text.slice(ev.start, ev.end).replace(/\s+/g, ' ').trim() : '',
        };
        byId.set(e.id, c);
      } else {
        for (const a of e.actors) if (!c.event.actors.includes(a)) c.event.actors.push(a);
        c.event.location ??= e.location;
        c.event.date ??= e.date;
        c.event.fatalities ??= e.fatalities;
      }
      if (!c.sources.includes(doc.source)) c.sources.push(doc.source);
      if (!c.documents.includes(doc.id)) c.documents.push(doc.id);
      for (const ent of doc.entities) if (!c.entities.has(ent.id)) c.entities.set(ent.id, ent);
    }
  return [...byId.values()].sort(
    (a, b) =>
      (a.event.date?.start ?? '9999').localeCompare(b.event.date?.start ?? '9999') ||
      a.event.id.localeCompare(b.event.id),
  );
}

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(v: string | number | null | undefined): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** ACLED's time precision: 1 a day, 2 a week or month, 3 a year or a longer range. */
export function timePrecision(date: Event['date']): number | '' {
  if (!date) return '';
  if (date.precision === 'year') return 3;
  if (date.precision === 'month') return 2;
  const days = (Date.parse(date.end) - Date.parse(date.start)) / 86400000;
  return days <= 0 ? 1 : days <= 7 ? 2 : 3;
}

/** ACLED's geo precision: 1 a town (or a site in it), 2 a region, 3 a country. */
export function geoPrecision(kind: string | undefined): number | '' {
  if (!kind) return '';
  if (kind === 'city' || kind === 'facility') return 1;
  if (kind === 'country') return 3;
  return 2;
}

const SUB_EVENT: Record<string, string> = {
  'armed_clash.fighting': 'Armed clash',
  'territory_change.control': 'Non-state actor overtakes territory',
  'remote_violence.air': 'Air/drone strike',
  'remote_violence.explosive': 'Remote explosive/landmine/IED',
  'remote_violence.shelling': 'Shelling/artillery/missile attack',
  'violence_against_civilians.attack': 'Attack',
  'violence_against_civilians.abduction': 'Abduction/forced disappearance',
  'agreement.agreement': 'Agreement',
  'deployment.base': 'Headquarters or base established',
};

/** ACLED's actor categories (inter codes) by entity kind; an actor of another country is external (8). */
function interCode(
  kind: string | undefined,
  actorCountry: string | undefined,
  eventCountry: string | undefined,
): number | '' {
  switch (kind) {
    case 'military':
    case 'government_body':
    case 'person_official':
    case 'country':
      return actorCountry && eventCountry && actorCountry !== eventCountry ? 8 : 1;
    case 'armed_group':
    case 'terrorist_group':
      return 2;
    case 'private_military_company':
    case 'international_org':
    case 'mission':
    case 'political_alliance':
      return 8;
    default:
      return '';
  }
}

export interface AcledRowOptions {
  kb?: { get(id: string): KbEntity | undefined };
  /** Seconds since the epoch for the timestamp column (default now). */
  timestamp?: number;
}

function kbId(id: string): string {
  return id.replace(/^ent-/, '');
}

export function acledRow(c: CorpusEvent, options: AcledRowOptions = {}): string[] {
  const e = c.event;
  const kb = (id: string | null | undefined) => (id ? options.kb?.get(kbId(id)) : undefined);
  const name = (id: string | undefined) =>
    id ? (c.entities.get(id)?.name ?? kb(id)?.name ?? c.entities.get(id)?.name_ar ?? id) : '';
  const place = kb(e.location);
  const placeEnt = e.location ? c.entities.get(e.location) : undefined;
  const kind = place?.kind ?? placeEnt?.kind;
  const country = kind === 'country' ? place : kb(place?.country);
  const admin1 = place?.links.find((l) => l.type === 'located_in' && kb(l.target)?.kind === 'region');
  const countryOf = (id: string) => {
    const k = kb(id);
    return k?.kind === 'country' ? k.id : k?.country;
  };
  const [a1, a2, ...rest] = e.actors;
  const inter1 = a1 ? interCode(c.entities.get(a1)?.kind ?? kb(a1)?.kind, countryOf(a1), country?.id) : '';
  const inter2 = a2 ? interCode(c.entities.get(a2)?.kind ?? kb(a2)?.kind, countryOf(a2), country?.id) : '';
  const interaction =
    inter1 === ''
      ? ''
      : inter2 === ''
        ? `${inter1}0`
        : `${Math.min(inter1, inter2)}${Math.max(inter1, inter2)}`;
  const acledType = EVENT_TYPE_TABLE[e.type].acled;
  const facet = /^ev-[a-z_]+\.([a-z0-9-]+?)-(?:\d{4}|nodate)/.exec(e.id)?.[1] ?? '';
  const sub = SUB_EVENT[`${e.type}.${facet}`] ?? (acledType === 'Strategic developments' ? 'Other' : '');
  const coords = place?.coordinates;
  const values: Record<(typeof ACLED_COLUMNS)[number], string | number> = {
    event_id_cnty: `${country?.cca3 ?? 'XXX'}${Number.parseInt(sha256Hex(e.id).slice(0, 8), 16) % 100000000}`,
    event_date: e.date?.start ? normaliseDay(e.date.start) : '',
    year: e.date?.start.slice(0, 4) ?? '',
    time_precision: timePrecision(e.date),
    disorder_type: acledType === 'Strategic developments' ? 'Strategic developments' : 'Political violence',
    event_type: acledType,
    sub_event_type: sub,
    actor1: name(a1),
    assoc_actor_1: '',
    inter1,
    actor2: name(a2),
    assoc_actor_2: rest.map(name).join('; '),
    inter2,
    interaction,
    civilian_targeting: e.type === 'violence_against_civilians' ? 'Civilian targeting' : '',
    iso: '',
    region: '',
    country: country?.name ?? '',
    admin1: admin1 ? (kb(admin1.target)?.name ?? '') : kind === 'region' ? (place?.name ?? '') : '',
    admin2: '',
    admin3: '',
    location: place?.name ?? placeEnt?.name ?? placeEnt?.name_ar ?? '',
    latitude: coords ? coords[0] : '',
    longitude: coords ? coords[1] : '',
    geo_precision: geoPrecision(kind),
    source: c.sources.join('; '),
    source_scale: '',
    notes: c.notes,
    fatalities: e.fatalities?.min ?? 0,
    tags: '',
    timestamp: options.timestamp ?? Math.floor(Date.now() / 1000),
  };
  return ACLED_COLUMNS.map((k) => String(values[k]));
}

/** 2024-07 → 2024-07-01, 2024 → 2024-01-01 (the precision column says how much is known). */
function normaliseDay(s: string): string {
  return s.length === 4 ? `${s}-01-01` : s.length === 7 ? `${s}-01` : s;
}

/** The whole CSV: header and one row per corpus event. */
export function acledCsv(docs: Iterable<AnalysedDocument>, options: AcledRowOptions = {}): string {
  let out = csvLine(ACLED_COLUMNS);
  for (const c of collectCorpusEvents(docs)) out += csvLine(acledRow(c, options));
  return out;
}
