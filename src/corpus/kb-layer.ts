import { type KnowledgeBase, loadKnowledgeBase } from '../kb/index.js';
import { editsToPatches } from './edits.js';
import type { EntityEdit } from './types.js';

/**
 * The knowledge base the pipeline should link with: the file layers (shipped, user), then the
 * analyst's active entity edits as the last, in-memory layer.
 */
export function loadKnowledgeBaseWithEdits(
  dirs: readonly string[],
  edits: readonly EntityEdit[],
): KnowledgeBase {
  const base = loadKnowledgeBase({ dirs });
  if (edits.length === 0) return base;
  return loadKnowledgeBase({ dirs, patches: editsToPatches(edits, base) });
}
