import { type KbEntity, type KbEntryPatch, KIND_TYPE, kbEntityId } from '../kb/index.js';
import type { AnalysedDocument, Entity, EntityKind, EntityType, Mention } from '../model/index.js';
import { isArabic, nameKey } from './names.js';
import type { EditEntity, EntityEdit, EntitySnapshot } from './types.js';

// An analyst's edit (merge, split, rename) acts twice, from the same record:
//  1. on the stored documents at once (applyEditToDocument), so the change shows without re-analysis;
//  2. on the knowledge base, as patches loaded as its LAST layer (editsToPatches), so that
//     re-analysis — which links names through the KB — reproduces it.
// Both are pure functions of the edit log; undo drops an edit from the log (the patches follow) and
// restores the documents from the snapshot taken when the edit was made.
//
// In the KB: merge = the absorbed entity's names become aliases of the target, and an absorbed KB
// entry `stands_for` the target (the KB's redirect: what a name stands for, as a capital stands for
// its country); split = a new entry with the form, the form removed from the old entry's aliases;
// rename = the name fields, the old names kept as aliases. A minted entity (`ent-new-…`) an edit
// touches is promoted to a KB entry (ids.ts) so that the linker finds it again.

/** The id an edited entity carries after the edit: its KB entry's corpus id. */
export function finalId(e: Pick<EditEntity, 'kbId'>): string {
  return kbEntityId(e.kbId);
}

/** Every entity id an edit reads or writes in a document. */
export function involvedIds(edit: EntityEdit): Set<string> {
  switch (edit.op) {
    case 'merge':
      return new Set([edit.target.id, edit.absorbed.id, finalId(edit.target)]);
    case 'split':
      return new Set([edit.from.id, edit.created.id]);
    case 'rename':
      return new Set([edit.entity.id, finalId(edit.entity)]);
  }
}

// ---- documents

const mentionKey = (m: Mention) => `${m.start}:${m.end}`;

function uniteMentions(lists: readonly (readonly Mention[])[]): Mention[] {
  const seen = new Map<string, Mention>();
  for (const list of lists) for (const m of list) if (!seen.has(mentionKey(m))) seen.set(mentionKey(m), m);
  return [...seen.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

function uniteStrings(lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())];
}

/** Point every reference to an entity id in `map` at its new id (events, claims, relations). */
export function remapReferences(doc: AnalysedDocument, map: ReadonlyMap<string, string>): AnalysedDocument {
  if (map.size === 0) return doc;
  const to = (id: string) => map.get(id) ?? id;
  const toAll = (ids: readonly string[]) => [...new Set(ids.map(to))];
  return {
    ...doc,
    events: doc.events.map((e) => ({
      ...e,
      location: e.location === null ? null : to(e.location),
      actors: toAll(e.actors),
    })),
    claims: doc.claims.map((c) => ({
      ...c,
      speaker: c.speaker === null ? null : to(c.speaker),
      about: toAll(c.about),
    })),
    // a relation between two entities that are now one says nothing any more
    relations: doc.relations
      .map((r) => ({ ...r, source: to(r.source), target: to(r.target) }))
      .filter((r) => r.source !== r.target),
  };
}

/**
 * Fold several entities of one document into one with id `id`: mentions and aliases united, the
 * names of `keep` (the first entity that already had the id), else of `names`.
 */
export function foldEntities(
  doc: AnalysedDocument,
  ids: ReadonlySet<string>,
  id: string,
  names: Pick<Entity, 'type' | 'name' | 'name_ar'> & { kind?: EntityKind | null; wikidata?: string | null },
): AnalysedDocument {
  const group = doc.entities.filter((e) => ids.has(e.id) || e.id === id);
  if (group.length === 0) return doc;
  if (group.length === 1 && group[0]!.id === id) return doc;
  const keep = group.find((e) => e.id === id);
  const kind = keep ? keep.kind : (names.kind ?? group.find((e) => e.kind)?.kind);
  const wikidata = keep ? keep.wikidata : (names.wikidata ?? undefined);
  const merged: Entity = {
    id,
    type: keep?.type ?? names.type,
    ...(kind ? { kind } : {}),
    name: keep ? keep.name : names.name,
    name_ar: keep ? keep.name_ar : names.name_ar,
    aliases: uniteStrings(group.map((e) => e.aliases)),
    ...(wikidata && /^Q\d+$/.test(wikidata) ? { wikidata } : {}),
    mentions: uniteMentions(group.map((e) => e.mentions)),
  };
  const entities: Entity[] = [];
  let placed = false;
  for (const e of doc.entities) {
    if (ids.has(e.id) || e.id === id) {
      if (!placed) entities.push(merged);
      placed = true;
    } else entities.push(e);
  }
  const map = new Map([...ids].filter((x) => x !== id).map((x) => [x, id] as const));
  return remapReferences({ ...doc, entities }, map);
}

