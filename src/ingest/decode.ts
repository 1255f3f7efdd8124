// Bytes → string. Order: BOM, then binary checks, then the declared charset (HTTP header, then
// <meta>/XML declaration) — trusted only if it decodes cleanly — then content: valid UTF-8 is
// UTF-8, otherwise the best-scoring of windows-1256 / ISO-8859-6 / jschardet's guess.
import jschardet from 'jschardet';
import { MarsadError } from '../model/index.js';
import { classifyNuls, sniffMagic } from './binary.js';
import { countArabicLetters } from './chars.js';
import { canonicalEncoding, charsetFromContentType, declaredInDocument, sniffBom } from './charset.js';

export interface DecodeHints {
  /** HTTP Content-Type header, when the bytes came over HTTP. */
  contentType?: string;
  /** File path or URL, for error messages. */
  source: string;
}

export interface Decoded {
  text: string;
  /** WHATWG name: utf-8, utf-16le, windows-1256, iso-8859-6, … */
  encoding: string;
  warnings: string[];
}

/** Single-byte Arabic code pages always tried when the bytes are not UTF-8. */
const ARABIC_CANDIDATES = ['windows-1256', 'iso-8859-6'];
/** More than this share of U+FFFD means the decoding is wrong, not that a byte or two is damaged. */
const MAX_REPLACEMENT_RATIO = 0.005;

function decodeWith(encoding: string, bytes: Uint8Array): string {
  // ignoreBOM: true keeps a BOM we did not strip visible; we strip it ourselves below.
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

function countReplacement(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 0xfffd) n++;
  return n;
}

/**
 * How plausible a decoding is. Arabic letters score; U+FFFD, C1 controls and the Latin-1 letters
 * and symbols that appear when Arabic bytes are read in the wrong code page ("ÞÇá", "Ø§Ù") cost.
 * ISO-8859-6 read as windows-1256 turns و ه ي ى into è ç ê é; windows-1256 read as ISO-8859-6
 * turns ف ق ك into U+FFFD — so the right one wins clearly.
 */
export function scoreDecoding(s: string): number {
  let junk = 0;
  let c1 = 0;
  let latin = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80 && c <= 0x9f) c1++;
    else if (c >= 0xa1 && c <= 0xff && c !== 0xab && c !== 0xbb) junk++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
    else if (c === 0x20ac || c === 0x2030 || c === 0x2039 || c === 0x203a || c === 0x0152 || c === 0x0153)
      junk++;
  }
  return 2 * countArabicLetters(s) + 0.5 * latin - 1.5 * junk - 5 * c1 - 10 * countReplacement(s);
}

