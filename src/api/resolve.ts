import type { Store } from '../store/index.js';

/**
 * An entity filter value (id or name) → the entity id the store's index knows; the value itself
 * when none matches, so that an unknown entity filters everything out rather than failing.
 */
export async function resolveEntityId(store: Store, ref: string): Promise<string> {
  const d = await store.getEntityDossier(ref, { documentsLimit: 0, coLimit: 0 });
  return d?.id ?? ref;
}
