// Test helpers: single-byte encoders derived from Node's own decoders, temp dirs, collecting items.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IngestItem } from '../../src/ingest/index.js';

const encoders = new Map<string, Map<string, number>>();

/**
 * Encode `text` in a single-byte code page (windows-1256, iso-8859-6). TextEncoder only does UTF-8,
 * so the table is TextDecoder's decoding of all 256 bytes, inverted.
 */
export function encodeSingleByte(text: string, encoding: string): Uint8Array {
  let table = encoders.get(encoding);
  if (!table) {
    table = new Map();
    const dec = new TextDecoder(encoding);
    for (let b = 0; b < 256; b++) {
      const ch = dec.decode(new Uint8Array([b]));
      if (ch !== '\ufffd' && !table.has(ch)) table.set(ch, b);
    }
    encoders.set(encoding, table);
  }
  const out: number[] = [];
  for (const ch of text) {
    const b = table.get(ch);
    if (b === undefined) throw new Error(`cannot encode ${JSON.stringify(ch)} in ${encoding}`);
    out.push(b);
  }
  return Uint8Array.from(out);
}

export function encodeUtf16(text: string, endian: 'le' | 'be', bom = true): Uint8Array {
  const out: number[] = bom ? (endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (endian === 'le') out.push(c & 0xff, c >> 8);
    else out.push(c >> 8, c & 0xff);
  }
  return Uint8Array.from(out);
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function makeTempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-ingest-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function collect(gen: AsyncIterable<IngestItem>): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of gen) out.push(item);
  return out;
}

export function articles(items: IngestItem[]) {
  return items.flatMap((i) => (i.ok ? [i.article] : []));
}

export function failures(items: IngestItem[]) {
  return items.flatMap((i) =>
    i.ok ? [] : [{ source: i.source, code: i.error.code, message: i.error.message }],
  );
}

/** Arabic snippets written for these tests. */
export const AR = {
  sentence:
    'أعلنت وزارة الصحة في بيان صدر صباح اليوم أن فرق الإسعاف قدمت المساعدة لعشرات المصابين بعد انهيار جسر قديم فوق القناة.',
  second:
    'وقال محافظ المدينة في مؤتمر صحفي إن لجنة فنية ستبدأ غداً فحص الجسور الأخرى، مشيراً إلى أن حركة المرور حُوِّلت إلى طرق بديلة.',
  third:
    'وأضاف أن الحكومة خصصت مبلغاً عاجلاً لإصلاح الطريق، وأن الأعمال ستستغرق قرابة ثلاثة أشهر وفق التقديرات الأولية للمهندسين.',
};
