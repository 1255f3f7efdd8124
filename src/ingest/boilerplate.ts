// Boilerplate in pasted web pages: link lists ("اقرأ أيضاً:" + headlines), share/navigation chrome
// ("شارك · تويتر · فيسبوك"), teaser lines. Generic rules, cue words in data/lexicons/boilerplate.json.
// What must survive: ordinary paragraphs, a list inside the article (between paragraphs, or
// introduced by a sentence ending in ":"), and the headline (a short first line).
import { matchKey } from './chars.js';
import { loadBoilerplateLexicon } from './lexicons.js';

export interface BoilerplateResult {
  body: string;
  /** The removed lines, trimmed, in text order. */
  removed: string[];
}

/** "• …", "- …", "* …", "▪ …", "1. …", "(2) …", "٣- …". */
const LIST_ITEM = /^\s*(?:[•·\-*▪●◦■►▸–—]|\(?[0-9\u0660-\u0669]{1,2}[.)-])\s*(?=\S)/;
/** A link headline: a handful of words, not a paragraph. */
const MAX_HEADLINE_WORDS = 18;
const MAX_HEADLINE_CHARS = 140;
/** A cue heading is short: "اقرأ أيضاً:", "مواضيع ذات صلة". */
const MAX_HEADING_WORDS = 6;

interface Cues {
  headings: Set<string>;
  inlinePrefixes: string[];
  navSingle: Set<string>;
  navMulti: string[];
}

let cues: Cues | undefined;

function getCues(): Cues {
  if (cues) return cues;
  const lex = loadBoilerplateLexicon();
  const nav = lex.navWords.map(matchKey).filter(Boolean);
  cues = {
    headings: new Set(lex.headings.map(headingKey)),
    inlinePrefixes: lex.inlinePrefixes.map(matchKey).sort((a, b) => b.length - a.length),
    navSingle: new Set(nav.filter((w) => !w.includes(' '))),
    navMulti: nav.filter((w) => w.includes(' ')).sort((a, b) => b.length - a.length),
  };
  return cues;
}

