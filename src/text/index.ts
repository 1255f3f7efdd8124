// The Arabic text core: cleaning, normalisation with an offset map, tokens with clitic readings,
// sentences, numbers, search terms. Other folders import only from here.
export { cleanText } from './clean.js';
export { type CliticAnalysis, cliticAnalyses } from './clitics.js';
export { DEMONSTRATIVES } from './function-words.js';
export {
  type NormalizedText,
  type NormalizeOptions,
  normalizeArabic,
  normalizeForMatch,
} from './normalize.js';
export { isNumeric, parseNumber, toAsciiDigits } from './numbers.js';
export { arabicSearchAnalyzer, searchTerm } from './search.js';
export { type SentenceOptions, splitSentences } from './sentences.js';
export { scanTokens, type Token, type TokenClitics, type TokenKind, tokenize } from './tokenize.js';
