import { describe, expect, it } from 'vitest';
import { decodeBytes, readArticleFromBytes } from '../../src/ingest/index.js';
import { isMarsadError } from '../../src/model/index.js';
import { AR, concat, encodeSingleByte, encodeUtf16, utf8 } from './helpers.js';

const TEXT = `${AR.sentence}\n\n${AR.second}`;
const src = { source: 'test' };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isMarsadError(e) ? e.code : 'not-a-MarsadError';
  }
  return undefined;
}

describe('decodeBytes', () => {
  it('UTF-8 without BOM', () => {
    const d = decodeBytes(utf8(TEXT), src);
    expect(d).toMatchObject({ text: TEXT, encoding: 'utf-8', warnings: [] });
  });

  it('UTF-8 with BOM (BOM stripped)', () => {
    const d = decodeBytes(concat(Uint8Array.from([0xef, 0xbb, 0xbf]), utf8(TEXT)), src);
    expect(d.text).toBe(TEXT);
    expect(d.encoding).toBe('utf-8');
  });

  it('UTF-16LE and UTF-16BE with BOM', () => {
    expect(decodeBytes(encodeUtf16(TEXT, 'le'), src)).toMatchObject({ text: TEXT, encoding: 'utf-16le' });
    expect(decodeBytes(encodeUtf16(TEXT, 'be'), src)).toMatchObject({ text: TEXT, encoding: 'utf-16be' });
  });

  it('UTF-16LE without BOM is recognised from its NUL pattern, not called binary', () => {
    const d = decodeBytes(encodeUtf16(`Report: ${TEXT}`, 'le', false), src);
    expect(d.encoding).toBe('utf-16le');
    expect(d.text).toBe(`Report: ${TEXT}`);
    expect(d.warnings.join()).toMatch(/utf-16le/);
  });

  it('windows-1256 (undeclared) decodes to the same text as the UTF-8 copy', () => {
    const d = decodeBytes(encodeSingleByte(TEXT, 'windows-1256'), src);
    expect(d.encoding).toBe('windows-1256');
    expect(d.text).toBe(decodeBytes(utf8(TEXT), src).text);
    expect(d.warnings.join()).toMatch(/guessed windows-1256/);
  });

  it('ISO-8859-6 (undeclared) is told apart from windows-1256', () => {
    // Letters only (ISO-8859-6 lacks some punctuation windows-1256 has).
    const plain =
      'قال الوزير إن الحكومة ستفتح الطريق الجديد قريبا وإن المواطنين سيلاحظون الفرق في حركة السير يوميا';
    const d = decodeBytes(encodeSingleByte(plain, 'iso-8859-6'), src);
    expect(d.encoding).toBe('iso-8859-6');
    expect(d.text).toBe(plain);
  });

  it('honours a correct <meta charset=windows-1256>', () => {
    const html = `<html><head><meta charset="windows-1256"><title>خبر</title></head><body><p>${AR.sentence}</p></body></html>`;
    const d = decodeBytes(encodeSingleByte(html, 'windows-1256'), src);
    expect(d.encoding).toBe('windows-1256');
    expect(d.text).toBe(html);
    expect(d.warnings).toEqual([]);
  });

  it('catches a mis-declared meta charset: says utf-8, bytes are windows-1256', () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body><p>${AR.sentence}</p></body></html>`;
    const d = decodeBytes(encodeSingleByte(html, 'windows-1256'), src);
    expect(d.encoding).toBe('windows-1256');
    expect(d.text).toBe(html);
    expect(d.warnings.join()).toMatch(/says utf-8/);
  });

  it('catches the opposite lie: says windows-1256, bytes are UTF-8', () => {
    const html = `<html><head><meta charset="windows-1256"></head><body><p>${AR.sentence}</p></body></html>`;
    const d = decodeBytes(utf8(html), src);
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toBe(html);
    expect(d.warnings.join()).toMatch(/valid UTF-8/);
  });

  it('a wrong HTTP charset (iso-8859-1) on windows-1256 bytes is overruled', () => {
    const d = decodeBytes(encodeSingleByte(TEXT, 'windows-1256'), {
      source: 'u',
      contentType: 'text/plain; charset=iso-8859-1',
    });
    expect(d.encoding).toBe('windows-1256');
    expect(d.text).toBe(TEXT);
  });

  it('honours an XML declaration (a windows-1256 feed)', () => {
    const xml = `<?xml version="1.0" encoding="windows-1256"?><rss><channel><title>${AR.sentence}</title></channel></rss>`;
    expect(decodeBytes(encodeSingleByte(xml, 'windows-1256'), src)).toMatchObject({
      text: xml,
      encoding: 'windows-1256',
    });
  });

  it('a meta charset=utf-16 on 8-bit bytes is read as UTF-8 (as browsers do)', () => {
    const html = `<meta charset="utf-16"><p>${AR.sentence}</p>`;
    expect(decodeBytes(utf8(html), src)).toMatchObject({ text: html, encoding: 'utf-8' });
  });

  it('truncated UTF-8: the cut multibyte tail is dropped with a warning', () => {
    const bytes = utf8(TEXT);
    // The text ends with "." — cut a 2-byte Arabic letter in half by appending one lead byte.
    const cut = concat(bytes, Uint8Array.from([0xd8]));
    const d = decodeBytes(cut, src);
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toBe(TEXT);
    expect(d.warnings.join()).toMatch(/truncated/);
    // A 3-byte character cut after 2 bytes (€ = E2 82 AC).
    const d3 = decodeBytes(concat(utf8('abc نص'), Uint8Array.from([0xe2, 0x82])), src);
    expect(d3.text).toBe('abc نص');
  });

  it('empty and whitespace-only input → E_EMPTY', () => {
    expect(codeOf(() => decodeBytes(new Uint8Array(), src))).toBe('E_EMPTY');
    expect(codeOf(() => decodeBytes(utf8(' \n\t\n  '), src))).toBe('E_EMPTY');
    expect(codeOf(() => decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x20, 0x0a]), src))).toBe('E_EMPTY');
  });

  it('binary input → E_BINARY (magic numbers, stray NULs)', () => {
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82,
    ]);
    expect(codeOf(() => decodeBytes(png, src))).toBe('E_BINARY');
    expect(codeOf(() => decodeBytes(utf8('%PDF-1.7\n...'), src))).toBe('E_BINARY');
    expect(codeOf(() => decodeBytes(Uint8Array.from([0x1f, 0x8b, 8, 0, 1, 2]), src))).toBe('E_BINARY');
    expect(codeOf(() => decodeBytes(Uint8Array.from([0x50, 0x4b, 3, 4, 20, 0]), src))).toBe('E_BINARY');
    const nuls = concat(utf8('abc'), Uint8Array.from([0, 0, 0, 7, 0, 255, 3]), utf8('xyz'));
    expect(codeOf(() => decodeBytes(nuls, src))).toBe('E_BINARY');
  });

  it('readArticleFromBytes enforces the size cap', () => {
    expect(codeOf(() => readArticleFromBytes(utf8(TEXT), { source: 'x.txt', maxBytes: 10 }))).toBe(
      'E_TOO_LARGE',
    );
  });
});
