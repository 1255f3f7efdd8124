// Events of one document: triggers per sentence → factual ones → arguments (actors agent first,
// location through the KB, date anchored on the publication date, fatalities, evidence) → one
// event per (type, sentence) → reports of the same event inside the document merged.
import type { KnowledgeBase } from '../../kb/index.js';
import type {
  AnalysedDocument,
  DateRange,
  Entity,
  EntityKind,
  Event,
  EventType,
  Span,
} from '../../model/index.js';
import { casualtyCounts } from '../quantity/index.js';
import { dateForSpan } from '../time/index.js';
import { genericActorMentions, groupAntecedents } from './generic-actors.js';
import { eventId } from './ids.js';
import { type EventLexicon, fold } from './lexicon.js';
import { dateFromOtherEvents, type EventMeasure, eventMeasures } from './relative-dates.js';
import {
  clauseOf,
  cueAt,
  factuality,
  findTriggers,
  isAnaphoric,
  type TriggerHit,
  type Word,
  wordsOf,
} from './triggers.js';

/** Kinds of place, most specific first: the location of an event is the most specific one named. */
const PLACE_RANK: Partial<Record<EntityKind, number>> = {
  facility: 0,
  city: 1,
  geographic_feature: 2,
  region: 3,
  country: 4,
};
const VIOLENT: ReadonlySet<EventType> = new Set([
  'armed_clash',
  'territory_change',
  'remote_violence',
  'violence_against_civilians',
]);

export interface DetectOptions {
  kb?: KnowledgeBase;
  /** Sentences back to look for an explicit date (dateForSpan's lookBack). */
  dateLookBack?: number;
}

/** An event with what the merge steps need besides the export shape. */
export interface DetectedEvent {
  event: Event;
  facet: string;
  sentence: number;
  trigger: Span;
  /** «هذه التدريبات»: refers back to an event reported earlier in the document. */
  anaphoric?: boolean;
  /** «كما امتنعت مالي …»: the sentence adds another event to the one before. */
  additive?: boolean;
  /** The location is a town or a site (not a country or region). */
  pointPlace?: boolean;
  /** Every trigger merged into this event (the first is `trigger`). */
  triggers?: Span[];
}

interface MentionRef {
  entity: Entity;
  start: number;
  end: number;
}

/** Participants: organisations, people and countries; not the outlet that reports it. */
function isActor(e: Entity): boolean {
  if (e.kind === 'media') return false;
  return e.type !== 'location' || e.kind === 'country';
}

const PLACE_NOUNS = new Set(
  ['مدينه', 'منطقه', 'العاصمه', 'بلده', 'قريه', 'ولايه', 'اقليم', 'مدينة', 'منطقة'].map(fold),
);

/** «في مالي», «بمالي», «في مدينة تمبكتو», «إلى العاصمة باماكو». */
function hasPreposition(text: string, words: readonly Word[], m: MentionRef, lex: EventLexicon): boolean {
  const wi = wordAt(words, m.start);
  const w = words[wi];
  if (!w) return false;
  if (w.start < m.start && /^[وف]?[بف]$/.test(text.slice(w.start, m.start))) return true;
  const prepAt = (end: number) =>
    lex.locationPrepositions.some((c) => c.length <= end && cueAt(words, end - c.length, c));
  if (prepAt(wi)) return true;
  const prev = words[wi - 1];
  return !!prev && prev.forms.some((f) => PLACE_NOUNS.has(f)) && prepAt(wi - 1);
}

function isPlace(e: Entity): boolean {
  return e.type === 'location';
}

function toRange(v: { start: string; end: string; precision: DateRange['precision'] }): DateRange {
  return { start: v.start, end: v.end, precision: v.precision };
}

/** Word index of the word containing offset `pos`, or -1. */
function wordAt(words: readonly Word[], pos: number): number {
  return words.findIndex((w) => w.start <= pos && pos < w.end);
}

