import type { Entity } from '../model/index.js';
import { applyClusterMapping, type Cluster, type ClusterItem, findClusters } from './cluster.js';
import { activeEdits, editedIds } from './edit-job.js';
import { MINTED_PREFIX } from './ids.js';
import type { CorpusStore } from './types.js';

export interface ClusterReport {
  clusters: Cluster[];
  /** Documents rewritten. */
  documents: number;
}

const PAGE = 1000;

/**
 * Give each group of variant minted entities one corpus id, in every stored document. Reads the
 * store's entity index (not the documents) to find the groups, then rewrites only the documents
 * that mention a variant. Idempotent: a second run finds nothing to do.
 */
export async function runClusterJob(store: CorpusStore): Promise<ClusterReport> {
  const items: ClusterItem[] = [];
  const names = new Map<string, Pick<Entity, 'type' | 'name' | 'name_ar'>>();
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listEntities({ idPrefix: MINTED_PREFIX, limit: PAGE, offset });
    for (const e of page.entities) {
      items.push({ entity: e, documents: e.documents });
      names.set(e.id, { type: e.type, name: e.name, name_ar: e.name_ar });
    }
    if (page.entities.length < PAGE) break;
  }
  const clusters = findClusters(items, {
    protectedIds: editedIds(activeEdits(await store.listEntityEdits())),
  });
  const mapping = new Map<string, string>();
  for (const c of clusters) for (const m of c.members) if (m !== c.id) mapping.set(m, c.id);
  let documents = 0;
  if (mapping.size > 0) {
    for (const id of await store.documentsWithEntities([...mapping.keys()])) {
      const doc = await store.getDocument(id);
      if (!doc) continue;
      const next = applyClusterMapping(doc, mapping, names);
      if (next !== doc && (await store.updateDocument(next))) documents++;
    }
  }
  return { clusters, documents };
}
