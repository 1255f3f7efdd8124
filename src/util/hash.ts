import { createHash } from 'node:crypto';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The id of a document: the hash of its cleaned text, so the same article is stored once. */
export function documentId(cleanedText: string): string {
  return `sha256:${sha256Hex(cleanedText)}`;
}