export function detectEvents(doc: AnalysedDocument, lex: EventLexicon, options: DetectOptions = {}): Event[] {
  const lookBack = options.dateLookBack ?? 0;
  const measures = eventMeasures(doc.dates);
  const mentions: MentionRef[] = [];
  for (const e of doc.entities)
    for (const m of e.mentions) mentions.push({ entity: e, start: m.start, end: m.end });
  mentions.sort((a, b) => a.start - b.start);
  const antecedents = groupAntecedents(doc.entities, lex.groupNouns);
  const found: DetectedEvent[] = [];
  doc.sentences.forEach((sentence, si) => {
    const words = wordsOf(doc.text, sentence);
    const named = mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
    // «هجوم المتمردين»: the bare group noun, where the document named that group with it
    const generic = genericActorMentions(words, antecedents, lex.groupNouns).filter(
      (g) => !named.some((m) => m.start < g.end && g.start < m.end),
    );
    const inSentence = generic.length ? [...named, ...generic].sort((a, b) => a.start - b.start) : named;
    const hits = findTriggers(words, lex).filter(
      (h) => !inSentence.some((m) => m.start <= h.span.start && h.span.end <= m.end),
    );
    const byType = new Map<string, TriggerHit>();
    for (const h of hits) {
      const key = `${h.pattern.type} ${h.pattern.facet} ${clauseOf(words, h.from).from}`;
      if (byType.has(key)) continue;
      if (!applies(h, words, inSentence)) continue;
      if (factuality(words, h, lex) !== 'asserted') continue;
      byType.set(key, h);
    }
    for (const found0 of byType.values()) {
      const hit = undoneAgreement(words, found0, lex);
      const ev = buildEvent(doc, hit, words, inSentence, sentence, measures, lex, lookBack, options.kb);
      if (ev)
        found.push({
          ...ev,
          sentence: si,
          // «تلك الهجمات», «بعد يومين من الهجوم»: an event the text already reported
          ...(isAnaphoric(words, hit) || namedByMeasure(measures, hit.span) ? { anaphoric: true } : {}),
          ...(isAdditive(words) ? { additive: true } : {}),
        });
    }
  });
  const merged = mergeInDocument(found, options.kb);
  dateFromOtherEvents(
    doc.text,
    merged.map((d) => Object.assign(d, { triggers: d.triggers ?? [d.trigger] })),
    measures,
    doc.sentences,
  );
  return finish(merged);
}

/** An agreement named after a verb that undoes it in the same clause is a diplomatic break. */
function undoneAgreement(words: readonly Word[], hit: TriggerHit, lex: EventLexicon): TriggerHit {
  if (hit.pattern.type !== 'agreement') return hit;
  const cl = clauseOf(words, hit.from);
  for (let k = cl.from; k < hit.from; k++)
    for (const c of lex.undone)
      if (cueAt(words, k, c))
        return { ...hit, pattern: { ...hit.pattern, type: 'diplomatic_break', facet: 'break' } };
  return hit;
}

/** The trigger's own conditions: a word it needs nearby, a kind of entity in the sentence. */
function applies(h: TriggerHit, words: readonly Word[], inSentence: readonly MentionRef[]): boolean {
  const p = h.pattern;
  if (p.near) {
    let ok = false;
    for (let k = h.to + 1; k < Math.min(words.length, h.to + 6) && !ok; k++)
      ok = words[k]!.forms.some((f) => p.near!.has(f));
    if (!ok) return false;
  }
  if (p.requiresKind && !inSentence.some((m) => m.entity.kind && p.requiresKind!.has(m.entity.kind)))
    return false;
  return true;
}

