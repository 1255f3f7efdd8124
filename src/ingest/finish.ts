// The last step for every article, whatever its container: boilerplate out, a date line looked
// for when metadata gave none, and the RawArticle assembled.
import type { RawArticle, SourceKind } from '../model/index.js';
import { removeBoilerplate } from './boilerplate.js';
import { findPublishedDate } from './published-date.js';

export interface ArticleParts {
  source: string;
  kind: SourceKind;
  title: string | null;
  /** From metadata (feed, JSONL field, HTML meta): beats a date written in the text. */
  published: string | null;
  url: string | null;
  body: string;
  encoding: string | null;
  warnings: string[];
}

export function finishArticle(parts: ArticleParts): RawArticle {
  const warnings = [...parts.warnings];
  const text = parts.body.replace(/\r\n?/g, '\n');
  const { body, removed } = removeBoilerplate(text);
  if (removed.length) warnings.push(`boilerplate removed: ${removed.length} line(s)`);
  let published = parts.published;
  if (!published) {
    // Only the kept text: a date inside a dropped "related articles" block is another article's.
    published = findPublishedDate(body);
    if (published) warnings.push('publication date taken from a date line in the text');
  }
  const title = parts.title?.replace(/\s+/g, ' ').trim() || null;
  return {
    source: parts.source,
    kind: parts.kind,
    title,
    published,
    url: parts.url,
    body,
    encoding: parts.encoding,
    warnings,
  };
}
