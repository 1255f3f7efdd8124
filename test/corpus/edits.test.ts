import { describe, expect, it } from 'vitest';
import {
  applyEditsToDocument,
  applyEditToDocument,
  type EntityEdit,
  editsToPatches,
  type MergeEdit,
  type SplitEdit,
  snapshotFor,
  splitKbId,
  undoEditOnDocument,
} from '../../src/corpus/index.js';
import { kbEntityId } from '../../src/kb/index.js';
import type { AnalysedDocument } from '../../src/model/index.js';
import { faghnerzDoc, fajnerzDoc, frontDoc, handoverDoc } from './fixtures.js';
import { baseKb, editEntity, kbWith, linkedIds, relink } from './helpers.js';

const entity = (doc: AnalysedDocument, id: string) => {
  const e = doc.entities.find((x) => x.id === id);
  if (!e) throw new Error(`no ${id} in ${doc.source}`);
  return e;
};
const shape = (doc: AnalysedDocument) =>
  doc.entities
    .map((e) => ({ id: e.id, mentions: e.mentions.map((m) => `${m.start}-${m.end}`) }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));

const wagner = editEntity(entity(handoverDoc, 'ent-wagner'));
const africaCorps = editEntity(entity(handoverDoc, 'ent-africa-corps'));
const faghnerz = editEntity(entity(faghnerzDoc, 'ent-new-faghnerz'));
const fajnerz = editEntity(entity(fajnerzDoc, 'ent-new-fajnerz'));
const sahelFront = editEntity(entity(frontDoc, 'ent-sahel-front'), {
  forms: ['جبهة الساحل', 'Sahel Front', 'جبهة الساحل الحرة', 'الجبهة الشمالية'],
});

const mergeMinted: MergeEdit = { op: 'merge', target: wagner, absorbed: faghnerz };
const mergeKb: MergeEdit = { op: 'merge', target: wagner, absorbed: africaCorps };
const splitKbIdValue = splitKbId('ent-sahel-front', 'الجبهه الشماليه', 'Northern Front');
const split: SplitEdit = {
  op: 'split',
  from: sahelFront,
  form: 'الجبهة الشمالية',
  created: { id: kbEntityId(splitKbIdValue), kbId: splitKbIdValue, name: 'Northern Front', name_ar: null },
};

describe('merge', () => {
  it('a minted entity merged into a KB entity: the documents carry the KB id at once', () => {
    const after = applyEditToDocument(faghnerzDoc, mergeMinted);
    const w = entity(after, 'ent-wagner');
    expect(w).toMatchObject({
      name: 'Wagner Group',
      name_ar: 'مجموعة فاغنر',
      kind: 'private_military_company',
    });
    expect(w.mentions.map((m) => m.text)).toEqual(['فاغنرز', 'فاغنرز']);
    expect(w.aliases).toEqual(['فاغنرز']);
    expect(after.entities.map((e) => e.id)).toEqual(['ent-wagner', 'ent-mali']);
    expect(applyEditToDocument(after, mergeMinted)).toEqual(after); // idempotent
    expect(applyEditToDocument(handoverDoc, mergeMinted)).toEqual(handoverDoc); // nothing to do there
  });

  it('…and its surface forms become aliases of the KB entry, so re-analysis links them to it', () => {
    expect(linkedIds(baseKb(), 'فاغنرز')).toEqual([]);
    const patches = editsToPatches([mergeMinted], baseKb());
    expect(patches).toEqual([{ id: 'wagner', aliases_ar: ['فاغنرز'] }]);
    const kb = kbWith([mergeMinted]);
    expect(linkedIds(kb, 'فاغنرز')).toEqual(['ent-wagner']);
    expect(kb.get('wagner')!.sources.at(-1)).toBe('(entity edits)');
    // the simulated re-analysis gives what the direct edit gave
    expect(shape(relink(faghnerzDoc, kb))).toEqual(shape(applyEditToDocument(faghnerzDoc, mergeMinted)));
  });

  it('two KB entities: one entity in the document, references follow, the absorbed entry redirects', () => {
    const after = applyEditToDocument(handoverDoc, mergeKb);
    expect(after.entities.map((e) => e.id)).toEqual(['ent-wagner', 'ent-mali']);
    expect(entity(after, 'ent-wagner').mentions.map((m) => m.text)).toEqual([
      'مجموعة فاغنر',
      'الفيلق الأفريقي',
      'فيلق أفريقيا',
    ]);
    expect(after.events[0]!.actors).toEqual(['ent-wagner']);
    expect(after.relations).toEqual([]); // «affiliated with itself» says nothing
    const kb = kbWith([mergeKb]);
    expect(kb.resolveStandsFor('africa-corps')!.id).toBe('wagner');
    expect(kb.get('africa-corps')!.aliases_ar).toEqual([]);
    expect(linkedIds(kb, 'فيلق أفريقيا')).toEqual(['ent-wagner']);
    expect(linkedIds(kb, 'الفيلق الأفريقي')).toEqual(['ent-wagner']);
    expect(kb.get('wagner')!.aliases).toContain('Africa Corps');
    expect(shape(relink(handoverDoc, kb))).toEqual(shape(after));
  });

  it('two minted entities: the target is promoted to a KB entry with the same corpus id', () => {
    const edit: MergeEdit = { op: 'merge', target: faghnerz, absorbed: fajnerz };
    const after = applyEditToDocument(fajnerzDoc, edit);
    expect(entity(after, 'ent-new-faghnerz')).toMatchObject({ name_ar: 'فاغنرز', aliases: ['فاجنرز'] });
    const kb = kbWith([edit]);
    expect(kb.get('new-faghnerz')).toMatchObject({ type: 'organization', kind: 'other', name_ar: 'فاغنرز' });
    expect(linkedIds(kb, 'فاجنرز')).toEqual(['ent-new-faghnerz']);
    expect(linkedIds(kb, 'فاغنرز')).toEqual(['ent-new-faghnerz']);
    expect(shape(relink(fajnerzDoc, kb))).toEqual(shape(after));
  });

  it('a Latin-only minted name cannot enter the KB: no patch, the document edit still applies', () => {
    const a = { ...faghnerz, id: 'ent-new-x', kbId: 'new-x', name: 'Xcorp', name_ar: null, forms: ['Xcorp'] };
    const b = {
      ...fajnerz,
      id: 'ent-new-y',
      kbId: 'new-y',
      name: 'X-corp',
      name_ar: null,
      forms: ['X-corp'],
    };
    expect(editsToPatches([{ op: 'merge', target: a, absorbed: b }], baseKb())).toEqual([]);
  });
});

