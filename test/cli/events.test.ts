import { describe, expect, it } from 'vitest';
import { filterEvents } from '../../src/cli/events.js';
import { ACLED_COLUMNS, acledCsv, collectCorpusEvents, csvField } from '../../src/jobs/index.js';
import type { AnalysedDocument, Event } from '../../src/model/index.js';

const event: Event = {
  id: 'ev-armed_clash.fighting-2024-07-25-kidal-aaaa',
  type: 'armed_clash',
  date: { start: '2024-07-25', end: '2024-07-25', precision: 'day' },
  location: 'ent-kidal',
  actors: ['ent-mali-army', 'ent-jnim'],
  fatalities: { min: 12, max: 12 },
  evidence: [{ start: 0, end: 100 }],
};
const doc = (id: string, source: string, e: Event): AnalysedDocument =>
  ({
    id,
    source,
    text: 'اشتباك، "عنيف" في كيدال',
    events: [e],
    entities: [
      {
        id: 'ent-mali-army',
        type: 'organization',
        kind: 'military',
        name: 'Malian Armed Forces',
        name_ar: 'الجيش المالي',
        aliases: [],
        mentions: [],
      },
      {
        id: 'ent-jnim',
        type: 'organization',
        kind: 'terrorist_group',
        name: 'JNIM',
        name_ar: 'جماعة نصرة الإسلام والمسلمين',
        aliases: [],
        mentions: [],
      },
      {
        id: 'ent-kidal',
        type: 'location',
        kind: 'city',
        name: 'Kidal',
        name_ar: 'كيدال',
        aliases: [],
        mentions: [],
      },
    ],
  }) as unknown as AnalysedDocument;
const docs = [doc('d1', 'a.txt', event), doc('d2', 'b.txt', event)];
const kb = {
  get: (id: string) =>
    (
      ({
        kidal: {
          id: 'kidal',
          kind: 'city',
          name: 'Kidal',
          country: 'mali',
          coordinates: [18.44, 1.41],
          links: [{ type: 'located_in', target: 'kidal-region' }],
        },
        'kidal-region': { id: 'kidal-region', kind: 'region', name: 'Kidal Region', links: [] },
        mali: { id: 'mali', kind: 'country', name: 'Mali', cca3: 'MLI', links: [] },
      }) as unknown as Record<string, never>
    )[id],
};

describe('ACLED export', () => {
  it('writes the codebook columns, one row per corpus event with all its sources', () => {
    const lines = acledCsv(docs, { kb, timestamp: 1700000000 }).trimEnd().split('\r\n');
    expect(lines[0]).toBe(ACLED_COLUMNS.join(','));
    expect(lines).toHaveLength(2);
    const row = lines[1]!;
    expect(row).toMatch(
      /^MLI\d+,2024-07-25,2024,1,Political violence,Battles,Armed clash,Malian Armed Forces,,1,JNIM,,2,12,/,
    );
    expect(row).toContain(',Mali,Kidal Region,,,Kidal,18.44,1.41,1,a.txt; b.txt,,');
    expect(row).toContain(',12,,1700000000');
    expect(row).toContain('"اشتباك، ""عنيف"" في كيدال"');
  });
  it('quotes CSV fields', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField(null)).toBe('');
  });
});

describe('marsad events filters', () => {
  const all = collectCorpusEvents(docs);
  it('one corpus event with both sources', () => {
    expect(all).toHaveLength(1);
    expect(all[0]!.sources).toEqual(['a.txt', 'b.txt']);
  });
  it('filters by type, dates, actor and place', () => {
    expect(filterEvents(all, { type: 'armed_clash' })).toHaveLength(1);
    expect(filterEvents(all, { type: 'meeting' })).toHaveLength(0);
    expect(filterEvents(all, { from: '2024-07-01', to: '2024-07-31' })).toHaveLength(1);
    expect(filterEvents(all, { from: '2024-08-01' })).toHaveLength(0);
    expect(filterEvents(all, { actor: 'jnim' })).toHaveLength(1);
    expect(filterEvents(all, { actor: 'الجيش المالي' })).toHaveLength(1);
    expect(filterEvents(all, { actor: 'wagner' })).toHaveLength(0);
    expect(filterEvents(all, { place: 'كيدال' })).toHaveLength(1);
  });
});
