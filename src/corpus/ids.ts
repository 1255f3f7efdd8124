import { createHash } from 'node:crypto';
import { KbId, kbEntityId } from '../kb/index.js';

// Corpus-wide entity ids (FORMAT.md): `ent-<kbId>` for a knowledge-base entity, `ent-new-…` for a
// name the linker minted. An analyst's edit can *promote* a minted entity into the KB (its forms
// become aliases of an entry); the entry's id is chosen so that kbEntityId(entry) is the very id
// the documents already carry whenever that id is a slug (`ent-new-wagnerz` → `new-wagnerz`).

export const MINTED_PREFIX = 'ent-new-';

export function isMintedId(id: string): boolean {
  return id.startsWith(MINTED_PREFIX);
}

/** The KB id behind `ent-<kbId>`, or null when the rest is not a KB slug. */
export function kbIdOf(entityId: string): string | null {
  if (!entityId.startsWith('ent-')) return null;
  const rest = entityId.slice(4);
  return KbId.safeParse(rest).success ? rest : null;
}

function shortHash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 12);
}

/** The KB entry id a (minted or foreign) entity is promoted to: deterministic. */
export function promotedKbId(entityId: string): string {
  return kbIdOf(entityId) ?? `new-${shortHash(entityId)}`;
}

/** The corpus id an entity carries once it is a KB entry. */
export function promotedEntityId(entityId: string): string {
  return kbEntityId(promotedKbId(entityId));
}

/** ASCII slug of a Latin name (`Wagner Africa` → `wagner-africa`), or null when nothing is left. */
export function slugify(name: string): string | null {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s === '' ? null : s;
}

/** A fresh KB id for an entity created by a split: from its Latin name when there is one. */
export function splitKbId(fromId: string, form: string, name: string | null): string {
  const slug = name ? slugify(name) : null;
  const h = shortHash(`${fromId}\u0000${form}`).slice(0, 6);
  return slug ? `${slug}-${h}` : `split-${h}`;
}
