// Compares CAMeL Tools' `arclean` character map with Marsad's text layer, character by character.
//   tsx scripts/compare-arclean.ts [--all]
// Reads ../shared/data/camel_tools_charmaps/arclean_map.json (MIT, see its SOURCE.md) when it
// exists; exits 0 with a message otherwise. For every code point the map names, it sets what
// arclean produces beside what normalizeForMatch (the matching form) and cleanText (the stored
// form) produce, and counts agreement by category. Differences are printed (all of them with --all,
// otherwise up to 12 per category).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanText, normalizeForMatch } from '../src/text/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const mapPath = join(here, '..', '..', 'shared', 'data', 'camel_tools_charmaps', 'arclean_map.json');
const showAll = process.argv.includes('--all');

if (!existsSync(mapPath)) {
  console.log(`arclean map not found at ${mapPath}: nothing to compare.`);
  process.exit(0);
}

interface CharMapFile {
  default: string | null;
  charMap: Record<string, string | null>;
}
const file = JSON.parse(readFileSync(mapPath, 'utf8')) as CharMapFile;

// Expand the map as camel_tools' CharMapper does: keys are one character or an "a-b" range, in
// file order, a later key overriding an earlier one; null = keep, "" = delete.
const arclean = new Map<number, string | null>();
for (const [key, value] of Object.entries(file.charMap)) {
  const cps = [...key];
  if (cps.length === 1) arclean.set(cps[0]!.codePointAt(0)!, value);
  else if (cps.length === 3 && cps[1] === '-') {
    for (let c = cps[0]!.codePointAt(0)!; c <= cps[2]!.codePointAt(0)!; c++) arclean.set(c, value);
  } else throw new Error(`unexpected charMap key ${JSON.stringify(key)}`);
}

function category(c: number): string {
  if (c === 0x0640 || (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x0610 && c <= 0x061a))
    return 'harakat & tatweel';
  if (c >= 0x06d6 && c <= 0x06ed) return 'Quranic marks';
  if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9)) return 'digits';
  if (c >= 0x0621 && c <= 0x064a) return 'Arabic letters';
  if (c >= 0x0600 && c <= 0x06ff) return 'Arabic block: other (punctuation, extended letters)';
  if (c >= 0xfb50 && c <= 0xfeff) return 'presentation forms';
  if (c <= 0x7e || (c >= 0xa0 && c <= 0xff)) return 'ASCII & Latin-1';
  if (
    (c >= 0x2000 && c <= 0x200f) ||
    (c >= 0x2028 && c <= 0x206f) ||
    c === 0x1680 ||
    c === 0x180e ||
    c === 0x3000
  )
    return 'spaces & format characters';
  return 'other punctuation & symbols';
}

const show = (s: string): string =>
  s === ''
    ? '∅'
    : [...s]
        .map((ch) => {
          const c = ch.codePointAt(0)!;
          return c < 0x21 || (c >= 0x7f && c <= 0xa0) || (c >= 0x2000 && c <= 0x206f) || c === 0xfeff
            ? `U+${c.toString(16).toUpperCase().padStart(4, '0')}`
            : ch;
        })
        .join(' ');

interface Row {
  agree: number;
  differ: { cp: number; arclean: string; ours: string; clean: string }[];
}
const rows = new Map<string, Row>();
let total = 0;
let cleanAgrees = 0;
for (const [cp, value] of [...arclean].sort((a, b) => a[0] - b[0])) {
  const ch = String.fromCodePoint(cp);
  const theirs = value === null ? ch : value;
  // Compare inside a word so that trimming does not hide what happens to a space: «ب·X·ب».
  const ours = normalizeForMatch(`ب${ch}ب`).slice(1, -1);
  const cleaned = cleanText(`ب${ch}ب`).slice(1, -1);
  // arclean's output is itself Arabic: fold it with our matching form before comparing, so that
  // «ی → ى» (arclean) and «ی → ي» (ours) count as agreeing when they meet after folding.
  const theirsFolded = normalizeForMatch(`ب${theirs}ب`).slice(1, -1);
  const cat = category(cp);
  const row = rows.get(cat) ?? { agree: 0, differ: [] };
  rows.set(cat, row);
  total++;
  if (cleaned === theirs) cleanAgrees++;
  if (ours === theirsFolded) row.agree++;
  else row.differ.push({ cp, arclean: theirs, ours, clean: cleaned });
}

let agree = 0;
for (const r of rows.values()) agree += r.agree;
console.log(
  `arclean maps ${total} code points (${file.default === '' ? 'and deletes every other' : 'and keeps others'}).`,
);
console.log(
  `normalizeForMatch agrees on ${agree}, differs on ${total - agree} (after folding arclean's output).`,
);
console.log(
  `cleanText (stored form, no folding by design) gives arclean's exact output for ${cleanAgrees}.\n`,
);
for (const [cat, r] of [...rows].sort((a, b) => b[1].differ.length - a[1].differ.length)) {
  console.log(`${cat}: ${r.agree} agree, ${r.differ.length} differ`);
  for (const d of showAll ? r.differ : r.differ.slice(0, 12)) {
    const code = `U+${d.cp.toString(16).toUpperCase().padStart(4, '0')}`;
    console.log(
      `  ${code} ${show(String.fromCodePoint(d.cp))}  arclean: ${show(d.arclean)}  ours: ${show(d.ours)}  cleanText: ${show(d.clean)}`,
    );
  }
  if (!showAll && r.differ.length > 12) console.log(`  … ${r.differ.length - 12} more (--all)`);
}