function buildEvent(
  doc: AnalysedDocument,
  hit: TriggerHit,
  words: readonly Word[],
  inSentence: readonly MentionRef[],
  sentence: Span,
  measures: readonly EventMeasure[],
  lex: EventLexicon,
  lookBack: number,
  kb: KnowledgeBase | undefined,
): Omit<DetectedEvent, 'sentence'> | null {
  // arguments come from the trigger's clause first, else from the whole sentence
  const cl = clauseOf(words, hit.from);
  const clause: Span = { start: words[cl.from]!.start, end: words[cl.to]!.end };
  const inClause = inSentence.filter((m) => m.start >= clause.start && m.end <= clause.end);
  const prepOf = (m: MentionRef) => hasPreposition(doc.text, words, m, lex);
  // location: the most specific place (facility > city > feature > region), one a preposition puts
  // the event in first; a country only where a preposition does («في مالي», «بمالي»)
  const placeScore = (m: MentionRef): number => {
    const prep = prepOf(m);
    const kind = m.entity.kind ?? 'region';
    // a region no single country holds (West Africa, the Sahel) says less than «في مالي»
    const wide = kind === 'region' && !kb?.get(m.entity.id.replace(/^ent-/, ''))?.country;
    const base = kind === 'country' ? (prep ? 20 : Infinity) : wide ? 30 : (PLACE_RANK[kind] ?? 3);
    return base + (prep ? 0 : 0.5) + Math.abs(m.start - hit.span.start) / 1e6;
  };
  const pick = (pool: readonly MentionRef[]): MentionRef | undefined => {
    let best: MentionRef | undefined;
    let bestScore = Infinity;
    for (const m of pool) {
      if (!isPlace(m.entity)) continue;
      const score = placeScore(m);
      if (score < bestScore) {
        best = m;
        bestScore = score;
      }
    }
    return best;
  };
  // the trigger's own complement first: «وصولها إلى مالي», «هجوم على غاو» (even a country)
  const own = inClause.find(
    (m) => isPlace(m.entity) && m.start >= hit.span.end && wordGap(words, hit.to, m.start) <= 1 && prepOf(m),
  );
  let location = own ?? pick(inClause);
  if (!own && (!location || placeScore(location) >= 20)) {
    const ownCountry = inClause.some((m) => m.entity.kind === 'country');
    const wider = pick(ownCountry ? inSentence.filter((m) => m.entity.kind !== 'country') : inSentence);
    if (wider && (!location || placeScore(wider) < placeScore(location))) location = wider;
  }
  const countryLocation = location?.entity.kind === 'country' ? location : undefined;

  // actors: organisations, people and countries named in the sentence, agent first
  const clauseActors = inClause.filter((m) => isActor(m.entity));
  // «انقلاب في بوركينا فاسو»: with no one else named in the clause, the country it happened in
  const onlyCountry = !clauseActors.length && countryLocation && inClause.includes(countryLocation);
  const actorMentions = clauseActors.length
    ? clauseActors
    : onlyCountry
      ? [countryLocation]
      : inSentence.filter((m) => isActor(m.entity));
  const order: Entity[] = [];
  const add = (e: Entity) => {
    if (!order.some((x) => x.id === e.id)) order.push(e);
  };
  // «… من قبل X» / «على يد X»: X did it
  for (let k = hit.to + 1; k < words.length; k++) {
    const c = lex.agentAfter.find((cue) => cueAt(words, k, cue));
    if (!c) continue;
    const after = words[k + c.length];
    const m = after && actorMentions.find((a) => a.start >= after.start && a.start < after.end + 2);
    if (m) add(m.entity);
    break;
  }
  // VSO and the noun's genitive («هاجم الجيشُ …», «هجوم المتمردين على …»): the first actor just after
  // the trigger; else (SVO) the nearest one before it
  const after = actorMentions.find((m) => m.start >= hit.span.end && wordGap(words, hit.to, m.start) <= 3);
  if (after) add(after.entity);
  else {
    const before = [...actorMentions].reverse().find((m) => m.end <= hit.span.start);
    if (before) add(before.entity);
  }
  for (const m of actorMentions) add(m.entity);
  // then the sentence's other participants: reports name the sides across clauses
  if (!onlyCountry) for (const m of inSentence) if (isActor(m.entity)) add(m.entity);
  let actors = order.map((e) => e.id);
  if (countryLocation && actors.length > 1) actors = actors.filter((a) => a !== countryLocation!.entity.id);
  if (!actors.length) return null;

  // a coup happens in the state whose power is seized
  let place = location?.entity.id ?? null;
  if (!place && hit.pattern.type === 'coup') place = order.find((e) => e.kind === 'country')?.id ?? null;
  // the date of the trigger's own clause, after it («الهجوم الذي تعرضت له القافلة في يوليو»)
  // before one that belongs to an earlier verb («بدأت في أوائل أكتوبر … الرد على الهجوم»)
  const ownDate = doc.dates.find(
    (e) =>
      e.value &&
      e.kind !== 'duration' &&
      e.kind !== 'vague' &&
      e.start >= hit.span.end &&
      e.end <= clause.end &&
      wordGap(words, hit.to, e.start) <= 10,
  );
  // «وبعد يومين من الهجوم انسحب الجيش»: dated from the attack later (dateFromOtherEvents), not
  // from another date of the sentence
  const measured = measures.some(({ mention: e }) => e.start >= clause.start && e.end <= hit.span.start);
  const sd = measured
    ? null
    : ((ownDate?.value ? { value: ownDate.value } : null) ??
      dateForSpan(doc.dates, hit.span, [sentence], 0) ??
      (lookBack > 0 ? dateForSpan(doc.dates, hit.span, doc.sentences, lookBack) : null));
  const date = sd ? toRange(sd.value) : null;

  let fatalities: Event['fatalities'] = null;
  if (VIOLENT.has(hit.pattern.type)) {
    const killed = casualtyCounts(doc.text, sentence).killed;
    if (killed && (killed.min !== null || killed.max !== null))
      fatalities = { min: killed.min, max: killed.max };
  }
  const type = hit.pattern.type;
  return {
    facet: hit.pattern.facet,
    trigger: hit.span,
    ...(location && (PLACE_RANK[location.entity.kind ?? 'region'] ?? 3) <= 1 ? { pointPlace: true } : {}),
    event: {
      id: '',
      type,
      date,
      location: place,
      actors,
      fatalities,
      evidence: [{ start: sentence.start, end: sentence.end }],
    },
  };
}

