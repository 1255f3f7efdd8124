// The slice of the DOM that ingest uses, typed here because the project does not load the DOM lib
// (linkedom's own types refer to global Window/Document that do not exist under lib ES2023).
import { parseHTML } from 'linkedom';

export interface DomNode {
  nodeType: number;
  localName?: string;
  nodeValue: string | null;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
}

export interface DomElement extends DomNode {
  tagName: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}

export interface DomDocument {
  documentElement: DomElement | null;
  body: DomElement | null;
  head: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function parseDocument(html: string): DomDocument {
  return (parseHTML(html) as unknown as { document: DomDocument }).document;
}

/**
 * A fragment (a feed item's content:encoded, a JSONL "html" field) wrapped in a document, since
 * linkedom only builds <html>/<body> for input that has them.
 */
export function parseFragment(html: string): DomDocument {
  return parseDocument(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
}

/** Elements whose contents are never article text. */
export const NON_TEXT_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'head',
  'title',
  'select',
  'option',
  'button',
]);

export function removeNonText(doc: DomDocument): void {
  const doomed = Array.from(
    doc.querySelectorAll([...NON_TEXT_TAGS].filter((t) => t !== 'head' && t !== 'title').join(',')),
  );
  for (const el of doomed) el.remove();
}

/**
 * Where the text is: <body>, or — for tag soup without <html>/<body>, which linkedom does not
 * repair ("<!doctype html><title>…</title><p>…") — the whole document (head and title skipped).
 */
export function textRoot(doc: DomDocument): DomNode {
  const body = doc.body;
  if (body && (body.textContent ?? '').trim()) return body;
  return doc as unknown as DomNode;
}

/** Depth and element count of the tree, walked without recursion (a 5,000-deep page is legal HTML). */
export function measureTree(root: DomNode): { depth: number; elements: number } {
  let depth = 0;
  let elements = 0;
  const stack: Array<[DomNode, number]> = [[root, 1]];
  while (stack.length) {
    const [node, d] = stack.pop()!;
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9) continue;
    elements++;
    if (d > depth) depth = d;
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) stack.push([kids[i]!, d + 1]);
  }
  return { depth, elements };
}
