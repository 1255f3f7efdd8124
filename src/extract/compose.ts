import type { AnalysedDocument, RawArticle } from '../model/index.js';
import { MarsadError } from '../model/index.js';
import { cleanText } from '../text/index.js';
import { documentId } from '../util/index.js';
import { guessLanguage } from './language.js';

/**
 * RawArticle → the document every stage works on. The cleaned text is fixed here, once:
 * title, a blank line, then the body (FORMAT.md), so the headline is analysed too. Offsets of
 * every later fact point into it.
 */
export function composeDocument(raw: RawArticle): AnalysedDocument {
  const title = raw.title ? cleanText(raw.title) : '';
  let body = cleanText(raw.body);
  // HTML pages often repeat the headline as the first line of the body: keep it once.
  if (title && body.startsWith(title)) body = body.slice(title.length).replace(/^\s+/, '');
  const text = title ? (body ? `${title}\n\n${body}` : title) : body;
  if (!text) throw new MarsadError('E_EMPTY', 'no text left after cleaning', { input: raw.source });
  return {
    id: documentId(text),
    source: raw.source,
    kind: raw.kind,
    url: raw.url,
    title: title || null,
    published: raw.published,
    language: guessLanguage(text),
    encoding: raw.encoding,
    text,
    bodyStart: title && body ? title.length + 2 : 0,
    ...unanalysed(),
    warnings: [...raw.warnings],
  };
}

/** The fields the pipeline stages fill, empty: what a document is before (re-)analysis. */
export function unanalysed(): Pick<
  AnalysedDocument,
  'sentences' | 'tokenCount' | 'dates' | 'entities' | 'events' | 'claims' | 'relations'
> {
  return { sentences: [], tokenCount: 0, dates: [], entities: [], events: [], claims: [], relations: [] };
}
