import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { SHIPPED_KB_DIR } from '../../src/kb/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { arabicSearchAnalyzer } from '../../src/text/index.js';
import { faghnerzDoc, fajnerzDoc, frontDoc, handoverDoc } from '../corpus/fixtures.js';
import { marsad, tempDir } from '../helpers/cli.js';
import { entityCorpus } from '../store/entity-fixtures.js';

// Each command is a child process (about a second or two each): give the tests room.
vi.setConfig({ testTimeout: 90_000 });

// The user's KB goes to a temp file and HOME to a temp folder: these tests never touch ~/.marsad.
const home = tempDir('marsad-home-');
const userKb = join(tempDir('marsad-kb-'), 'user.yaml');
process.env.HOME = home;
process.env.MARSAD_KB = userKb;

async function seed(): Promise<string> {
  const db = join(tempDir(), 'store.db');
  const store = await openSqliteStore({ path: db, analyzer: arabicSearchAnalyzer });
  await store.putDocuments([...entityCorpus, faghnerzDoc, handoverDoc, frontDoc, fajnerzDoc]);
  await store.close();
  return db;
}

const json = (args: string[], db?: string) => {
  const r = marsad(['--json', ...args], { db });
  if (r.status !== 0) throw new Error(`marsad ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
};

const shippedHash = () =>
  createHash('sha256')
    .update(
      readdirSync(SHIPPED_KB_DIR)
        .sort()
        .map((f) => readFileSync(join(SHIPPED_KB_DIR, f), 'utf8'))
        .join('\0'),
    )
    .digest('hex');

describe('marsad entities and entity (dossier)', () => {
  let db: string;
  beforeAll(async () => {
    db = await seed();
  });

  it('lists entities with filters, as JSON and as text', () => {
    const all = json(['entities'], db);
    expect(all.total).toBe(10);
    expect(all.entities[0]).toMatchObject({ id: 'ent-mali', documents: 6 });
    expect(
      json(['entities', '--type', 'location', '--kind', 'country'], db).entities.map(
        (e: { id: string }) => e.id,
      ),
    ).toEqual(['ent-mali', 'ent-algeria']);
    expect(json(['entities', '--minted', '--limit', '2'], db)).toMatchObject({ total: 3 });
    expect(json(['entities', '--q', 'فيلق'], db).entities.map((e: { id: string }) => e.id)).toEqual([
      'ent-africa-corps',
    ]);
    const text = marsad(['entities', '--type', 'organization'], { db });
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('ent-wagner');
    expect(text.stdout).toContain('مجموعة فاغنر');
    expect(marsad(['entities', '--type', 'planet'], { db }).status).toBe(2);
  });

  it('prints a dossier by name: names, documents, co-occurring entities, first and last seen', () => {
    const r = marsad(['entity', 'فاغنر'], { db });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('ent-wagner');
    expect(r.stdout).toContain('files/withdrawal.txt');
    expect(r.stdout).toContain('co-occurring');
    expect(r.stdout).toContain('2024-02-15 … 2024-06-05');
    const d = json(['entity', 'ent-mali'], db);
    expect(d).toMatchObject({
      id: 'ent-mali',
      documents: 6,
      firstSeen: '2024-02-15',
      lastSeen: '2024-06-12',
    });
    expect(d.coOccurring[0]).toMatchObject({ id: 'ent-wagner', shared: 3 });
    expect(json(['entity', 'مجموعة', 'فاغنر'], db).id).toBe('ent-wagner'); // words joined
    const missing = marsad(['entity', 'لا أحد'], { db });
    expect(missing.status).toBe(4);
    expect(missing.stderr).toContain('no entity matches');
  });
});

describe('marsad entity merge | split | rename | edits | undo | cluster', () => {
  let db: string;
  beforeAll(async () => {
    db = await seed();
  });

  it('merges by name; the absorbed name now opens the target; undo restores it', () => {
    const merged = json(['entity', 'merge', 'مجموعة فاغنر', 'فاغنرز'], db);
    expect(merged.edit).toMatchObject({ seq: 1, documents: 1, edit: { op: 'merge' } });
    expect(json(['entity', 'فاغنرز'], db)).toMatchObject({ id: 'ent-wagner', documents: 4 });
    expect(json(['entities', '--minted'], db).total).toBe(2);
    const text = marsad(['entity', 'edits'], { db });
    expect(text.stdout).toContain('#1');
    expect(text.stdout).toContain('merge ent-new-faghnerz');
    expect(json(['entity', 'undo', '1'], db).edit.undoneAt).not.toBeNull();
    expect(json(['entity', 'فاغنرز'], db).id).toBe('ent-new-faghnerz');
    expect(marsad(['entity', 'undo', '1'], { db }).status).toBe(2);
    expect(marsad(['entity', 'undo', '99'], { db }).status).toBe(4);
    expect(marsad(['entity', 'undo', 'x'], { db }).status).toBe(2);
  });

  it('splits a form off, renames, and lists the log', () => {
    const split = json(
      ['entity', 'split', 'ent-sahel-front', '--alias', 'الجبهة الشمالية', '--name', 'Northern Front'],
      db,
    );
    const createdId = split.edit.edit.created.id;
    expect(createdId).toMatch(/^ent-northern-front-/);
    expect(json(['entity', 'الجبهة الشمالية'], db)).toMatchObject({ id: createdId, name: 'Northern Front' });
    expect(json(['entity', 'rename', createdId, '--name-ar', 'الجبهة الشمالية الحرة'], db).edit.seq).toBe(3);
    expect(json(['entity', createdId], db).name_ar).toBe('الجبهة الشمالية الحرة');
    const log = json(['entity', 'edits'], db).edits;
    expect(log.map((r: { seq: number; edit: { op: string } }) => [r.seq, r.edit.op])).toEqual([
      [1, 'merge'],
      [2, 'split'],
      [3, 'rename'],
    ]);
    expect(marsad(['entity', 'split', 'ent-sahel-front', '--alias', 'لم تكتب قط'], { db }).status).toBe(2);
    expect(marsad(['entity', 'rename', 'ent-sahel-front'], { db }).status).toBe(2);
    expect(marsad(['entity', 'merge', 'ent-wagner', 'ent-nobody'], { db }).status).toBe(4);
  });

  it('clusters variant spellings of minted entities, once', () => {
    const first = json(['entity', 'cluster'], db);
    expect(first.clusters.map((c: { members: string[] }) => c.members)).toEqual([
      ['ent-new-faghnerz', 'ent-new-fajnerz'],
    ]);
    expect(json(['entity', 'فاجنرز'], db).id).toBe('ent-new-faghnerz');
    expect(json(['entity', 'cluster'], db)).toEqual({ clusters: [], documents: 0 });
  });
});

describe('marsad kb add | list | validate', () => {
  const before = shippedHash();

  it('adds an entry to the user KB file, in the data/kb style, and lists it', () => {
    const r = marsad([
      'kb',
      'add',
      '--id',
      'north-militia',
      '--type',
      'organization',
      '--kind',
      'armed_group',
      '--name',
      'North Militia',
      '--name-ar',
      'ميليشيا الشمال',
      '--alias-ar',
      'ميليشيات الشمال',
      '--alias-ar',
      'جماعة الشمال المسلحة',
      '--country',
      'mali',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(userKb, 'utf8')).toContain(
      [
        '- id: north-militia',
        '  type: organization',
        '  kind: armed_group',
        '  name: North Militia',
        '  name_ar: ميليشيا الشمال',
        '  aliases_ar: [ميليشيات الشمال, جماعة الشمال المسلحة]',
        '  country: mali',
      ].join('\n'),
    );
    const listed = json(['kb', 'list', '--user']);
    expect(listed.entities.map((e: { id: string }) => e.id)).toEqual(['north-militia']);
    expect(json(['kb', 'list', '--q', 'ميليشيات الشمال']).entities[0]).toMatchObject({
      id: 'north-militia',
      layer: 'user',
    });
    expect(json(['kb', 'list', '--kind', 'country']).total).toBeGreaterThan(150);
  });

  it('updates an entry (lists united) and overrides a shipped one, never writing data/kb', () => {
    expect(
      marsad([
        'kb',
        'add',
        '--id',
        'north-militia',
        '--alias-ar',
        'ميليشيا الشمال الحرة',
        '--wikidata',
        'Q42',
      ]).status,
    ).toBe(0);
    expect(
      marsad(['kb', 'add', '--id', 'wagner', '--alias-ar', 'فاغنرز', '--alias', 'Wagner: PMC']).status,
    ).toBe(0);
    const text = readFileSync(userKb, 'utf8');
    expect(text.match(/- id: north-militia/g)).toHaveLength(1);
    expect(text).toContain('  aliases_ar: [ميليشيات الشمال, جماعة الشمال المسلحة, ميليشيا الشمال الحرة]');
    expect(text).toContain("- id: wagner\n  aliases_ar: [فاغنرز]\n  aliases: ['Wagner: PMC']");
    const wagner = json(['kb', 'list', '--q', 'فاغنرز']).entities[0];
    expect(wagner).toMatchObject({ id: 'wagner', name: 'Wagner Group', layer: 'user' });
    expect(wagner.aliases).toContain('Wagner: PMC');
    expect(shippedHash()).toBe(before);
  });

  it('refuses an invalid entry with the field named, leaving the file as it was', () => {
    const text = readFileSync(userKb, 'utf8');
    const bad = marsad([
      'kb',
      'add',
      '--id',
      'ghost',
      '--type',
      'organization',
      '--kind',
      'country',
      '--name',
      'G',
      '--name-ar',
      'شبح',
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('entry "ghost": field "kind"');
    const incomplete = marsad(['kb', 'add', '--id', 'half', '--type', 'person']);
    expect(incomplete.status).toBe(2);
    expect(incomplete.stderr).toContain('field "name_ar": missing');
    expect(marsad(['kb', 'add', '--id', 'Not A Slug']).status).toBe(2);
    expect(
      marsad([
        'kb',
        'add',
        '--id',
        'x-unknown-ref',
        '--type',
        'location',
        '--kind',
        'city',
        '--name',
        'X',
        '--name-ar',
        'اكس',
        '--country',
        'atlantis',
      ]).status,
    ).toBe(2);
    expect(readFileSync(userKb, 'utf8')).toBe(text);
  });

  it('validates the user KB and a given file, naming file, entry and field (exit 2)', () => {
    const ok = marsad(['kb', 'validate']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^ok: \d+ entities/);
    const file = join(tempDir(), 'mine.yaml');
    writeFileSync(file, '- id: wagner\n  kind: planet\n- id: lone-wolf\n  type: person\n  name: Lone Wolf\n');
    const r = marsad(['kb', 'validate', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${file}: entry "wagner": field "kind"`);
    expect(r.stderr).toContain(`${file}: entry "lone-wolf": field "name_ar": missing`);
    const j = marsad(['--json', 'kb', 'validate', file]);
    expect(j.status).toBe(2);
    expect(JSON.parse(j.stdout)).toMatchObject({ ok: false });
    expect(JSON.parse(j.stdout).issues).toHaveLength(3); // kind of wagner; kind and name_ar of lone-wolf
    expect(marsad(['kb', 'validate', join(tempDir(), 'none.yaml')]).status).toBe(4);
    expect(existsSync(join(home, '.marsad'))).toBe(false);
  });
});
