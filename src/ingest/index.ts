// Public API of the ingest layer: inputs (files, directories, JSONL, HTML, feeds, URLs, stdin) → RawArticle.
export { type BoilerplateResult, removeBoilerplate } from './boilerplate.js';
export { isValidYmd, toIsoDate } from './dates.js';
export { type Decoded, type DecodeHints, decodeBytes } from './decode.js';
export { detectFormat, INPUT_FORMATS, type InputFormat, sniffFormat } from './format.js';
export { type HtmlArticle, type HtmlOptions, htmlToArticle } from './html/article.js';
export {
  type BoilerplateLexicon,
  loadBoilerplateLexicon,
  loadMonths,
  type MonthEntry,
  type MonthsLexicon,
} from './lexicons.js';
export {
  type ReadBytesOptions,
  type ReadStringOptions,
  readArticleFromBytes,
  readArticleFromString,
  readItemsFromBytes,
  readItemsFromString,
} from './parse.js';
export {
  findPublishedDate,
  findPublishedDateLine,
  type PublishedDateMatch,
  parseDateLine,
} from './published-date.js';
export { readSources } from './sources.js';
export { DEFAULT_FETCH_TIMEOUT_MS, DEFAULT_MAX_BYTES, type IngestItem, type IngestOptions } from './types.js';
