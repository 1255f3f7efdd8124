import { describe, expect, it } from 'vitest';
import { readItemsFromString } from '../../src/ingest/index.js';
import { ATOM, RSS } from './fixtures.js';
import { AR, articles, failures } from './helpers.js';

describe('feeds', () => {
  it('RSS 2.0: two items, content:encoded through the HTML path, summary-only item kept', () => {
    const items = readItemsFromString(RSS, { source: 'news.rss' });
    const [a, b] = articles(items);
    expect(items).toHaveLength(2);
    expect(a).toMatchObject({
      source: 'https://news.example/bridge',
      kind: 'feed',
      title: 'انهيار جسر قديم فوق القناة',
      published: '2024-08-07',
      url: 'https://news.example/bridge',
      body: `${AR.sentence}\n\n${AR.second}`,
    });
    expect(b).toMatchObject({
      source: 'news.rss#2',
      title: 'لجنة لفحص الجسور',
      published: '2024-08-08',
      url: null,
      body: AR.third,
    });
    expect(b!.warnings.join()).toMatch(/summary/);
  });

  it('Atom: two entries', () => {
    const [a, b] = articles(readItemsFromString(ATOM, { source: 'x.atom' }));
    expect(a).toMatchObject({
      source: 'https://atom.example/1',
      title: 'الخبر الأول',
      published: '2024-08-09',
      body: `${AR.sentence}\n\n${AR.second}`,
    });
    expect(b).toMatchObject({ source: 'x.atom#2', published: '2024-08-11', body: AR.third });
  });

  it('a "feed" that is not XML, or XML that is not a feed → E_FEED', () => {
    expect(failures(readItemsFromString('هذا ليس XML', { source: 'bad.xml' }))).toEqual([
      expect.objectContaining({ source: 'bad.xml', code: 'E_FEED' }),
    ]);
    expect(
      failures(readItemsFromString('<?xml version="1.0"?><catalog><book/></catalog>', { source: 'b.xml' }))[0]
        ?.code,
    ).toBe('E_FEED');
    expect(
      failures(readItemsFromString('<html><body><p>صفحة</p></body></html>', { source: 'c.rss' }))[0]?.code,
    ).toBe('E_FEED');
  });
});

describe('JSONL and JSON', () => {
  const jsonl = [
    JSON.stringify({
      source: 'site/one',
      title: 'الأول',
      published: '2024-08-07T10:00:00Z',
      text: AR.sentence,
    }),
    '{"title": "سطر مكسور", ',
    '',
    JSON.stringify({
      url: 'https://example.org/two',
      html: `<p>${AR.second}</p><p>${AR.third}</p>`,
      date: '2024/08/06',
    }),
    JSON.stringify({ title: 'بلا مصدر', text: AR.third }),
    JSON.stringify({ title: 'بلا نص' }),
    '[1, 2]',
  ].join('\n');

  it('one article per line; bad lines are failures naming file#line; the rest still yield', () => {
    const items = readItemsFromString(jsonl, { source: 'b.jsonl' });
    expect(articles(items).map((a) => [a.source, a.published, a.kind])).toEqual([
      ['site/one', '2024-08-07', 'jsonl'],
      ['https://example.org/two', '2024-08-06', 'jsonl'],
      ['b.jsonl#5', null, 'jsonl'],
    ]);
    expect(articles(items)[1]).toMatchObject({
      url: 'https://example.org/two',
      body: `${AR.second}\n\n${AR.third}`,
      encoding: null,
    });
    expect(failures(items).map((f) => [f.source, f.code])).toEqual([
      ['b.jsonl#2', 'E_JSONL'],
      ['b.jsonl#6', 'E_JSONL'],
      ['b.jsonl#7', 'E_JSONL'],
    ]);
  });

  it('.json: an array of article objects, or a single object', () => {
    const arr = JSON.stringify([
      { title: 'أ', text: AR.sentence },
      { title: 'ب', text: AR.second },
    ]);
    expect(articles(readItemsFromString(arr, { source: 'a.json' })).map((a) => a.source)).toEqual([
      'a.json#1',
      'a.json#2',
    ]);
    const one = JSON.stringify({ title: 'أ', text: AR.sentence, published: '2024-08-07' });
    expect(articles(readItemsFromString(one, { source: 'o.json' }))).toEqual([
      expect.objectContaining({ source: 'o.json', title: 'أ', published: '2024-08-07', body: AR.sentence }),
    ]);
  });

  it('format sniffing without an extension', () => {
    expect(articles(readItemsFromString(RSS, { source: '<stdin>' }))).toHaveLength(2);
    expect(readItemsFromString(jsonl, { source: 'noext' })).toHaveLength(6);
    const html = articles(
      readItemsFromString(`<!doctype html><title>ع</title><p>${AR.sentence}</p>`, { source: 'noext' }),
    );
    expect(html[0]).toMatchObject({ kind: 'html', body: AR.sentence });
    expect(articles(readItemsFromString(AR.sentence, { source: 'noext' }))[0]).toMatchObject({
      kind: 'text',
      title: null,
    });
  });
});
