import type { Span } from '../model/index.js';

// The matching form of Arabic text. Never stored in place of the cleaned text: it is derived, and
// normalizeArabic keeps a map from every normalised character back to the input so a match found
// in the normalised form (a gazetteer hit on «الامم المتحده») becomes a span of the original
// («الأُمَم المتّحدة»).
//
// Every rule is a per-code-unit rewrite (keep / drop / replace by a string), compiled once into a
// table per option set. Per-character rules are what make the map exact, and they also make the
// result independent of NFC/NFD: «أ» written as ا + U+0654 gives ا either way.

export interface NormalizeOptions {
  /** ة → ه, so «القاهرة» and the common misspelling «القاهره» meet. Default true. */
  taMarbuta?: boolean;
  /** ، ؛ ؟ ۔ ٪ → , ; ? . % Default true. */
  punctuation?: boolean;
  /** ٠-٩ and ۰-۹ → 0-9, ٫ → . and ٬ → , Default true. */
  digits?: boolean;
  /** A-Z → a-z (ASCII only, so the map stays 1:1). Default true. */
  latinLowercase?: boolean;
}

export interface NormalizedText {
  /** The normalised string. */
  text: string;
  /** Offset in the input of normalised offset i (i = text.length gives input.length). */
  toOriginal(i: number): number;
  /** The input range a normalised half-open range [start, end) came from. */
  toOriginalRange(start: number, end: number): Span;
}

// Actions per code unit.
const KEEP = 0;
/** Dropped, and the input range of the previous kept character grows over it: a word's span in
 * the original then includes its trailing harakat («كتابٌ», not «كتاب» + stray tanween). */
const DROP_MARK = 1;
/** Dropped without attaching (zero-width and bidi controls belong to no word). */
const DROP = 2;
const REPLACE = 3;

interface Table {
  action: Uint8Array;
  replacement: string[];
}

const ALEF = 'ا';
const YA = 'ي';
const WAW = 'و';
const HA = 'ه';
const KAF = 'ك';

/** Letter folds independent of options. Persian/Urdu letters meet their Arabic look-alikes, so
 * «کابل» (Persian kaf) and «كابل» are one key; ی (Farsi yeh) and ى (alef maksura) both become ي,
 * because Egyptian usage writes final ي as ى («مصرى» = «مصري»). */
const LETTER_FOLDS: [number, string][] = [
  [0x0622, ALEF], // آ
  [0x0623, ALEF], // أ
  [0x0625, ALEF], // إ
  [0x0671, ALEF], // ٱ alef wasla
  [0x0672, ALEF], // ٲ
  [0x0673, ALEF], // ٳ
  [0x0675, ALEF], // ٵ
  [0x0649, YA], // ى alef maksura
  [0x0626, YA], // ئ
  [0x0678, YA], // ٸ
  [0x06cc, YA], // ی Farsi yeh
  [0x06cd, YA], // ۍ
  [0x06ce, YA], // ێ
  [0x06d0, YA], // ې
  [0x06d1, YA], // ۑ
  [0x06d2, YA], // ے Urdu yeh barree
  [0x06d3, YA], // ۓ
  [0x063d, YA], // ؽ
  [0x063e, YA], // ؾ
  [0x063f, YA], // ؿ
  [0x0624, WAW], // ؤ
  [0x0676, WAW], // ٶ
  [0x0677, WAW], // ٷ
  [0x06c4, WAW],
  [0x06c5, WAW],
  [0x06c6, WAW], // ۆ
  [0x06c7, WAW], // ۇ
  [0x06c8, WAW], // ۈ
  [0x06c9, WAW],
  [0x06ca, WAW],
  [0x06cb, WAW], // ۋ
  [0x06cf, WAW],
  [0x06c0, HA], // ۀ
  [0x06c1, HA], // ہ
  [0x06c2, HA], // ۂ
  [0x06be, HA], // ھ heh doachashmee
  [0x06d5, HA], // ە
  [0x06ff, HA], // ۿ
  [0x06c3, 'ة'], // ۃ
  [0x06a9, KAF], // ک Persian keheh
  [0x06aa, KAF], // ڪ
  [0x06ab, KAF],
  [0x06af, KAF], // گ: Persian gaf; arclean also folds it to ك
  [0x06ad, KAF], // ڭ Maghrebi «g»
  [0x063b, KAF], // ػ
  [0x063c, KAF], // ؼ
  [0x067e, 'ب'], // پ «Pakistan» in Persian/Urdu spelling
  [0x066e, 'ب'], // ٮ dotless beh
  [0x0686, 'ج'], // چ
  [0x0698, 'ز'], // ژ
  [0x06a4, 'ف'], // ڤ: «ڤاغنر» and «فاغنر» must meet
  [0x06a1, 'ف'], // ڡ dotless feh
  [0x06a8, 'ق'], // ڨ Algerian «g»
  [0x066f, 'ق'], // ٯ dotless qaf
  [0x0679, 'ت'], // ٹ
  [0x0688, 'د'], // ڈ
  [0x0691, 'ر'], // ڑ
  [0x06ba, 'ن'], // ں
  // Pashto, Sindhi, Kurdish, Maghrebi and other extended letters: to the base letter their
  // Unicode name gives («REH WITH SMALL V» → ر, «FEH WITH DOT MOVED BELOW» ڢ → ف).
  [0x067a, 'ت'],
  [0x067b, 'ب'],
  [0x067c, 'ت'],
  [0x067d, 'ث'],
  [0x067f, 'ت'],
  [0x0680, 'ب'],
  [0x0681, 'ح'],
  [0x0682, 'ح'],
  [0x0683, 'ج'],
  [0x0684, 'ج'],
  [0x0685, 'ح'],
  [0x0687, 'ج'],
  [0x06bf, 'ج'],
  ...range(0x0689, 0x0690, 'د'),
  [0x06ee, 'د'],
  ...range(0x0692, 0x0696, 'ر'),
  [0x06ef, 'ر'],
  [0x0697, 'ز'],
  [0x0699, 'ز'],
  [0x069a, 'س'],
  [0x069b, 'س'],
  [0x069c, 'ش'],
  [0x06fa, 'ش'],
  [0x069d, 'ص'],
  [0x069e, 'ض'],
  [0x06fb, 'ض'],
  [0x069f, 'ظ'],
  [0x06a0, 'غ'],
  [0x06fc, 'غ'],
  [0x06a2, 'ف'], // Maghrebi feh
  [0x06a3, 'ف'],
  [0x06a5, 'ف'],
  [0x06a6, 'ف'],
  [0x06a7, 'ق'], // Maghrebi qaf
  [0x06ac, KAF],
  [0x06ae, KAF],
  ...range(0x06b0, 0x06b4, KAF),
  ...range(0x06b5, 0x06b8, 'ل'),
  [0x06b9, 'ن'],
  [0x06bb, 'ن'],
  [0x06bc, 'ن'],
  [0x06bd, 'ن'],
];

