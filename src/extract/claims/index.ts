import type { KnowledgeBase } from '../../kb/index.js';
import type { Stage } from '../stage.js';

/** What the claim and relation stages need besides the document. */
export interface ClaimResources {
  readonly kb: KnowledgeBase;
}

/** Attributed claims with stance, and relations between entities. */
export function createClaimStages(_res: ClaimResources): Stage[] {
  return [];
}
