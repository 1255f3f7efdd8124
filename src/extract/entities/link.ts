import { kbEntityId } from '../../kb/index.js';
import type { Entity } from '../../model/index.js';
import type { MentionCandidate } from './recognize.js';
import type { EntityResources } from './resources.js';
import { mintedId } from './skeleton.js';

// Linking: every mention gets the corpus-wide id of what it names — `ent-<kb id>` for a KB
// entity, or an id minted from the canonical form of a new name (mintedId), so the same new
// name gets the same id in every document without any shared state. Mentions of one id become
// one Entity in the marsad.document/v1 shape.

/** The corpus-wide id a mention links to. */
export function mentionEntityId(c: MentionCandidate): string {
  if (c.kbId) return kbEntityId(c.kbId);
  return mintedId(c.canonical ?? c.surface);
}

/** One mention as a one-mention entity: what the `mentions` stage leaves for `linking`. */
export function mentionEntity(res: EntityResources, c: MentionCandidate): Entity {
  const e = c.kbId ? res.kb.get(c.kbId) : undefined;
  const mention = { start: c.start, end: c.end, text: c.text };
  if (e)
    return {
      id: kbEntityId(e.id),
      type: e.type,
      kind: e.kind,
      name: e.name,
      name_ar: e.name_ar,
      aliases: [c.surface],
      ...(e.wikidata ? { wikidata: e.wikidata } : {}),
      mentions: [mention],
    };
  return {
    id: mentionEntityId(c),
    type: c.type ?? 'organization',
    ...(c.kind ? { kind: c.kind } : {}),
    name: null,
    name_ar: c.canonical ?? c.surface,
    aliases: [c.surface],
    mentions: [mention],
  };
}

/**
 * Merge entities with the same id: aliases are the distinct surface forms, mentions in text
 * order, first appearance order kept. A new entity's Arabic name is its longest form.
 */
export function mergeEntities(list: readonly Entity[]): Entity[] {
  const byId = new Map<string, Entity>();
  for (const e of list) {
    const seen = byId.get(e.id);
    if (!seen) {
      byId.set(e.id, { ...e, aliases: [...e.aliases], mentions: [...e.mentions] });
      continue;
    }
    for (const a of e.aliases) if (!seen.aliases.includes(a)) seen.aliases.push(a);
    seen.mentions.push(...e.mentions);
    if (seen.name === null && e.name_ar && (seen.name_ar ?? '').length < e.name_ar.length)
      seen.name_ar = e.name_ar;
  }
  const out = [...byId.values()];
  for (const e of out) {
    e.mentions.sort((a, b) => a.start - b.start);
    e.mentions = e.mentions.filter((m, i, ms) => i === 0 || m.start !== ms[i - 1]!.start);
  }
  return out;
}

/** Candidates → the document's entities. */
export function linkMentions(res: EntityResources, candidates: readonly MentionCandidate[]): Entity[] {
  return mergeEntities(candidates.map((c) => mentionEntity(res, c)));
}
