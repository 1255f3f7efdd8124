import type { Stage } from '../stage.js';
import { mentionEntity, mergeEntities } from './link.js';
import { type RecognizeOptions, recognizeMentions } from './recognize.js';
import type { EntityResources } from './resources.js';

/**
 * `mentions`: every entity mention of the text, each as a one-mention entity already carrying
 * the id it links to (a KB id, or one minted from the name). Requires sentences (the tagger works
 * sentence by sentence).
 */
export function createMentionsStage(res: EntityResources, options: RecognizeOptions = {}): Stage {
  return {
    name: 'mentions',
    requires: ['text', 'sentences'],
    assigns: ['entities'],
    run: (doc) => ({
      ...doc,
      entities: recognizeMentions(res, doc.text, doc.sentences, options).map((c) => mentionEntity(res, c)),
    }),
  };
}

/** `linking`: one entity per distinct real-world entity of the document (FORMAT.md shape). */
export function createLinkingStage(): Stage {
  return {
    name: 'linking',
    requires: ['entities'],
    assigns: ['entities'],
    run: (doc) => ({ ...doc, entities: mergeEntities(doc.entities) }),
  };
}

/** Both entity stages, in order. */
export function createEntityStages(res: EntityResources, options: RecognizeOptions = {}): Stage[] {
  return [createMentionsStage(res, options), createLinkingStage()];
}
