import type { KnowledgeBase } from '../../kb/index.js';
import type { Stage } from '../stage.js';

/** What the event stages need besides the document: the KB (places → coordinates, countries). */
export interface EventResources {
  readonly kb: KnowledgeBase;
}

/** Event detection: typed events with date, location, actors, fatalities and evidence. */
export function createEventStages(_res: EventResources): Stage[] {
  return [];
}
