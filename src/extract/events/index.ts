import type { KnowledgeBase } from '../../kb/index.js';
import type { Stage } from '../stage.js';
import { documentDates } from '../time/index.js';
import { detectEvents } from './detect.js';
import { eventLexicon } from './lexicon.js';

export { type DetectOptions, datesCompatible, dayNumber, detectEvents, narrower } from './detect.js';
export { eventFacet, eventId } from './ids.js';
export { compileLexicon, type EventLexicon, eventLexicon, inflectVerb } from './lexicon.js';
export { type Factuality, factuality, findTriggers, wordsOf } from './triggers.js';

/** What the event stages need besides the document: the KB (places → coordinates, countries). */
export interface EventResources {
  readonly kb: KnowledgeBase;
}

/**
 * Event detection: typed events (FORMAT.md's types, each with its ACLED type and PLOVER category)
 * from Arabic triggers in context, factual ones only, with actors (agent first), location, date,
 * fatalities and evidence; reports of one event within the document merged.
 */
export function createEventStages(res: EventResources): Stage[] {
  const lex = eventLexicon();
  return [
    {
      name: 'dates',
      requires: [],
      assigns: ['dates'],
      run: (doc) => ({ ...doc, dates: documentDates(doc.text, doc.published) }),
    },
    {
      name: 'events',
      requires: ['sentences', 'entities', 'dates'],
      assigns: ['events'],
      run: (doc) => ({ ...doc, events: detectEvents(doc, lex, { kb: res.kb }) }),
    },
  ];
}