describe('split', () => {
  it('mentions with the form become a new entity; the rest stays', () => {
    const after = applyEditToDocument(frontDoc, split);
    expect(after.entities.map((e) => e.id)).toEqual(['ent-sahel-front', split.created.id]);
    expect(entity(after, 'ent-sahel-front').mentions.map((m) => m.text)).toEqual(['جبهة الساحل الحرة']);
    expect(entity(after, 'ent-sahel-front').aliases).toEqual(['جبهة الساحل الحرة']);
    expect(entity(after, split.created.id)).toMatchObject({
      type: 'organization',
      kind: 'armed_group',
      name: 'Northern Front',
      name_ar: 'الجبهة الشمالية',
      aliases: ['الجبهة الشمالية'],
    });
    expect(applyEditToDocument(after, split)).toEqual(after);
  });

  it('the KB gets a new entry with the form, and the old entry loses it', () => {
    expect(split.created.id).toMatch(/^ent-northern-front-[0-9a-f]{6}$/);
    const kb = kbWith([split]);
    expect(kb.get('sahel-front')!.aliases_ar).toEqual(['جبهة الساحل الحرة']);
    expect(kb.get(split.created.kbId)).toMatchObject({ name: 'Northern Front', name_ar: 'الجبهة الشمالية' });
    expect(linkedIds(kb, 'الجبهة الشمالية')).toEqual([split.created.id]);
    expect(linkedIds(kb, 'جبهة الساحل الحرة')).toEqual(['ent-sahel-front']);
    expect(shape(relink(frontDoc, kb))).toEqual(shape(applyEditToDocument(frontDoc, split)));
  });

  it('when every mention leaves, the old entity goes and references follow the new one', () => {
    const doc = {
      ...frontDoc,
      entities: [{ ...frontDoc.entities[0]!, mentions: frontDoc.entities[0]!.mentions.slice(1) }],
      claims: [
        {
          id: 'cl-1',
          speaker: 'ent-sahel-front',
          stance: 'deny' as const,
          cue: 'قالت',
          content: { start: 40, end: 60 },
          about: [],
        },
      ],
    };
    const after = applyEditToDocument(doc, split);
    expect(after.entities.map((e) => e.id)).toEqual([split.created.id]);
    expect(after.claims[0]!.speaker).toBe(split.created.id);
  });
});

