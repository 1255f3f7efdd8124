// Numbers and quantities in Arabic text: number words, counts with their bounds (ACLED's
// conservative reading of vague ones) and casualty counts. Usable without the rest of extract.
export {
  CASUALTY_CATEGORIES,
  type CasualtyCategory,
  type CasualtyCount,
  type CasualtyCounts,
  type CasualtyHit,
  casualtyCounts,
} from './casualties.js';
export {
  type FindQuantitiesOptions,
  findNumbers,
  findQuantities,
  type NumberMention,
  type Quantity,
  type QuantityKind,
} from './find.js';
export { cliticReadings, matchAny, matchPhrase, readingsOf, scan, type Tok } from './tokens.js';
export { type NumberRead, parseArabicNumber, readCardinal, readOrdinal } from './words.js';
