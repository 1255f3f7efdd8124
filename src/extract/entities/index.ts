// Entity mentions and linking (issue #3): KB gazetteer over clitic-aware tokens, state and army
// phrases, metonyms, spelling variants, the learned tagger for new names, corpus-wide ids.
export { buildLexicon, defaultLexicon, type EntityLexicon } from './lexicon.js';
export { linkMentions, mentionEntity, mentionEntityId, mergeEntities } from './link.js';
export {
  type MentionCandidate,
  type MentionSource,
  type RecognizeOptions,
  recognizeMentions,
} from './recognize.js';
export {
  buildEntityResources,
  type EntityResources,
  nameKey,
  type ResourceOptions,
  variantOf,
} from './resources.js';
export { letterCount, mintedId, skeleton } from './skeleton.js';
export { createEntityStages, createLinkingStage, createMentionsStage } from './stages.js';
export { type Reading, type Word, type WordStream, wordReadings, wordStream } from './words.js';
