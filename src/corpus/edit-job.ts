import { type KbEntity, kbEntityId } from '../kb/index.js';
import { type AnalysedDocument, MarsadError } from '../model/index.js';
import {
  applyEditsToDocument,
  applyEditToDocument,
  involvedIds,
  snapshotFor,
  undoEditOnDocument,
} from './edits.js';
import { kbIdOf, promotedKbId, splitKbId } from './ids.js';
import { isArabic, nameKey } from './names.js';
import type {
  CorpusStore,
  EditEntity,
  EntityDossier,
  EntityEdit,
  EntityEditChange,
  EntityEditRecord,
  MergeEdit,
  RenameEdit,
  SplitEdit,
} from './types.js';

// Planning an edit (resolve the entities, check it makes sense, capture what the KB patches will
// need) and committing it (rewrite the documents, record the edit and the snapshots in one store
// transaction). Undo is the reverse, from the snapshots.

/** The knowledge base as the edit sees it: the shipped and user layers plus the active edits. */
export interface KbView {
  get(
    id: string,
  ): Pick<KbEntity, 'type' | 'kind' | 'name' | 'name_ar' | 'aliases_ar' | 'aliases' | 'wikidata'> | undefined;
}

export async function resolveEntity(store: CorpusStore, ref: string): Promise<EntityDossier> {
  const d = await store.getEntityDossier(ref, { documentsLimit: 0, coLimit: 0 });
  if (!d) throw new MarsadError('E_NOT_FOUND', `no entity matches ${ref}`, { input: ref });
  return d;
}

export function editEntityOf(d: EntityDossier, kb: KbView): EditEntity {
  const kbId = kbIdOf(d.id) ?? promotedKbId(d.id);
  return {
    id: d.id,
    type: d.type,
    kind: d.kind,
    name: d.name,
    name_ar: d.name_ar,
    wikidata: d.wikidata,
    kbId,
    inKb: kb.get(kbId) !== undefined,
    forms: d.names.map((n) => n.form),
  };
}

/**
 * An entity the corpus does not mention yet but the KB knows (`ent-assimi-goita` or
 * `assimi-goita`), as a dossier with no documents: one can merge a minted name into it.
 */
function kbOnlyDossier(kb: KbView, ref: string): EntityDossier | null {
  const kbId = kbIdOf(ref) ?? ref;
  const e = kb.get(kbId);
  if (!e) return null;
  return {
    id: kbEntityId(kbId),
    type: e.type,
    kind: e.kind,
    name: e.name,
    name_ar: e.name_ar,
    wikidata: e.wikidata ?? null,
    documents: 0,
    mentions: 0,
    firstSeen: null,
    lastSeen: null,
    names: [e.name_ar, ...e.aliases_ar, e.name, ...e.aliases].map((form) => ({ form, documents: 0 })),
    documentList: [],
    coOccurring: [],
    alsoMatches: [],
  };
}

export async function planMerge(
  store: CorpusStore,
  kb: KbView,
  targetRef: string,
  absorbedRef: string,
): Promise<MergeEdit> {
  const a =
    (await store.getEntityDossier(targetRef, { documentsLimit: 0, coLimit: 0 })) ??
    kbOnlyDossier(kb, targetRef);
  if (!a) throw new MarsadError('E_NOT_FOUND', `no entity matches ${targetRef}`, { input: targetRef });
  const b = await resolveEntity(store, absorbedRef);
  if (a.id === b.id)
    throw new MarsadError('E_USAGE', `${targetRef} and ${absorbedRef} are the same entity (${a.id})`);
  if (a.type !== b.type)
    throw new MarsadError('E_USAGE', `cannot merge a ${b.type} (${b.id}) into a ${a.type} (${a.id})`);
  return { op: 'merge', target: editEntityOf(a, kb), absorbed: editEntityOf(b, kb) };
}

