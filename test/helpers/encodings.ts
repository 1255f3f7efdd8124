/** Encode a string as windows-1256 bytes (TextEncoder only does UTF-8): invert TextDecoder's table. */
export function encodeWindows1256(text: string): Buffer {
  const decoder = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  const out: number[] = [];
  for (const ch of text) {
    const b = table.get(ch);
    if (b === undefined) throw new Error(`not encodable in windows-1256: ${ch}`);
    out.push(b);
  }
  return Buffer.from(out);
}