function wordGap(words: readonly Word[], from: number, pos: number): number {
  let n = 0;
  for (let k = from + 1; k < words.length && words[k]!.start < pos; k++) {
    if (words[k]!.boundary) return 99;
    n++;
  }
  return n;
}

/** Do two dates leave room for one event (overlap, with a few days' tolerance)? null fits any. */
export function datesCompatible(a: DateRange | null, b: DateRange | null, toleranceDays = 3): boolean {
  if (!a || !b) return true;
  const as = dayNumber(a.start, false);
  const ae = dayNumber(a.end, true);
  const bs = dayNumber(b.start, false);
  const be = dayNumber(b.end, true);
  return as <= be + toleranceDays && bs <= ae + toleranceDays;
}

export function dayNumber(s: string, end: boolean): number {
  const [y, m, d] = s.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (d !== undefined) return Date.UTC(y, (m ?? 1) - 1, d) / 86400000;
  if (m !== undefined) return (end ? Date.UTC(y, m, 0) : Date.UTC(y, m - 1, 1)) / 86400000;
  return (end ? Date.UTC(y, 11, 31) : Date.UTC(y, 0, 1)) / 86400000;
}

const PRECISION_RANK = { day: 0, month: 1, year: 2 } as const;

/** The narrower of two compatible dates. */
export function narrower(a: DateRange | null, b: DateRange | null): DateRange | null {
  if (!a) return b;
  if (!b) return a;
  return PRECISION_RANK[b.precision] < PRECISION_RANK[a.precision] ? b : a;
}

/**
 * Reports of one event in one document (the headline and the body, an anaphoric «تلك الهجمات»):
 * same type and facet, a shared actor, compatible dates and places. Adjacent sentences merge on
 * any shared actor; distant ones when one actor list contains the other.
 */
/**
 * What «تلك الهجمات» points back to: the latest earlier event of its type and facet that the text
 * dated (a particular event), else the latest one of them.
 */
function antecedentOf(out: readonly DetectedEvent[], d: DetectedEvent): DetectedEvent | undefined {
  const same = out.filter((o) => o.event.type === d.event.type && o.facet === d.facet);
  return same.findLast((o) => o.event.date !== null) ?? same.at(-1);
}

