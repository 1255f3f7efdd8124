import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportJsonSchema } from '../../src/model/index.js';
import { marsad, tempDir } from '../helpers/cli.js';
import { encodeWindows1256 } from '../helpers/encodings.js';

// Fixtures: short Arabic news items written for these tests.
const REBELS = [
  'هجوم في الشمال',
  '',
  '12 مارس، 2024',
  '',
  'أعلن المتمردون سيطرتهم على موقع عسكري قرب الحدود، وقال متحدث باسمهم إن المقاتلين انسحبوا بعد ساعات.',
  'وأكد الجيش أن وحداته صدّت الهجوم وأن قوات فاغنر شاركت في العملية.',
].join('\n');
const TALKS = [
  'محادثات في العاصمة',
  '',
  'التقى وزير الخارجية نظيره في العاصمة لبحث الأزمة، ودعا الطرفان إلى الحوار مع المتمردين ووقف القتال.',
  'وقال الوزير إن بلاده مستعدة لاستضافة جولة جديدة من المفاوضات.',
].join('\n');
const WEATHER = 'سجلت الأرصاد الجوية ارتفاعاً في درجات الحرارة خلال الأسبوع الماضي في المدن الساحلية.';

const SHIPPED_SCHEMA = fileURLToPath(new URL('../../schema/marsad.document.v1.schema.json', import.meta.url));

describe('marsad CLI, end to end', () => {
  let dir: string;
  let db: string;

  beforeAll(() => {
    dir = tempDir();
    db = join(tempDir(), 'store.db');
    writeFileSync(join(dir, 'rebels.txt'), REBELS);
    writeFileSync(join(dir, 'talks.txt'), TALKS);
    writeFileSync(join(dir, 'weather.txt'), WEATHER);
    writeFileSync(
      join(dir, 'broken.txt'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]),
    );
  });

  it('ingests a directory, records the bad file and goes on (exit 3 = partial)', () => {
    const r = marsad(['--json', 'ingest', dir], { db });
    expect(r.status).toBe(3);
    const report = JSON.parse(r.stdout);
    expect(report.stored).toBe(3);
    expect(report.failed).toBe(1);
    expect(report.failures[0].code).toBe('E_BINARY');
    expect(report.failures[0].source).toContain('broken.txt');
  });

  it('stores nothing new when the same articles are ingested again', () => {
    const r = marsad(['--json', 'ingest', join(dir, 'rebels.txt'), join(dir, 'talks.txt')], { db });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ stored: 0, duplicates: 2, failed: 0 });
    const ls = JSON.parse(marsad(['--json', 'documents'], { db }).stdout);
    expect(ls.total).toBe(3);
  });

  it('lists the failure with its code', () => {
    const r = marsad(['--json', 'failures'], { db });
    expect(JSON.parse(r.stdout).failures).toEqual([expect.objectContaining({ code: 'E_BINARY' })]);
  });

  it('finds the same documents for a word with or without clitics and diacritics', () => {
    const ids = (q: string) =>
      (JSON.parse(marsad(['--json', 'search', q], { db }).stdout).hits as { source: string }[])
        .map((h) => h.source)
        .sort();
    const expected = ids('المتمردين');
    expect(expected).toHaveLength(2);
    for (const q of ['متمردين', 'والمتمردين', 'مُتمرّدين', 'المتمردون']) expect(ids(q), q).toEqual(expected);
    expect(ids('الطقس الممطر')).toEqual([]);
  });

  it('prints highlighted snippets and reads the date written in the text', () => {
    const r = marsad(['--json', 'search', 'فاغنر'], { db });
    const result = JSON.parse(r.stdout);
    expect(result.total).toBe(1);
    const hit = result.hits[0];
    expect(hit.published).toBe('2024-03-12');
    const marked = hit.snippetHighlights.map((h: { start: number; end: number }) =>
      hit.snippet.slice(h.start, h.end),
    );
    expect(marked).toContain('فاغنر');
  });

  it('shows a document by id prefix', () => {
    const list = JSON.parse(marsad(['--json', 'documents'], { db }).stdout);
    const id: string = list.documents[0].id;
    const r = marsad(['show', id.slice(0, 15)], { db });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(id);
    expect(marsad(['show', 'sha256:ffffffffffff'], { db }).status).toBe(4);
  });

  it('exports JSONL that validates against the shipped JSON Schema', () => {
    const r = marsad(['export', '--format', 'jsonl'], { db });
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    const shipped = JSON.parse(readFileSync(SHIPPED_SCHEMA, 'utf8'));
    const validate = new Ajv2020.default({ strict: false }).compile(shipped);
    for (const line of lines) {
      const doc = JSON.parse(line);
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
      expect(doc.schema).toBe('marsad.document/v1');
      expect(doc.text.length).toBeGreaterThan(0);
    }
  });

  it('ships a JSON Schema that matches the model (npm run gen:schema)', () => {
    expect(JSON.parse(readFileSync(SHIPPED_SCHEMA, 'utf8'))).toEqual(exportJsonSchema());
  });

  it('refuses an unknown export format with a usage error', () => {
    const r = marsad(['export', '--format', 'pdf'], { db });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('E_USAGE');
  });

  it('analyses a file without touching a store', () => {
    const otherDb = join(dir, 'never-created.db');
    const r = marsad(['analyze', join(dir, 'talks.txt')], { db: otherDb });
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.schema).toBe('marsad.document/v1');
    expect(doc.text).toContain('محادثات');
    expect(existsSync(otherDb)).toBe(false);
  });

  it('reads an article from standard input', () => {
    const r = marsad(['analyze', '-'], { input: TALKS });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).document.source).toBeTruthy();
  });

  it('gives a windows-1256 copy the same text (and id) as the UTF-8 original', () => {
    const encoded = join(dir, 'talks-1256.txt');
    writeFileSync(encoded, encodeWindows1256(TALKS));
    const a = JSON.parse(marsad(['analyze', join(dir, 'talks.txt')]).stdout);
    const b = JSON.parse(marsad(['analyze', encoded]).stdout);
    expect(b.text).toBe(a.text);
    expect(b.document.id).toBe(a.document.id);
  });

  it('exits with a clear error for a missing input', () => {
    const r = marsad(['analyze', join(dir, 'nope.txt')]);
    expect(r.status).toBe(4);
    expect(r.stderr).toContain('nope.txt');
  });
});