describe('rename', () => {
  it('a KB entity: the names change in the documents and in the KB; the old names still link', () => {
    const edit: EntityEdit = {
      op: 'rename',
      entity: sahelFront,
      name: 'Free Sahel Front',
      name_ar: 'جبهة الساحل الحرة',
    };
    const after = applyEditToDocument(frontDoc, edit);
    expect(entity(after, 'ent-sahel-front')).toMatchObject({
      name: 'Free Sahel Front',
      name_ar: 'جبهة الساحل الحرة',
    });
    const kb = kbWith([edit]);
    expect(kb.get('sahel-front')).toMatchObject({ name: 'Free Sahel Front', name_ar: 'جبهة الساحل الحرة' });
    expect(kb.get('sahel-front')!.aliases_ar).toContain('جبهة الساحل');
    expect(kb.get('sahel-front')!.aliases).toContain('Sahel Front');
    expect(linkedIds(kb, 'جبهة الساحل')).toEqual(['ent-sahel-front']);
  });

  it('a minted entity is promoted with the new names, under its own id', () => {
    const edit: EntityEdit = { op: 'rename', entity: faghnerz, name: 'Faghnerz', name_ar: null };
    const after = applyEditToDocument(faghnerzDoc, edit);
    expect(entity(after, 'ent-new-faghnerz')).toMatchObject({ name: 'Faghnerz', name_ar: 'فاغنرز' });
    const kb = kbWith([edit]);
    expect(kb.get('new-faghnerz')).toMatchObject({ name: 'Faghnerz', name_ar: 'فاغنرز' });
    const relinked = relink(faghnerzDoc, kb);
    expect(entity(relinked, 'ent-new-faghnerz').name).toBe('Faghnerz');
  });

  it('a minted id that is no slug gets a hashed KB id, and the documents follow it', () => {
    const odd = { ...faghnerz, id: 'ent-new-فاغنرز', kbId: 'new-0123456789ab' };
    const doc = {
      ...faghnerzDoc,
      entities: faghnerzDoc.entities.map((e, i) => (i === 0 ? { ...e, id: odd.id } : e)),
    };
    const after = applyEditToDocument(doc, { op: 'rename', entity: odd, name: 'Faghnerz', name_ar: null });
    expect(after.entities[0]!.id).toBe('ent-new-0123456789ab');
  });
});

describe('several edits and undo', () => {
  const rename: EntityEdit = { op: 'rename', entity: wagner, name: 'Wagner PMC', name_ar: null };

  it('edits compose in order, in the documents and in the KB', () => {
    const edits = [mergeMinted, mergeKb, rename, split];
    const kb = kbWith(edits);
    expect(linkedIds(kb, 'فاغنرز')).toEqual(['ent-wagner']);
    expect(linkedIds(kb, 'فيلق أفريقيا')).toEqual(['ent-wagner']);
    expect(kb.get('wagner')!.name).toBe('Wagner PMC');
    expect(kb.get('wagner')!.aliases).toEqual(
      expect.arrayContaining(['Wagner', 'Wagner Group', 'Africa Corps']),
    );
    const doc = applyEditsToDocument(faghnerzDoc, edits);
    expect(entity(doc, 'ent-wagner').name).toBe('Wagner PMC');
  });

  it('undo restores the document exactly', () => {
    for (const [doc, edit] of [
      [faghnerzDoc, mergeMinted],
      [handoverDoc, mergeKb],
      [frontDoc, split],
    ] as const) {
      const after = applyEditToDocument(doc, edit);
      expect(undoEditOnDocument(after, edit, snapshotFor(doc, edit))).toEqual(doc);
    }
  });

  it('undoing an earlier edit keeps the later ones', () => {
    const afterMerge = applyEditToDocument(handoverDoc, mergeKb);
    const afterBoth = applyEditToDocument(afterMerge, rename);
    const undone = undoEditOnDocument(afterBoth, mergeKb, snapshotFor(handoverDoc, mergeKb), [rename]);
    expect(undone.entities.map((e) => e.id)).toEqual(['ent-wagner', 'ent-africa-corps', 'ent-mali']);
    expect(entity(undone, 'ent-wagner').name).toBe('Wagner PMC');
    expect(undone.relations).toEqual(handoverDoc.relations);
    expect(undone.events).toEqual(handoverDoc.events);
  });

  it('references changed since (a re-analysis) are left as they are', () => {
    const after = applyEditToDocument(handoverDoc, mergeKb);
    const reanalysed = { ...after, events: [] };
    const undone = undoEditOnDocument(reanalysed, mergeKb, snapshotFor(handoverDoc, mergeKb));
    expect(undone.events).toEqual([]);
    expect(undone.entities).toEqual(handoverDoc.entities);
  });
});
