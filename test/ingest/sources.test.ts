import { closeSync, ftruncateSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSources } from '../../src/ingest/index.js';
import { RawArticle } from '../../src/model/index.js';
import { ATOM, RSS } from './fixtures.js';
import {
  AR,
  articles,
  collect,
  encodeSingleByte,
  encodeUtf16,
  failures,
  makeTempDir,
  utf8,
} from './helpers.js';

const TEXT = `انهيار جسر قديم فوق القناة\n\n07 أغسطس، 2024\n\n${AR.sentence}\n\n${AR.second}`;
let tmp: ReturnType<typeof makeTempDir>;
const p = (name: string) => join(tmp.dir, name);

beforeAll(() => {
  tmp = makeTempDir();
  writeFileSync(p('utf8.txt'), TEXT);
  writeFileSync(p('cp1256.txt'), encodeSingleByte(TEXT, 'windows-1256'));
  writeFileSync(p('utf16.txt'), encodeUtf16(TEXT, 'le'));
  writeFileSync(p('empty.txt'), '');
  writeFileSync(
    p('image.png'),
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
  );
  writeFileSync(p('nuls.txt'), Uint8Array.from([0x41, 0, 0, 0, 0x42, 0xff, 0, 0, 1, 2]));
  // 50 MB, sparse: nothing is written, and ingest must refuse it from its size alone.
  const fd = openSync(p('huge.txt'), 'w');
  ftruncateSync(fd, 50 * 1024 * 1024);
  closeSync(fd);
  const d = p('corpus');
  mkdirSync(join(d, 'sub'), { recursive: true });
  mkdirSync(join(d, '.git'));
  writeFileSync(join(d, 'b.txt'), AR.second);
  writeFileSync(
    join(d, 'a.html'),
    `<html><head><title>صفحة</title></head><body><p>${AR.sentence}</p></body></html>`,
  );
  writeFileSync(
    join(d, 'sub', 'c.jsonl'),
    `${JSON.stringify({ title: 'س', text: AR.third })}\n${JSON.stringify({ text: AR.sentence })}\n`,
  );
  writeFileSync(join(d, 'sub', 'd.rss'), RSS);
  writeFileSync(join(d, '.hidden.txt'), 'مخفي');
  writeFileSync(join(d, '.git', 'HEAD'), 'ref: x');
  writeFileSync(join(d, 'photo.jpg'), Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]));
  writeFileSync(join(d, 'archive.zip'), Uint8Array.from([0x50, 0x4b, 3, 4]));
});
afterAll(() => tmp.cleanup());

describe('readSources: files', () => {
  it('UTF-8, windows-1256 and UTF-16 copies give the same article text', async () => {
    const items = await collect(readSources([p('utf8.txt'), p('cp1256.txt'), p('utf16.txt')], {}));
    const [a, b, c] = articles(items);
    expect(items.every((i) => i.ok)).toBe(true);
    expect(a!.body).toBe(TEXT);
    expect(b!.body).toBe(a!.body);
    expect(c!.body).toBe(a!.body);
    expect([a!.encoding, b!.encoding, c!.encoding]).toEqual(['utf-8', 'windows-1256', 'utf-16le']);
    expect(a).toMatchObject({
      source: p('utf8.txt'),
      kind: 'text',
      title: null,
      published: '2024-08-07',
      url: null,
    });
    for (const art of [a, b, c]) expect(RawArticle.safeParse(art).success).toBe(true);
  });

  it('failures are items naming their input, and the batch goes on', async () => {
    const items = await collect(
      readSources([p('empty.txt'), p('image.png'), p('nuls.txt'), p('missing.txt'), p('utf8.txt')], {}),
    );
    expect(failures(items).map((f) => [f.source, f.code])).toEqual([
      [p('empty.txt'), 'E_EMPTY'],
      [p('image.png'), 'E_BINARY'],
      [p('nuls.txt'), 'E_BINARY'],
      [p('missing.txt'), 'E_NOT_FOUND'],
    ]);
    expect(articles(items)).toHaveLength(1);
  });

  it('a 50 MB file is refused quickly by the size cap, and the cap is configurable', async () => {
    const start = Date.now();
    const items = await collect(readSources([p('huge.txt')], {}));
    expect(failures(items)).toEqual([
      expect.objectContaining({ source: p('huge.txt'), code: 'E_TOO_LARGE' }),
    ]);
    expect(Date.now() - start).toBeLessThan(1000);
    const small = await collect(readSources([p('utf8.txt')], { maxBytes: 100 }));
    expect(failures(small)[0]?.code).toBe('E_TOO_LARGE');
  });

  it('directories: recursive, sorted, hidden files and images/archives skipped', async () => {
    const items = await collect(readSources([p('corpus')], {}));
    expect(items.every((i) => i.ok)).toBe(true);
    const d = p('corpus');
    expect(articles(items).map((a) => [a.source, a.kind])).toEqual([
      [join(d, 'a.html'), 'html'],
      [join(d, 'b.txt'), 'text'],
      [`${join(d, 'sub', 'c.jsonl')}#1`, 'jsonl'],
      [`${join(d, 'sub', 'c.jsonl')}#2`, 'jsonl'],
      ['https://news.example/bridge', 'feed'],
      [`${join(d, 'sub', 'd.rss')}#2`, 'feed'],
    ]);
  });

  it('an explicitly named image inside a directory is still reported', async () => {
    const items = await collect(readSources([join(p('corpus'), 'photo.jpg')], {}));
    expect(failures(items)[0]?.code).toBe('E_BINARY');
  });
});

describe('readSources: stdin', () => {
  it('"-" reads the given stream, format sniffed', async () => {
    const items = await collect(readSources(['-'], { stdin: Readable.from([Buffer.from(utf8(TEXT))]) }));
    expect(articles(items)).toEqual([
      expect.objectContaining({ source: '<stdin>', kind: 'stdin', body: TEXT, published: '2024-08-07' }),
    ]);
    const feed = await collect(readSources(['-'], { stdin: Readable.from([Buffer.from(ATOM)]) }));
    expect(articles(feed).map((a) => a.kind)).toEqual(['feed', 'feed']);
  });

  it('stdin over the cap → E_TOO_LARGE; empty stdin → E_EMPTY', async () => {
    const big = await collect(
      readSources(['-'], { stdin: Readable.from([Buffer.alloc(5000, 0x61)]), maxBytes: 1000 }),
    );
    expect(failures(big)[0]).toMatchObject({ source: '<stdin>', code: 'E_TOO_LARGE' });
    const empty = await collect(readSources(['-'], { stdin: Readable.from([]) }));
    expect(failures(empty)[0]).toMatchObject({ source: '<stdin>', code: 'E_EMPTY' });
  });

  it('an aborted signal stops the batch', async () => {
    const ac = new AbortController();
    ac.abort();
    expect(await collect(readSources([p('utf8.txt')], { signal: ac.signal }))).toEqual([]);
  });
});