/** Valid UTF-8? If only the last 1–3 bytes are a cut-off multibyte sequence, how many to drop. */
function utf8Status(bytes: Uint8Array): { valid: true; dropTail: number } | { valid: false } {
  const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    fatal.decode(bytes);
    return { valid: true, dropTail: 0 };
  } catch {
    // Look back at most 3 bytes for the lead byte of an unfinished sequence.
    for (let k = 1; k <= 3 && k <= bytes.length; k++) {
      const b = bytes[bytes.length - k]!;
      if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      if (need <= k) break; // a complete (or ASCII) character: the damage is elsewhere
      try {
        fatal.decode(bytes.subarray(0, bytes.length - k));
        return { valid: true, dropTail: k };
      } catch {
        break;
      }
    }
    return { valid: false };
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

function stripBomChar(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** jschardet's guess, as a WHATWG name TextDecoder can use, or null. */
function chardetGuess(bytes: Uint8Array): string | null {
  try {
    const r = jschardet.detect(bytes.subarray(0, 64 * 1024));
    return r.encoding ? canonicalEncoding(r.encoding) : null;
  } catch {
    return null;
  }
}

/** The best of the legacy candidates, with the runner-up's name for the warning. */
function bestLegacy(bytes: Uint8Array, extra: (string | null)[]): { encoding: string; text: string } {
  const names = [...new Set([...ARABIC_CANDIDATES, ...extra.filter((e): e is string => !!e)])].filter(
    (e) => e !== 'utf-8' && !e.startsWith('utf-16'),
  );
  let best = { encoding: names[0]!, text: decodeWith(names[0]!, bytes), score: -Infinity };
  for (const enc of names) {
    const text = decodeWith(enc, bytes);
    // Ties go to the earlier name: windows-1256 is far more common than ISO-8859-6 on the web.
    const score = scoreDecoding(text);
    if (score > best.score) best = { encoding: enc, text, score };
  }
  return best;
}

function replacementRatio(s: string): number {
  return s.length === 0 ? 0 : countReplacement(s) / s.length;
}

function decodeUtf8Lenient(bytes: Uint8Array, warnings: string[]): string | null {
  const st = utf8Status(bytes);
  if (!st.valid) return null;
  if (st.dropTail > 0) {
    warnings.push(`truncated UTF-8: dropped an incomplete ${st.dropTail}-byte sequence at the end`);
  }
  return decodeWith('utf-8', bytes.subarray(0, bytes.length - st.dropTail));
}

/**
 * Decode a file or HTTP body. Throws MarsadError E_EMPTY (nothing but whitespace) or E_BINARY
 * (a known magic number, NUL bytes not explained by UTF-16).
 */
export function decodeBytes(bytes: Uint8Array, hints: DecodeHints): Decoded {
  const warnings: string[] = [];
  const { source } = hints;
  const done = (text: string, encoding: string): Decoded => {
    const t = stripBomChar(text);
    if (t.replace(/[\s\u200b-\u200f\u2028\u2029\ufeff]/g, '') === '') {
      throw new MarsadError('E_EMPTY', `${source}: no text`, { input: source });
    }
    return { text: t, encoding, warnings };
  };
  if (bytes.length === 0) throw new MarsadError('E_EMPTY', `${source}: empty file`, { input: source });

  const bom = sniffBom(bytes);
  if (bom) {
    const body = bytes.subarray(bom.length);
    if (bom.encoding === 'utf-8')
      return done(decodeUtf8Lenient(body, warnings) ?? decodeWith('utf-8', body), 'utf-8');
    return done(decodeWith(bom.encoding, body), bom.encoding);
  }

  const magic = sniffMagic(bytes);
  if (magic)
    throw new MarsadError('E_BINARY', `${source}: looks like a ${magic} file, not text`, { input: source });
  const nuls = classifyNuls(bytes);
  if (nuls === 'binary') {
    throw new MarsadError('E_BINARY', `${source}: NUL bytes — not a text file`, { input: source });
  }
  if (nuls) {
    const text = decodeWith(nuls, bytes);
    if (replacementRatio(text) <= MAX_REPLACEMENT_RATIO) {
      warnings.push(`no BOM: guessed ${nuls} from the NUL byte pattern`);
      return done(text, nuls);
    }
    throw new MarsadError('E_BINARY', `${source}: NUL bytes — not a text file`, { input: source });
  }

  // Valid UTF-8 with non-ASCII bytes is UTF-8, whatever the page claims: legacy Arabic text is
  // practically never valid UTF-8 by accident, while "charset=windows-1256" on a re-encoded page
  // is a common lie.
  const utf8 = utf8Status(bytes);
  const declared = declaration(bytes, hints);
  if (declared) {
    const enc = declared.encoding;
    if (enc === 'utf-8') {
      const text = decodeUtf8Lenient(bytes, warnings);
      if (text !== null) return done(text, 'utf-8');
      const lenient = decodeWith('utf-8', bytes);
      if (replacementRatio(lenient) <= MAX_REPLACEMENT_RATIO) {
        warnings.push(`${countReplacement(lenient)} invalid UTF-8 sequence(s) replaced with U+FFFD`);
        return done(lenient, 'utf-8');
      }
      const best = bestLegacy(bytes, [chardetGuess(bytes)]);
      warnings.push(`${declared.where} says utf-8 but the bytes are not UTF-8: decoded as ${best.encoding}`);
      return done(best.text, best.encoding);
    }
    if (utf8.valid && hasNonAscii(bytes)) {
      warnings.push(`${declared.where} says ${enc} but the bytes are valid UTF-8: decoded as utf-8`);
      return done(decodeUtf8Lenient(bytes, warnings)!, 'utf-8');
    }
    const text = decodeWith(enc, bytes);
    if (enc.startsWith('utf-16')) return done(text, enc);
    // A declared code page must do at least as well as the Arabic ones (a page labelled
    // iso-8859-1 that is really windows-1256 reads as "ÞÇá" — no U+FFFD, but all junk).
    const own = scoreDecoding(text);
    const best = bestLegacy(bytes, [enc, chardetGuess(bytes)]);
    if (
      best.encoding !== enc &&
      best.text !== text &&
      scoreDecoding(best.text) > own + Math.max(10, Math.abs(own) * 0.2)
    ) {
      warnings.push(`${declared.where} says ${enc} but the bytes read better as ${best.encoding}`);
      return done(best.text, best.encoding);
    }
    return done(text, enc);
  }

  if (utf8.valid) return done(decodeUtf8Lenient(bytes, warnings)!, 'utf-8');
  const guess = chardetGuess(bytes);
  const best = bestLegacy(bytes, [guess]);
  warnings.push(`no declared encoding and not UTF-8: guessed ${best.encoding}`);
  return done(best.text, best.encoding);
}

/** The declared encoding, header first (HTTP says it wins over <meta>), if Node knows the label. */
function declaration(bytes: Uint8Array, hints: DecodeHints): { encoding: string; where: string } | null {
  const fromHeader = charsetFromContentType(hints.contentType);
  if (fromHeader) {
    const enc = canonicalEncoding(fromHeader);
    if (enc) return { encoding: enc, where: 'Content-Type header' };
  }
  const inDoc = declaredInDocument(bytes);
  if (inDoc) {
    const enc = canonicalEncoding(inDoc.label);
    // A document that could be read as ASCII to find its own declaration is not UTF-16 (a real
    // UTF-16 file has a BOM or NUL bytes, handled earlier): the HTML standard says treat it as UTF-8.
    if (enc?.startsWith('utf-16')) return { encoding: 'utf-8', where: inDoc.where };
    if (enc) return { encoding: enc, where: inDoc.where };
  }
  return null;
}
