// Is this file text at all? A PNG or a zip handed to Marsad must fail with E_BINARY, not become an
// "article" of mojibake.

const MAGIC: ReadonlyArray<{ name: string; bytes: number[] }> = [
  { name: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38] }, // GIF8
  { name: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { name: 'ZIP', bytes: [0x50, 0x4b, 0x03, 0x04] }, // also docx/xlsx/epub
  { name: 'ZIP', bytes: [0x50, 0x4b, 0x05, 0x06] }, // empty zip
  { name: 'gzip', bytes: [0x1f, 0x8b] },
  { name: 'WebP/RIFF', bytes: [0x52, 0x49, 0x46, 0x46] },
  { name: '7z', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'ELF', bytes: [0x7f, 0x45, 0x4c, 0x46] },
];

/** The file type a known magic number announces, or null. */
export function sniffMagic(bytes: Uint8Array): string | null {
  for (const m of MAGIC) {
    if (bytes.length >= m.bytes.length && m.bytes.every((b, i) => bytes[i] === b)) return m.name;
  }
  return null;
}

/** How far NUL bytes are looked for. */
const NUL_WINDOW = 1024;

/**
 * NUL bytes in the first KB: 'utf-16le' / 'utf-16be' when they sit (almost) all on odd / even
 * positions, as ASCII spaces, digits and Latin letters do in BOM-less UTF-16; 'binary' otherwise;
 * null when there are none. Arabic UTF-16 has no NULs (ب is 28 06) but its spaces do (20 00).
 */
export function classifyNuls(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | 'binary' | null {
  const end = Math.min(bytes.length, NUL_WINDOW);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < end; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const total = even + odd;
  if (total === 0) return null;
  // A pair of NULs (00 00) is not a UTF-16 character we expect in an article.
  for (let i = 0; i + 1 < end; i += 2) if (bytes[i] === 0 && bytes[i + 1] === 0) return 'binary';
  if (odd / total >= 0.95) return 'utf-16le';
  if (even / total >= 0.95) return 'utf-16be';
  return 'binary';
}
