// Cross-document work: corpus-wide entity identity (clustering of minted entities), the analyst's
// entity edits (merge, split, rename; undo) and their knowledge-base patch layer.

export * from './claims.js';
export * from './cluster.js';
export * from './cluster-job.js';
export {
  activeEdits,
  commitEdit,
  editEntityOf,
  editedIds,
  type KbView,
  planMerge,
  planRename,
  planSplit,
  reapplyEdits,
  resolveEntity,
  undoEdit,
} from './edit-job.js';
export * from './edits.js';
export * from './events.js';
export * from './graph.js';
export * from './ids.js';
export * from './kb-layer.js';
export * from './names.js';
export * from './relations.js';
export * from './types.js';