function applyMerge(doc: AnalysedDocument, edit: Extract<EntityEdit, { op: 'merge' }>): AnalysedDocument {
  const id = finalId(edit.target);
  const t = edit.target;
  return foldEntities(doc, new Set([t.id, edit.absorbed.id]), id, {
    type: t.type,
    kind: t.kind,
    name: t.name,
    name_ar: t.name_ar,
    wikidata: t.wikidata,
  });
}

function applySplit(doc: AnalysedDocument, edit: Extract<EntityEdit, { op: 'split' }>): AnalysedDocument {
  const from = doc.entities.find((e) => e.id === edit.from.id);
  if (!from) return doc;
  const key = nameKey(edit.form);
  const moved = from.mentions.filter((m) => nameKey(m.text) === key);
  if (moved.length === 0) return doc;
  const rest = from.mentions.filter((m) => nameKey(m.text) !== key);
  const existing = doc.entities.find((e) => e.id === edit.created.id);
  const created: Entity = {
    id: edit.created.id,
    type: from.type,
    ...(from.kind ? { kind: from.kind } : {}),
    name: existing?.name ?? edit.created.name,
    name_ar: existing?.name_ar ?? edit.created.name_ar ?? edit.form,
    aliases: uniteStrings([existing?.aliases ?? [], moved.map((m) => m.text)]),
    mentions: uniteMentions([existing?.mentions ?? [], moved]),
  };
  const entities: Entity[] = [];
  for (const e of doc.entities) {
    if (e.id === edit.created.id) continue;
    if (e.id === from.id) {
      if (rest.length > 0)
        entities.push({ ...from, aliases: from.aliases.filter((a) => nameKey(a) !== key), mentions: rest });
      entities.push(created);
    } else entities.push(e);
  }
  const next = { ...doc, entities };
  // what pointed at the old entity keeps doing so, unless nothing of it is left in this document
  return rest.length === 0 ? remapReferences(next, new Map([[from.id, created.id]])) : next;
}

function applyRename(doc: AnalysedDocument, edit: Extract<EntityEdit, { op: 'rename' }>): AnalysedDocument {
  const id = finalId(edit.entity);
  const e = edit.entity;
  if (!doc.entities.some((x) => x.id === e.id || x.id === id)) return doc;
  const folded = foldEntities(doc, new Set([e.id]), id, e);
  return {
    ...folded,
    entities: folded.entities.map((x) =>
      x.id === id
        ? {
            ...x,
            ...(edit.name === null ? {} : { name: edit.name }),
            ...(edit.name_ar === null ? {} : { name_ar: edit.name_ar }),
          }
        : x,
    ),
  };
}

/** The document with one edit applied. Idempotent: applying it again changes nothing. */
export function applyEditToDocument(doc: AnalysedDocument, edit: EntityEdit): AnalysedDocument {
  switch (edit.op) {
    case 'merge':
      return applyMerge(doc, edit);
    case 'split':
      return applySplit(doc, edit);
    case 'rename':
      return applyRename(doc, edit);
  }
}

/** Apply edits in order (the active edit log, oldest first). */
export function applyEditsToDocument(doc: AnalysedDocument, edits: readonly EntityEdit[]): AnalysedDocument {
  return edits.reduce(applyEditToDocument, doc);
}

