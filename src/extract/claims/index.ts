import type { KnowledgeBase } from '../../kb/index.js';
import type { Claim, Relation } from '../../model/index.js';
import type { Stage } from '../stage.js';
import { findClaims } from './claims.js';
import { sentenceViews } from './context.js';
import { kbRelations } from './kb-relations.js';
import { loadClaimLexicon, loadRelationCues } from './lexicon.js';
import { findRelations } from './relations.js';

export { type FoundClaim, findClaims } from './claims.js';
export { type SentenceView, sentenceViews } from './context.js';
export { loadClaimLexicon, loadRelationCues, verbForms } from './lexicon.js';
export { type FoundRelation, findRelations } from './relations.js';

/** What the claim and relation stages need besides the document. */
export interface ClaimResources {
  readonly kb: KnowledgeBase;
}

/** Attributed claims with stance, and relations between entities. */
export function createClaimStages(res: ClaimResources): Stage[] {
  const claims: Stage = {
    name: 'claims',
    requires: ['entities', 'sentences'],
    assigns: ['claims'],
    run(doc) {
      const found = findClaims(doc, sentenceViews(doc), loadClaimLexicon());
      return { ...doc, claims: found.map(({ sentence: _s, ...c }): Claim => c) };
    },
  };
  const relations: Stage = {
    name: 'relations',
    requires: ['entities', 'sentences', 'claims'],
    assigns: ['relations'],
    run(doc) {
      const views = sentenceViews(doc);
      const claimList = doc.claims.map((c) => ({ ...c, sentence: -1 }));
      const found = findRelations(doc.text, views, loadRelationCues(), claimList, res.kb);
      const said = new Set(found.map((r) => `${r.type}|${r.source}|${r.target}`));
      for (const r of kbRelations(views, res.kb))
        if (!said.has(`${r.type}|${r.source}|${r.target}`)) found.push(r);
      return { ...doc, relations: found.map(({ claim: _c, ...r }): Relation => r) };
    },
  };
  return [claims, relations];
}
