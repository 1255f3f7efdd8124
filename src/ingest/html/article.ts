// HTML page (or fragment) → title, date, canonical URL and plain-text body.
import { Readability } from '@mozilla/readability';
import { MarsadError } from '../../model/index.js';
import { findPublishedDate } from '../published-date.js';
import {
  type DomDocument,
  type DomNode,
  measureTree,
  parseDocument,
  parseFragment,
  removeNonText,
  textRoot,
} from './dom.js';
import { domToText } from './dom-text.js';
import { extractCanonicalUrl, extractPublished, extractTitle } from './metadata.js';

export interface HtmlArticle {
  title: string | null;
  /** From metadata only; the caller may still find a date line in the body. */
  published: string | null;
  url: string | null;
  body: string;
  warnings: string[];
}

export interface HtmlOptions {
  source: string;
  /** The URL the page came from: base for relative links and the fallback canonical URL. */
  url?: string | null;
  /** A fragment (feed item content) rather than a page: no <head> metadata to read. */
  fragment?: boolean;
}

// Readability recurses over the tree: measured on this machine, 5,000 nested <div>s take minutes
// and then overflow the stack. Past these limits the plain body walk (iterative) is used instead.
const MAX_READABILITY_DEPTH = 300;
const MAX_READABILITY_ELEMENTS = 30_000;
const MAX_READABILITY_CHARS = 3_000_000;
/** Readability output shorter than this is a miss (a caption, a byline): use the body instead. */
const MIN_READABILITY_CHARS = 80;

function readabilityText(html: string, fragment: boolean): string | null {
  const doc = fragment ? parseFragment(html) : parseDocument(html);
  removeNonText(doc);
  try {
    const reader = new Readability(doc as unknown as ConstructorParameters<typeof Readability>[0], {
      serializer: (node: unknown) => node,
    });
    const result = reader.parse();
    const content = result?.content as DomNode | null | undefined;
    return content ? domToText(content) : null;
  } catch {
    return null; // Readability is a heuristic; any failure means "use the body walk"
  }
}

function bodyText(doc: DomDocument): string {
  return domToText(textRoot(doc));
}

export function htmlToArticle(html: string, opts: HtmlOptions): HtmlArticle {
  const warnings: string[] = [];
  const fragment = opts.fragment ?? false;
  let doc: DomDocument;
  try {
    doc = fragment ? parseFragment(html) : parseDocument(html);
  } catch (e) {
    throw new MarsadError('E_HTML', `${opts.source}: HTML could not be parsed`, {
      cause: e,
      input: opts.source,
    });
  }
  const title = fragment ? null : extractTitle(doc);
  const published = fragment ? null : extractPublished(doc);
  const url = fragment ? (opts.url ?? null) : extractCanonicalUrl(doc, opts.url ?? null);

  removeNonText(doc);
  const fallback = bodyText(doc);
  let body = fallback;
  const size = measureTree(textRoot(doc));
  if (fragment) {
    // A feed item's content is already the article: nothing for Readability to find.
  } else if (
    size.depth > MAX_READABILITY_DEPTH ||
    size.elements > MAX_READABILITY_ELEMENTS ||
    html.length > MAX_READABILITY_CHARS
  ) {
    warnings.push(
      `HTML too deep or large for article extraction (depth ${size.depth}, ${size.elements} elements): used the whole body text`,
    );
  } else {
    const main = readabilityText(html, false);
    if (main && main.length >= MIN_READABILITY_CHARS) body = main;
  }
  if (!body.trim()) {
    throw new MarsadError('E_HTML', `${opts.source}: the HTML has no article text`, { input: opts.source });
  }
  let date = published?.date ?? null;
  if (!date && body !== fallback) {
    // Readability often leaves the dateline out (it sits above <article>, next to the byline):
    // look for it near the top of the whole page's text too.
    date = findPublishedDate(body) ?? findPublishedDate(fallback);
    if (date) warnings.push('publication date taken from a date line in the page text');
  }
  return { title, published: date, url, body, warnings };
}
