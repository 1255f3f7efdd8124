// DOM → plain text that keeps the paragraph structure: a blank line between <p>, headings and
// other blocks, a single newline for <br> and between list items and table rows. Walked with an
// explicit stack so that pathological nesting cannot overflow the call stack.
import { type DomNode, ELEMENT_NODE, NON_TEXT_TAGS, TEXT_NODE } from './dom.js';

const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'blockquote',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'dl',
  'table',
  'figure',
  'figcaption',
  'address',
  'hr',
  'form',
  'fieldset',
  'details',
  'summary',
]);
/** Blocks that sit one line apart rather than a paragraph apart. */
const LINE = new Set(['li', 'tr', 'dt', 'dd', 'option', 'caption']);
const CELL = new Set(['td', 'th']);

type Op = { node: DomNode } | { close: 'para' | 'line' | 'cell' } | { endPre: true };

export function domToText(root: DomNode): string {
  const out: string[] = [];
  // A pending break is written before the next text; breaks collapse, the strongest wins.
  let pending: 0 | 1 | 2 = 0; // none, newline, blank line
  let inPre = 0;
  const brk = (level: 1 | 2) => {
    if (level > pending) pending = level;
  };
  const emit = (s: string) => {
    if (!s) return;
    if (out.length && pending) out.push(pending === 2 ? '\n\n' : '\n');
    pending = 0;
    out.push(s);
  };

  const stack: Op[] = [{ node: root }];
  while (stack.length) {
    const op = stack.pop()!;
    if ('endPre' in op) {
      inPre--;
      brk(2);
      continue;
    }
    if ('close' in op) {
      if (op.close === 'cell') emit(' ');
      else brk(op.close === 'para' ? 2 : 1);
      continue;
    }
    const node = op.node;
    if (node.nodeType === TEXT_NODE) {
      const raw = node.nodeValue ?? '';
      if (inPre > 0) emit(raw);
      else {
        // Inline whitespace collapses; text that is only whitespace is a word gap at most.
        const t = raw.replace(/[\s\u00a0]+/g, ' ');
        if (t === ' ') {
          if (out.length && !pending && !out[out.length - 1]!.endsWith(' ')) out.push(' ');
        } else emit(t);
      }
      continue;
    }
    // Elements, the document (9) and fragments (11); comments and the rest carry no text.
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const tag = (node.localName ?? '').toLowerCase();
    if (NON_TEXT_TAGS.has(tag)) continue;
    if (tag === 'br') {
      brk(1);
      continue;
    }
    if (tag === 'pre') {
      brk(2);
      inPre++;
      stack.push({ endPre: true });
    } else {
      const kind = BLOCK.has(tag) ? 'para' : LINE.has(tag) ? 'line' : CELL.has(tag) ? 'cell' : null;
      if (kind === 'para') brk(2);
      else if (kind === 'line') brk(1);
      if (kind) stack.push({ close: kind });
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]! });
  }
  return tidy(out.join(''));
}

/** Trim each line, drop spaces around newlines, at most one blank line in a row. */
export function tidy(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
