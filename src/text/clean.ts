// The cleaned text: made once at ingest, never changed afterwards; every offset Marsad stores
// points into it. Cleaning only removes what no reader can see (bidi marks, zero-width
// characters, stray controls) and evens out white space. It never touches letters or harakat —
// «مُتَمَرِّدين» stays as written; folding is normalisation's job (normalize.ts).

/** Invisible format characters and C0/C1 controls other than \t \n (and those turned into \n). */
const INVISIBLE =
  /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;

/** Line breaks that are not \n. VT, FF, NEL and U+2028 become a line break, not nothing:
 * deleting the form feed in «الأولى\fالثانية» would glue two words into one. */
const OTHER_LINE_BREAK = /[\u000B\u000C\u0085\u2028]/g;

/** Runs of horizontal space: tab, NBSP (common in pasted news: «١٢ أيار»), and the U+2000 family. */
const SPACE_RUN = /[ \t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

/**
 * Cleans an article's text: LF line ends; zero-width, bidi and control characters removed;
 * Unicode spaces → one space; each line trimmed; at most one blank line in a row; NFC; trimmed.
 * Idempotent: cleanText(cleanText(x)) === cleanText(x).
 */
export function cleanText(input: string): string {
  let s = input;
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  s = s.replace(INVISIBLE, '').replace(OTHER_LINE_BREAK, '\n').replaceAll('\u2029', '\n\n');
  // NFC after the removals: a bidi mark between ا and U+0654 hid a composition (→ أ) that a second
  // pass would otherwise make, and idempotence would break. NFC never creates white space or
  // controls, so the white-space steps below need not be repeated.
  s = s.normalize('NFC');
  s = s.replace(SPACE_RUN, ' ');
  if (s.includes('\n')) {
    s = s
      .split('\n')
      .map((line) => line.trim())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n');
  }
  return s.trim();
}