function range(from: number, to: number, s: string): [number, string][] {
  const out: [number, string][] = [];
  for (let c = from; c <= to; c++) out.push([c, s]);
  return out;
}

/** Invisible format characters: dropped wherever they are (they also never survive cleanText). */
function isInvisible(c: number): boolean {
  return (
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) ||
    (c >= 0x2066 && c <= 0x206f) || // isolates, and the deprecated U+206A–206F shaping controls
    c === 0xfeff ||
    c === 0x061c ||
    c === 0x00ad ||
    c === 0x180e
  );
}

function isUnicodeSpace(c: number): boolean {
  return (
    c === 0x00a0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Harakat, Quranic marks and tatweel: «مُتَمَرِّدـين» → «متمردين». */
function isDroppedMark(c: number): boolean {
  return (
    (c >= 0x064b && c <= 0x065f) ||
    c === 0x0670 ||
    c === 0x0674 || // ٴ high hamza (Kazakh, Uyghur)
    c === 0x0640 ||
    (c >= 0x0610 && c <= 0x061a) ||
    (c >= 0x06d6 && c <= 0x06ed)
  );
}

function isPresentationForm(c: number): boolean {
  return (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefe);
}

function buildTable(o: Required<NormalizeOptions>): Table {
  const action = new Uint8Array(0x10000);
  const replacement: string[] = new Array<string>(0x10000).fill('');
  const set = (c: number, s: string): void => {
    action[c] = REPLACE;
    replacement[c] = s;
  };
  for (let c = 0; c < 0x10000; c++) {
    if (isDroppedMark(c)) action[c] = DROP_MARK;
    else if (isInvisible(c)) action[c] = DROP;
    else if (isUnicodeSpace(c)) set(c, ' ');
  }
  for (const [code, s] of LETTER_FOLDS) set(code, s);
  if (o.taMarbuta) {
    set(0x0629, HA);
    set(0x06c3, HA); // ۃ folds to ة above, and so on to ه
  }
  if (o.digits) {
    for (let d = 0; d < 10; d++) {
      set(0x0660 + d, String(d));
      set(0x06f0 + d, String(d));
    }
    set(0x066b, '.'); // ٫ Arabic decimal separator: «٣٫٥» → «3.5»
    set(0x066c, ','); // ٬ Arabic thousands separator
  }
  if (o.punctuation) {
    set(0x060c, ','); // ،
    set(0x061b, ';'); // ؛
    set(0x061f, '?'); // ؟
    set(0x06d4, '.'); // ۔ Urdu full stop
    set(0x066a, '%'); // ٪
  }
  if (o.latinLowercase) for (let c = 0x41; c <= 0x5a; c++) set(c, String.fromCharCode(c + 32));

  // Presentation forms (FB50–FDFF, FE70–FEFE) come from PDFs and old encoders: «ﻻ» is one code
  // unit for ل + ا, «ﺍﻟﻘﺪﺱ» is القدس. NFKC gives the base letters; the rules above then apply to
  // each of them (ﻷ → لأ → لا). A form that is only a mark (ﹰ = space + fathatan) is dropped.
  const base = (s: string): string => {
    let out = '';
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const a = action[c];
      if (a === KEEP) out += s[i];
      else if (a === REPLACE) out += replacement[c];
    }
    return out;
  };
  for (let c = 0; c < 0x10000; c++) {
    if (!isPresentationForm(c) || c === 0xfeff) continue;
    const ch = String.fromCharCode(c);
    const nfkc = ch.normalize('NFKC');
    if (nfkc === ch) continue;
    const mapped = base(nfkc);
    if (mapped.trim() === '') action[c] = DROP_MARK;
    else set(c, mapped);
  }
  return { action, replacement };
}

const tables = new Map<string, Table>();

function tableFor(options: NormalizeOptions | undefined): Table {
  const o: Required<NormalizeOptions> = {
    taMarbuta: options?.taMarbuta ?? true,
    punctuation: options?.punctuation ?? true,
    digits: options?.digits ?? true,
    latinLowercase: options?.latinLowercase ?? true,
  };
  const key = `${+o.taMarbuta}${+o.punctuation}${+o.digits}${+o.latinLowercase}`;
  let t = tables.get(key);
  if (!t) {
    t = buildTable(o);
    tables.set(key, t);
  }
  return t;
}

/**
 * The matching form, without an offset map: for dictionary keys (KB aliases, lexicons) and for
 * comparing words. Always the same string as `normalizeArabic(s, options).text`.
 */
export function normalizeForMatch(s: string, options?: NormalizeOptions): string {
  const { action, replacement } = tableFor(options);
  const n = s.length;
  let i = 0;
  while (i < n && action[s.charCodeAt(i)] === KEEP) i++;
  if (i === n) return s; // nothing to change: the common case for already-normalised keys
  let out = s.slice(0, i);
  let run = -1; // start of a pending run of kept characters
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    const a = action[c];
    if (a === KEEP) {
      if (run < 0) run = i;
      continue;
    }
    if (run >= 0) {
      out += s.slice(run, i);
      run = -1;
    }
    if (a === REPLACE) out += replacement[c];
  }
  if (run >= 0) out += s.slice(run);
  return out;
}