/** What undo needs of a document before `edit` touches it. */
export function snapshotFor(doc: AnalysedDocument, edit: EntityEdit): EntitySnapshot {
  const ids = involvedIds(edit);
  return {
    entities: doc.entities.filter((e) => ids.has(e.id)),
    events: doc.events,
    claims: doc.claims,
    relations: doc.relations,
  };
}

const refsJson = (d: Pick<AnalysedDocument, 'events' | 'claims' | 'relations'>) =>
  JSON.stringify([d.events, d.claims, d.relations]);

/**
 * Undo `edit` on a document: the involved entities go back to the snapshot; events, claims and
 * relations too when nothing but the edit changed them since (otherwise — a re-analysis came in
 * between — they are left alone). Then the edits made after it are applied again.
 */
export function undoEditOnDocument(
  doc: AnalysedDocument,
  edit: EntityEdit,
  before: EntitySnapshot,
  later: readonly EntityEdit[] = [],
): AnalysedDocument {
  const ids = involvedIds(edit);
  const entities: Entity[] = [];
  let placed = false;
  for (const e of doc.entities) {
    if (ids.has(e.id)) {
      if (!placed) entities.push(...before.entities);
      placed = true;
    } else entities.push(e);
  }
  if (!placed) entities.push(...before.entities);
  const restored = { ...doc, entities };
  const beforeDoc = {
    ...restored,
    events: before.events,
    claims: before.claims,
    relations: before.relations,
  };
  const untouchedSince = refsJson(applyEditToDocument(beforeDoc, edit)) === refsJson(doc);
  return applyEditsToDocument(untouchedSince ? beforeDoc : restored, later);
}

// ---- knowledge-base patches

interface EntryState {
  type: EntityType;
  kind: EntityKind;
  name: string;
  name_ar: string;
  aliases_ar: string[];
  aliases: string[];
}

/** What editsToPatches needs of the KB below the patch layer (shipped + user files). */
export interface KbLookup {
  get(id: string): KbEntity | undefined;
}

function validKind(type: EntityType, kind: EntityKind | null | undefined): EntityKind {
  if (!kind) return 'other';
  const wanted = KIND_TYPE[kind];
  return wanted === null || wanted === type ? kind : 'other';
}

class PatchWriter {
  readonly patches: KbEntryPatch[] = [];
  private readonly state = new Map<string, EntryState>();
  constructor(private readonly base: KbLookup) {}

  entry(kbId: string): EntryState | undefined {
    let s = this.state.get(kbId);
    if (s) return s;
    const e = this.base.get(kbId);
    if (!e) return undefined;
    s = {
      type: e.type,
      kind: e.kind,
      name: e.name,
      name_ar: e.name_ar,
      aliases_ar: [...e.aliases_ar],
      aliases: [...e.aliases],
    };
    this.state.set(kbId, s);
    return s;
  }

  /** Make sure the entity has a KB entry (promote a minted one). False when it cannot have one. */
  ensure(e: EditEntity, names: { name?: string | null; name_ar?: string | null } = {}): boolean {
    if (this.entry(e.kbId)) return true;
    const arabic = [names.name_ar, e.name_ar, ...e.forms].filter((s): s is string => !!s && isArabic(s));
    const name_ar = arabic[0]?.trim();
    if (!name_ar) return false; // the KB needs an Arabic name; a Latin-only minted name stays minted
    const name = (names.name ?? e.name ?? name_ar).trim();
    const kind = validKind(e.type, e.kind);
    const patch: KbEntryPatch = { id: e.kbId, type: e.type, kind, name, name_ar };
    if (e.wikidata && /^Q[1-9]\d*$/.test(e.wikidata)) patch.wikidata = e.wikidata;
    this.patches.push(patch);
    this.state.set(e.kbId, { type: e.type, kind, name, name_ar, aliases_ar: [], aliases: [] });
    this.addAliases(e.kbId, [...e.forms, e.name, e.name_ar]);
    return true;
  }