export async function planSplit(
  store: CorpusStore,
  kb: KbView,
  ref: string,
  form: string,
  names: { name?: string | null; name_ar?: string | null } = {},
): Promise<SplitEdit> {
  const d = await resolveEntity(store, ref);
  const from = editEntityOf(d, kb);
  const key = nameKey(form);
  const seen = d.names.find((n) => nameKey(n.form) === key);
  if (!seen)
    throw new MarsadError(
      'E_USAGE',
      `${d.id} is never written «${form}»; its forms are: ${d.names.map((n) => n.form).join('، ')}`,
    );
  const entry = kb.get(from.kbId);
  if (entry && nameKey(entry.name_ar) === key)
    throw new MarsadError(
      'E_USAGE',
      `«${form}» is the canonical Arabic name of ${d.id}; rename it first, then split the form off`,
    );
  const name = names.name?.trim() || null;
  const kbId = splitKbId(d.id, key, name);
  return {
    op: 'split',
    from,
    form: seen.form,
    created: {
      id: kbEntityId(kbId),
      kbId,
      name,
      name_ar: names.name_ar?.trim() || (isArabic(seen.form) ? seen.form : null),
    },
  };
}

export async function planRename(
  store: CorpusStore,
  kb: KbView,
  ref: string,
  names: { name?: string | null; name_ar?: string | null },
): Promise<RenameEdit> {
  const name = names.name?.trim() || null;
  const name_ar = names.name_ar?.trim() || null;
  if (name === null && name_ar === null) throw new MarsadError('E_USAGE', 'give --name and/or --name-ar');
  if (name_ar !== null && !isArabic(name_ar))
    throw new MarsadError('E_USAGE', `--name-ar must be in Arabic script (got ${name_ar})`);
  const d = await resolveEntity(store, ref);
  return { op: 'rename', entity: editEntityOf(d, kb), name, name_ar };
}

const same = (a: AnalysedDocument, b: AnalysedDocument) =>
  JSON.stringify([a.entities, a.events, a.claims, a.relations]) ===
  JSON.stringify([b.entities, b.events, b.claims, b.relations]);

/** Rewrite the documents the edit touches and record it, atomically. */
export async function commitEdit(store: CorpusStore, edit: EntityEdit): Promise<EntityEditRecord> {
  const changes: EntityEditChange[] = [];
  for (const id of await store.documentsWithEntities([...involvedIds(edit)])) {
    const doc = await store.getDocument(id);
    if (!doc) continue;
    const next = applyEditToDocument(doc, edit);
    if (!same(doc, next)) changes.push({ doc: next, before: snapshotFor(doc, edit) });
  }
  return store.recordEntityEdit(edit, changes);
}

export function activeEdits(records: readonly EntityEditRecord[]): EntityEdit[] {
  return records.filter((r) => r.undoneAt === null).map((r) => r.edit);
}

/** Undo edit `seq`: the documents go back (later edits are applied again), the KB patch goes. */
export async function undoEdit(store: CorpusStore, seq: number): Promise<EntityEditRecord> {
  const records = await store.listEntityEdits();
  const rec = records.find((r) => r.seq === seq);
  if (!rec) throw new MarsadError('E_NOT_FOUND', `no entity edit #${seq}`);
  if (rec.undoneAt !== null) throw new MarsadError('E_USAGE', `entity edit #${seq} was already undone`);
  const later = activeEdits(records.filter((r) => r.seq > seq));
  const docs: AnalysedDocument[] = [];
  for (const snap of await store.getEntityEditSnapshots(seq)) {
    const doc = await store.getDocument(snap.documentId);
    if (doc) docs.push(undoEditOnDocument(doc, rec.edit, snap.before, later));
  }
  return store.undoEntityEdit(seq, docs);
}

/**
 * Apply every active edit again to the documents they involve (after a re-analysis or an ingest:
 * what the KB patches could not carry — e.g. two Latin-only minted names merged — comes back).
 * Idempotent. Returns the number of documents rewritten.
 */
export async function reapplyEdits(store: CorpusStore): Promise<number> {
  const edits = activeEdits(await store.listEntityEdits());
  if (edits.length === 0) return 0;
  const ids = new Set(edits.flatMap((e) => [...involvedIds(e)]));
  let n = 0;
  for (const id of await store.documentsWithEntities([...ids])) {
    const doc = await store.getDocument(id);
    if (!doc) continue;
    const next = applyEditsToDocument(doc, edits);
    if (!same(doc, next) && (await store.updateDocument(next))) n++;
  }
  return n;
}

/** Ids analysts have edited: clustering leaves their decisions alone. */
export function editedIds(edits: readonly EntityEdit[]): Set<string> {
  const out = new Set<string>();
  for (const e of edits) for (const id of involvedIds(e)) out.add(id);
  return out;
}
