import { fileURLToPath } from 'node:url';
import {
  type EditEntity,
  type EntityEdit,
  editsToPatches,
  isMintedId,
  nameKey,
} from '../../src/corpus/index.js';
import { buildAliasIndex, type KnowledgeBase, kbEntityId, loadKnowledgeBase } from '../../src/kb/index.js';
import type { AnalysedDocument, Entity } from '../../src/model/index.js';

export const TEST_KB = fileURLToPath(new URL('./fixtures/kb/', import.meta.url));

export const baseKb = (): KnowledgeBase => loadKnowledgeBase({ dirs: [TEST_KB] });

export function kbWith(edits: readonly EntityEdit[]): KnowledgeBase {
  return loadKnowledgeBase({ dirs: [TEST_KB], patches: editsToPatches(edits, baseKb()) });
}

/** The corpus ids a surface form links to through the KB (stands_for followed), as a linker would. */
export function linkedIds(kb: KnowledgeBase, surface: string): string[] {
  const index = buildAliasIndex(kb, nameKey);
  return [...new Set(index.ids(surface).map((id) => kbEntityId(kb.resolveStandsFor(id)?.id ?? id)))];
}

/**
 * A toy re-analysis: every mention is linked again through the KB (a form the KB names one entity
 * for gets that entity, names and all); the rest keeps its minted id. Enough to check that the KB
 * patch layer reproduces an edit, without the real linker.
 */
export function relink(doc: AnalysedDocument, kb: KnowledgeBase): AnalysedDocument {
  const out = new Map<string, Entity>();
  for (const e of doc.entities) {
    for (const m of e.mentions) {
      const ids = linkedIds(kb, m.text);
      let id = e.id;
      let names: Pick<Entity, 'name' | 'name_ar' | 'type'> = e;
      let kind = e.kind;
      if (ids.length === 1) {
        id = ids[0]!;
        const k = kb.get(id.slice(4))!;
        names = { name: k.name, name_ar: k.name_ar, type: k.type };
        kind = k.kind;
      } else if (!isMintedId(e.id)) continue; // a KB entity the KB no longer names alone: dropped
      const cur = out.get(id);
      if (cur) {
        cur.mentions.push(m);
        if (!cur.aliases.includes(m.text)) cur.aliases.push(m.text);
      } else
        out.set(id, {
          id,
          type: names.type,
          ...(kind ? { kind } : {}),
          name: names.name,
          name_ar: names.name_ar,
          aliases: [m.text],
          mentions: [m],
        });
    }
  }
  for (const e of out.values()) e.mentions.sort((a, b) => a.start - b.start);
  return { ...doc, entities: [...out.values()] };
}

export function editEntity(e: Entity, over: Partial<EditEntity> = {}): EditEntity {
  const kbId = e.id.startsWith('ent-') ? e.id.slice(4) : e.id;
  return {
    id: e.id,
    type: e.type,
    kind: e.kind ?? null,
    name: e.name,
    name_ar: e.name_ar,
    wikidata: e.wikidata ?? null,
    kbId,
    inKb: !isMintedId(e.id),
    forms: [...new Set([...(e.name ? [e.name] : []), ...(e.name_ar ? [e.name_ar] : []), ...e.aliases])],
    ...over,
  };
}
