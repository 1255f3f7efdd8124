// Where a document says what it is encoded in: a byte-order mark, the HTTP Content-Type header,
// <meta charset>, <meta http-equiv="Content-Type">, or the XML declaration.

export interface Bom {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  length: number;
}

export function sniffBom(bytes: Uint8Array): Bom | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * The WHATWG name of an encoding label ("cp1256", "Windows-1256", "arabic" → "windows-1256"), or
 * null when Node's TextDecoder does not know it.
 */
export function canonicalEncoding(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/** charset=… of a Content-Type value: "text/html; charset=windows-1256" → "windows-1256". */
export function charsetFromContentType(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const m = /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType);
  return m ? m[1]! : null;
}

/** How much of the file is searched for an in-document declaration (HTML says 1024; be generous). */
const PRESCAN_BYTES = 4096;

/**
 * An encoding declared inside the document: <meta charset>, <meta http-equiv content="…charset=">,
 * or <?xml … encoding="…"?>. The head is read as Latin-1, which is safe because every declaration is
 * ASCII whatever the real encoding.
 */
export function declaredInDocument(bytes: Uint8Array): { label: string; where: string } | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return { label: xml[1]!, where: 'XML declaration' };
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?([^"'\s/>;]+)/i.exec(head);
  if (meta) return { label: meta[1]!, where: '<meta charset>' };
  return null;
}