/** matchKey without the punctuation a heading wears: "اقرأ أيضاً:" → "اقرا ايضا". */
function headingKey(line: string): string {
  return matchKey(line.replace(/[:：.…»«"'“”()[\]\-–—|/\\!؟?،,؛;>]+/g, ' '));
}

function wordCount(s: string): number {
  const t = s.trim();
  return t ? t.split(/\s+/).length : 0;
}

const isListItem = (line: string): boolean => LIST_ITEM.test(line);

function isHeadlineLike(line: string): boolean {
  const t = line.replace(LIST_ITEM, '').trim();
  if (!t || t.length > MAX_HEADLINE_CHARS || wordCount(t) > MAX_HEADLINE_WORDS) return false;
  // Two full sentences are a paragraph, not a link title.
  return (t.match(/[.!؟?](?:\s|$)/g) ?? []).length < 2;
}

function isCueHeading(line: string): boolean {
  if (wordCount(line) > MAX_HEADING_WORDS) return false;
  return getCues().headings.has(headingKey(line));
}

/** "اقرأ أيضاً: عنوان مقال آخر" on one line. */
function isInlineTeaser(line: string): boolean {
  const key = matchKey(line.replace(LIST_ITEM, ''));
  if (wordCount(key) > MAX_HEADLINE_WORDS + 4) return false;
  return getCues().inlinePrefixes.some(
    (p) => key.startsWith(p) && /^[\s:：\-–—|»]/.test(key.slice(p.length)),
  );
}

/** A line made only of share/navigation words, or a breadcrumb "الرئيسية › أخبار › سياسة". */
function isNavLine(line: string): boolean {
  const c = getCues();
  let key = ` ${matchKey(line).replace(/[|/\\·•>»«‹›\-–—,،:()[\]]+/g, ' ')} `;
  const first = key.trim().split(' ')[0] ?? '';
  if (
    c.navSingle.has(first) &&
    /[>»›/|]/.test(line) &&
    wordCount(line) <= 10 &&
    (first === matchKey('الرئيسية') || first === 'home')
  ) {
    return true;
  }
  if (key.trim() === '') return false; // "* * *" is a section break, not chrome
  for (const m of c.navMulti) key = key.split(` ${m} `).join('  ');
  const words = key.trim().split(/\s+/).filter(Boolean);
  return words.every((w) => c.navSingle.has(w));
}

export function removeBoilerplate(text: string): BoilerplateResult {
  const lines = text.split('\n');
  const n = lines.length;
  const drop = new Array<boolean>(n).fill(false);
  const blank = (i: number) => lines[i]!.trim() === '';
  const live = (i: number) => !drop[i] && !blank(i);

  // (c) share / navigation chrome.
  for (let i = 0; i < n; i++) if (!blank(i) && isNavLine(lines[i]!)) drop[i] = true;

  // (a)+(b) a cue heading and the link list after it. Bulleted items may be spaced by blank
  // lines; un-bulleted headline lines must follow without a gap.
  for (let i = 0; i < n; i++) {
    if (drop[i] || blank(i) || !isCueHeading(lines[i]!)) continue;
    drop[i] = true;
    let j = i + 1;
    while (j < n) {
      if (blank(j)) {
        let k = j;
        while (k < n && blank(k)) k++;
        if (k < n && isListItem(lines[k]!) && isHeadlineLike(lines[k]!)) {
          j = k;
          continue;
        }
        break;
      }
      if (!isHeadlineLike(lines[j]!)) break;
      drop[j] = true;
      j++;
    }
  }

  // (b) a teaser line; near the end it takes the short lines after it along.
  for (let i = 0; i < n; i++) {
    if (drop[i] || blank(i) || !isInlineTeaser(lines[i]!)) continue;
    drop[i] = true;
    const after: number[] = [];
    for (let j = i + 1; j < n; j++) if (live(j)) after.push(j);
    if (after.every((j) => isHeadlineLike(lines[j]!))) for (const j of after) drop[j] = true;
  }

  // (a) a run of ≥ 2 headline-like list items with nothing but chrome before it (top of the page)
  // or after it (bottom). A list introduced by a sentence ending in ":" is the article's own.
  const runs = listRuns(lines, drop);
  for (const run of runs) {
    if (run.length < 2 || !run.every((i) => isHeadlineLike(lines[i]!))) continue;
    const first = run[0]!;
    const last = run[run.length - 1]!;
    let atStart = true;
    for (let k = 0; k < first; k++) if (live(k)) atStart = false;
    let atEnd = true;
    for (let k = last + 1; k < n; k++) if (live(k)) atEnd = false;
    if (!atStart && !atEnd) continue;
    if (!atStart) {
      let prev = first - 1;
      while (prev >= 0 && !live(prev)) prev--;
      if (prev >= 0 && /[:：]\s*$/.test(lines[prev]!)) continue;
    }
    for (const i of run) drop[i] = true;
  }

  // Never turn an article into nothing: if every line went, the "boilerplate" was the text.
  if (!lines.some((_, i) => live(i))) return { body: text.trim(), removed: [] };

  const removed: string[] = [];
  const kept: string[] = [];
  for (let i = 0; i < n; i++) {
    if (drop[i]) {
      if (!blank(i)) removed.push(lines[i]!.trim());
      continue;
    }
    // A removed block leaves one blank line, not a stack of them.
    if (blank(i) && (kept.length === 0 || kept[kept.length - 1]!.trim() === '')) continue;
    kept.push(lines[i]!);
  }
  while (kept.length > 0 && kept[kept.length - 1]!.trim() === '') kept.pop();
  return { body: removed.length === 0 ? text.trim() : kept.join('\n').trim(), removed };
}

/** Maximal runs of list-item lines not yet dropped; blank lines between items do not break a run. */
function listRuns(lines: string[], drop: boolean[]): number[][] {
  const runs: number[][] = [];
  let cur: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || drop[i]) continue;
    if (isListItem(line)) cur.push(i);
    else if (cur.length) {
      runs.push(cur);
      cur = [];
    }
  }
  if (cur.length) runs.push(cur);
  return runs;
}