  /** Add forms as aliases (Arabic ones to aliases_ar), skipping what the entry already has. */
  addAliases(kbId: string, forms: readonly (string | null | undefined)[]): void {
    const s = this.entry(kbId);
    if (!s) return;
    const have = new Set([s.name, s.name_ar, ...s.aliases_ar, ...s.aliases].map(nameKey));
    const ar: string[] = [];
    const lat: string[] = [];
    for (const raw of forms) {
      const f = raw?.trim();
      if (!f || !/\p{L}/u.test(f)) continue;
      const k = nameKey(f);
      if (have.has(k)) continue;
      have.add(k);
      (isArabic(f) ? ar : lat).push(f);
    }
    if (ar.length === 0 && lat.length === 0) return;
    s.aliases_ar.push(...ar);
    s.aliases.push(...lat);
    this.patches.push({
      id: kbId,
      ...(ar.length ? { aliases_ar: ar } : {}),
      ...(lat.length ? { aliases: lat } : {}),
    });
  }

  /** Remove a form from an entry's aliases (not from its names). */
  removeAlias(kbId: string, form: string): void {
    const s = this.entry(kbId);
    if (!s) return;
    const k = nameKey(form);
    const ar = s.aliases_ar.filter((a) => nameKey(a) !== k);
    const lat = s.aliases.filter((a) => nameKey(a) !== k);
    if (ar.length === s.aliases_ar.length && lat.length === s.aliases.length) return;
    s.aliases_ar = ar;
    s.aliases = lat;
    this.patches.push({ id: kbId, replace: true, aliases_ar: [...ar], aliases: [...lat] });
  }

  /** Every name the entry answers to. */
  formsOf(kbId: string): string[] {
    const s = this.entry(kbId);
    return s ? [s.name_ar, ...s.aliases_ar, s.name, ...s.aliases] : [];
  }

  redirect(fromKbId: string, toKbId: string): void {
    const s = this.entry(fromKbId);
    if (!s || fromKbId === toKbId) return;
    s.aliases_ar = [];
    s.aliases = [];
    this.patches.push({ id: fromKbId, stands_for: toKbId, replace: true, aliases_ar: [], aliases: [] });
  }

  rename(kbId: string, name: string | null, name_ar: string | null): void {
    const s = this.entry(kbId);
    if (!s) return;
    const old = [s.name, s.name_ar];
    const patch: KbEntryPatch = { id: kbId };
    if (name !== null && name.trim() !== s.name) patch.name = s.name = name.trim();
    if (name_ar !== null && isArabic(name_ar) && name_ar.trim() !== s.name_ar)
      patch.name_ar = s.name_ar = name_ar.trim();
    if (patch.name === undefined && patch.name_ar === undefined) return;
    this.patches.push(patch);
    this.addAliases(kbId, old); // the old names still find it
  }
}

/**
 * The KB patches that reproduce an edit log (active edits, oldest first) on top of `base`. An edit
 * that cannot be expressed (a Latin-only minted name) gives no patch; its document change stays.
 */
export function editsToPatches(edits: readonly EntityEdit[], base: KbLookup): KbEntryPatch[] {
  const w = new PatchWriter(base);
  for (const edit of edits) {
    switch (edit.op) {
      case 'merge': {
        const { target: t, absorbed: b } = edit;
        if (!w.ensure(t)) break;
        const kbForms = w.formsOf(b.kbId);
        w.addAliases(t.kbId, [b.name_ar, b.name, ...b.forms, ...kbForms]);
        w.redirect(b.kbId, t.kbId);
        break;
      }
      case 'split': {
        const { from: f, created: c, form } = edit;
        w.removeAlias(f.kbId, form);
        const created: EditEntity = {
          id: c.id,
          type: f.type,
          kind: f.kind,
          name: c.name,
          name_ar: c.name_ar,
          wikidata: null,
          kbId: c.kbId,
          inKb: false,
          forms: [form],
        };
        if (w.ensure(created, { name_ar: c.name_ar ?? form })) w.addAliases(c.kbId, [form]);
        break;
      }
      case 'rename': {
        const e = edit.entity;
        if (w.entry(e.kbId)) w.rename(e.kbId, edit.name, edit.name_ar);
        else if (w.ensure(e, { name: edit.name, name_ar: edit.name_ar }))
          w.addAliases(e.kbId, [e.name, e.name_ar]);
        break;
      }
    }
  }
  return w.patches;
}