/**
 * The matching form with an offset map back to `input`. Handles 1→n (ﻻ → لا: both letters map
 * to the one ligature), n→1 (ا + U+0654 → ا) and deletions (harakat join the letter before them).
 */
export function normalizeArabic(input: string, options?: NormalizeOptions): NormalizedText {
  const { action, replacement } = tableFor(options);
  const n = input.length;
  let i = 0;
  while (i < n && action[input.charCodeAt(i)] === KEEP) i++;
  if (i === n) {
    const clamp = (k: number): number => (k < 0 ? 0 : Math.min(k, n));
    return {
      text: input,
      toOriginal: clamp,
      toOriginalRange: (start, end) => ({ start: clamp(start), end: clamp(Math.max(start, end)) }),
    };
  }
  let starts = new Int32Array(n + 16);
  let ends = new Int32Array(n + 16);
  let len = 0;
  const grow = (need: number): void => {
    if (need <= starts.length) return;
    const size = Math.max(need, starts.length * 2);
    const s2 = new Int32Array(size);
    s2.set(starts.subarray(0, len));
    const e2 = new Int32Array(size);
    e2.set(ends.subarray(0, len));
    starts = s2;
    ends = e2;
  };
  const parts: string[] = [];
  let run = -1;
  for (let j = 0; j < n; j++) {
    const c = input.charCodeAt(j);
    const a = action[c];
    if (a === KEEP) {
      if (run < 0) run = j;
      starts[len] = j;
      ends[len] = j + 1;
      len++;
      continue;
    }
    if (run >= 0) {
      parts.push(input.slice(run, j));
      run = -1;
    }
    if (a === REPLACE) {
      const r = replacement[c]!;
      grow(len + r.length + (n - j) + 16); // room for the rest at one unit each
      for (let k = 0; k < r.length; k++) {
        starts[len] = j;
        ends[len] = j + 1;
        len++;
      }
      parts.push(r);
    } else if (a === DROP_MARK && len > 0) {
      ends[len - 1] = j + 1;
    }
  }
  if (run >= 0) parts.push(input.slice(run));
  const text = parts.join('');
  const finalStarts = starts;
  const finalEnds = ends;
  const toOriginal = (k: number): number => (k >= len ? n : finalStarts[Math.max(k, 0)]!);
  return {
    text,
    toOriginal,
    toOriginalRange(start, end) {
      if (start < 0) start = 0;
      if (end > len) end = len;
      if (end <= start) {
        const p = toOriginal(start);
        return { start: p, end: p };
      }
      return { start: finalStarts[start]!, end: finalEnds[end - 1]! };
    },
  };
}