/** The trigger is the event a date is measured from («بعد يومين من الهجوم»). */
function namedByMeasure(measures: readonly EventMeasure[], span: Span): boolean {
  return measures.some(({ mention: e }) => e.start <= span.start && span.end <= e.end);
}

function mergeInDocument(found: DetectedEvent[], kb: KnowledgeBase | undefined): DetectedEvent[] {
  const out: DetectedEvent[] = [];
  for (const d of found) {
    const into = out.find((o) => sameReport(o, d, kb)) ?? (d.anaphoric ? antecedentOf(out, d) : undefined);
    if (!into) {
      out.push({
        ...d,
        triggers: [d.trigger],
        event: { ...d.event, actors: [...d.event.actors], evidence: [...d.event.evidence] },
      });
      continue;
    }
    into.triggers = [...(into.triggers ?? [into.trigger]), d.trigger];
    const e = into.event;
    for (const a of d.event.actors) if (!e.actors.includes(a)) e.actors.push(a);
    e.evidence.push(...d.event.evidence);
    e.date = narrower(e.date, d.event.date);
    // a report dated to the day that names the town inside the region already given says where exactly
    if (
      !e.location ||
      (d.event.date?.precision === 'day' &&
        d.event.location &&
        containers(kb, d.event.location).includes(e.location))
    )
      e.location = d.event.location ?? e.location;
    if (!e.fatalities) e.fatalities = d.event.fatalities;
    into.sentence = d.sentence;
  }
  return out;
}

const ADDITIVE = new Set(['كما', 'كذلك'].map(fold));

/** A sentence that opens with «كما» / «وكذلك» reports something more, not the same thing again. */
function isAdditive(words: readonly Word[]): boolean {
  const first = words.find((w) => !w.boundary);
  return !!first && first.forms.some((f) => ADDITIVE.has(f));
}

/** The places (KB ids) a place lies in: its regions and its country. */
function containers(kb: KnowledgeBase | undefined, id: string): string[] {
  const out: string[] = [];
  let e = kb?.get(id.replace(/^ent-/, ''));
  for (let depth = 0; e && depth < 4; depth++) {
    const up = e.links.find((l) => l.type === 'located_in')?.target ?? e.country;
    if (!up) break;
    out.push(`ent-${up}`);
    e = kb?.get(up);
  }
  if (e?.country && !out.includes(`ent-${e.country}`)) out.push(`ent-${e.country}`);
  return out;
}

/** Two places one event can have: the same, unknown, or one inside the other (Tinzaouaten, Kidal region). */
function placesFit(a: string | null, b: string | null, kb: KnowledgeBase | undefined): boolean {
  if (!a || !b || a === b) return true;
  // a town and its region, not anything in the same country
  const region = (x: string) => kb?.get(x.replace(/^ent-/, ''))?.kind === 'region';
  return (region(b) && containers(kb, a).includes(b)) || (region(a) && containers(kb, b).includes(a));
}

function sameReport(a: DetectedEvent, b: DetectedEvent, kb: KnowledgeBase | undefined): boolean {
  if (a.event.type !== b.event.type || a.facet !== b.facet) return false;
  if (b.additive && b.sentence !== a.sentence) return false;
  if (!placesFit(a.event.location, b.event.location, kb)) return false;
  if (!datesCompatible(a.event.date, b.event.date)) return false;
  const shared = a.event.actors.filter((x) => b.event.actors.includes(x)).length;
  if (!shared) return false;
  // two clauses of one sentence were kept apart on purpose («انقلاب في بوركينا فاسو …، وشهدت مالي انقلاباً»)
  if (a.sentence === b.sentence) return shared >= 2;
  if (Math.abs(b.sentence - a.sentence) <= 1) return true;
  // far apart: the same town, the same dated event, or two undated mentions
  if (a.pointPlace && a.event.location === b.event.location) return true;
  return (a.event.date === null) === (b.event.date === null);
}

function finish(found: DetectedEvent[]): Event[] {
  const seen = new Map<string, number>();
  return found.map((d) => {
    let id = eventId(d.event, d.facet);
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    if (n) id = `${id}-${n + 1}`;
    return { ...d.event, id };
  });
}
