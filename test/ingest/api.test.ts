import { describe, expect, it } from 'vitest';
import {
  detectFormat,
  readArticleFromBytes,
  readArticleFromString,
  sniffFormat,
} from '../../src/ingest/index.js';
import { RSS } from './fixtures.js';
import { AR, encodeSingleByte } from './helpers.js';

describe('format detection', () => {
  it.each([
    ['a.txt', 'text'],
    ['a.md', 'text'],
    ['a.HTML', 'html'],
    ['a.htm', 'html'],
    ['a.jsonl', 'jsonl'],
    ['a.ndjson', 'jsonl'],
    ['a.json', 'json'],
    ['a.xml', 'feed'],
    ['a.rss', 'feed'],
    ['a.atom', 'feed'],
  ])('%s → %s by extension', (name, format) => {
    expect(detectFormat(name, 'anything')).toBe(format);
  });

  it('content sniffing', () => {
    expect(sniffFormat('\ufeff  <!DOCTYPE html><html>')).toBe('html');
    expect(sniffFormat('<html lang="ar">')).toBe('html');
    expect(sniffFormat(RSS)).toBe('feed');
    expect(sniffFormat('<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')).toBe('feed');
    expect(sniffFormat('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">')).toBe('html');
    expect(sniffFormat('{"text":"أ"}\n{"text":"ب"}')).toBe('jsonl');
    expect(sniffFormat('{\n  "text": "أ"\n}')).toBe('json');
    expect(sniffFormat('[{"text":"أ"}]')).toBe('json');
    expect(sniffFormat(AR.sentence)).toBe('text');
    expect(detectFormat('x', '', 'application/rss+xml')).toBe('feed');
  });
});

describe('programmatic API', () => {
  it('readArticleFromString: text and HTML', () => {
    expect(readArticleFromString(`${AR.sentence}\n\n${AR.second}`, { source: 'api' })).toMatchObject({
      source: 'api',
      kind: 'text',
      title: null,
      body: `${AR.sentence}\n\n${AR.second}`,
      encoding: null,
    });
    const html = readArticleFromString(`<p>${AR.sentence}</p>`, { source: 'api', format: 'html' });
    expect(html).toMatchObject({ kind: 'html', body: AR.sentence });
  });

  it('readArticleFromBytes decodes legacy encodings', () => {
    const a = readArticleFromBytes(encodeSingleByte(AR.sentence, 'windows-1256'), { source: 'b.txt' });
    expect(a).toMatchObject({ body: AR.sentence, encoding: 'windows-1256' });
  });

  it('throws MarsadError: E_EMPTY for nothing, E_USAGE for a multi-article container', () => {
    expect(() => readArticleFromString('   ', { source: 'api' })).toThrow(
      expect.objectContaining({ code: 'E_EMPTY' }),
    );
    expect(() => readArticleFromString(RSS, { source: 'api' })).toThrow(
      expect.objectContaining({ code: 'E_USAGE' }),
    );
  });
});
