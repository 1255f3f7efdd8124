import {
  type AggregatedRelation,
  ClaimCollector,
  type ClaimGroup,
  EntityCollector,
  type GraphNode,
  RelationCollector,
} from '../corpus/index.js';
import type { Store } from '../store/index.js';

// One streaming pass over the stored documents: claim groups, aggregated relations (with the
// denials of those groups) and the entities, for `marsad claims`, `relations` and `graph`.

export interface CorpusView {
  documents: number;
  groups: ClaimGroup[];
  relations: AggregatedRelation[];
  entities: EntityCollector;
  nodes(): GraphNode[];
}

export async function collectCorpusView(store: Pick<Store, 'iterateDocuments'>): Promise<CorpusView> {
  const claims = new ClaimCollector();
  const relations = new RelationCollector();
  const entities = new EntityCollector();
  let documents = 0;
  for await (const doc of store.iterateDocuments()) {
    documents++;
    claims.add(doc);
    relations.add(doc);
    entities.add(doc);
  }
  const groups = claims.groups();
  return {
    documents,
    groups,
    relations: relations.relations(groups),
    entities,
    nodes: () => entities.all(),
  };
}
