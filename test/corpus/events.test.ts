import { describe, expect, it } from 'vitest';
import {
  candidatePairs,
  kbPlaces,
  latestPossibleDay,
  mergeEventReports,
  reportAffinity,
  runEventMergeJob,
} from '../../src/corpus/events.js';
import type { AnalysedDocument, Event } from '../../src/model/index.js';

const ev = (id: string, over: Partial<Event> = {}): Event => ({
  id,
  type: 'armed_clash',
  date: { start: '2024-07-25', end: '2024-07-25', precision: 'day' },
  location: 'ent-kidal',
  actors: ['ent-mali-army', 'ent-jnim'],
  fatalities: null,
  evidence: [],
  ...over,
});

describe('event merging across documents', () => {
  it('merges two reports of one clash, tolerant of the date spread', () => {
    const a = ev('ev-armed_clash.fighting-2024-07-25-kidal-aaaa');
    const b = ev('ev-armed_clash.fighting-2024-07-nodate-bbbb', {
      date: { start: '2024-07-01', end: '2024-07-31', precision: 'month' },
      location: null,
      actors: ['ent-jnim'],
    });
    const ids = mergeEventReports([
      { doc: 'd1', event: a },
      { doc: 'd2', event: b },
    ]);
    expect(ids.get(`d1\u0000${a.id}`)).toBe(ids.get(`d2\u0000${b.id}`));
  });
  it('keeps apart different types, facets, far dates, other places and other actors', () => {
    const a = ev('ev-armed_clash.fighting-2024-07-25-kidal-aaaa');
    expect(reportAffinity(a, ev('x', { type: 'meeting' }))).toBe(0);
    expect(
      reportAffinity(a, ev('x', { date: { start: '2024-09-01', end: '2024-09-01', precision: 'day' } })),
    ).toBe(0);
    expect(reportAffinity(a, ev('x', { location: 'ent-gao' }))).toBe(0);
    expect(reportAffinity(a, ev('x', { actors: ['ent-wagner'] }))).toBe(0);
    expect(
      reportAffinity(
        ev('ev-military_aid.training-nodate-none-1', { type: 'military_aid', date: null }),
        ev('ev-military_aid.materiel-nodate-none-2', { type: 'military_aid', date: null }),
      ),
    ).toBe(0);
  });
  it('never joins two events of one document', () => {
    const ids = mergeEventReports([
      { doc: 'd1', event: ev('e1') },
      { doc: 'd1', event: ev('e2', { location: 'ent-gao' }) },
      { doc: 'd2', event: ev('e3', { location: null }) },
    ]);
    expect(ids.get('d1\u0000e1')).not.toBe(ids.get('d1\u0000e2'));
  });
  it('rewrites the stored documents, idempotently', async () => {
    const docs = new Map<string, AnalysedDocument>();
    const mk = (id: string, e: Event) => ({ id, events: [e] }) as unknown as AnalysedDocument;
    docs.set('d1', mk('d1', ev('ev-b')));
    docs.set('d2', mk('d2', ev('ev-a', { location: null })));
    const store = {
      async *iterateDocuments() {
        yield* docs.values();
      },
      getDocument: async (id: string) => docs.get(id) ?? null,
      updateDocument: async (d: AnalysedDocument) => {
        docs.set(d.id, d);
        return true;
      },
    };
    const r = await runEventMergeJob(store);
    expect(r).toEqual({ reports: 2, events: 1, documents: 1 });
    expect(docs.get('d1')!.events[0]!.id).toBe('ev-a');
    expect((await runEventMergeJob(store)).documents).toBe(0);
  });
});

describe('event merging: places and groups', () => {
  const kb = {
    get: (id: string) =>
      (
        ({
          kidal: { kind: 'city', country: 'mali', links: [{ type: 'located_in', target: 'kidal-region' }] },
          'kidal-region': { kind: 'region', country: 'mali', links: [] },
          mali: { kind: 'country', links: [] },
        }) as unknown as Record<string, never>
      )[id],
  };
  it('a town meets its region and country', () => {
    const opts = kbPlaces(kb);
    expect(opts.within('ent-kidal')).toEqual(expect.arrayContaining(['ent-kidal-region', 'ent-mali']));
    expect(reportAffinity(ev('a'), ev('b', { location: 'ent-kidal-region' }), opts)).toBeGreaterThan(0);
  });
  it('one town and the same days merge even when each report names another side', () => {
    const opts = kbPlaces(kb);
    expect(
      reportAffinity(ev('a', { actors: ['ent-wagner'] }), ev('b', { actors: ['ent-jnim'] }), opts),
    ).toBeGreaterThan(0);
  });
  it('does not chain: A~B and B~C with A≁C stay two events', () => {
    const ids = mergeEventReports([
      { doc: 'd1', event: ev('a', { date: null, location: 'ent-kidal', actors: ['ent-mali', 'ent-niger'] }) },
      { doc: 'd2', event: ev('b', { date: null, location: null, actors: ['ent-mali', 'ent-niger'] }) },
      { doc: 'd3', event: ev('c', { date: null, location: 'ent-gao', actors: ['ent-mali', 'ent-niger'] }) },
    ]);
    expect(new Set(ids.values()).size).toBe(2);
  });
});

describe('event merging: undated reports', () => {
  const states = new Set(['ent-mali', 'ent-russia', 'ent-niger', 'ent-burkina-faso']);
  const opts = { isState: (id: string) => states.has(id) };
  const undated = (id: string, actors: string[]) =>
    ev(id, { type: 'agreement', date: null, location: null, actors });
  it('two states in common are not enough: states sign many agreements', () => {
    expect(
      reportAffinity(
        undated('a', ['ent-russia', 'ent-mali', 'ent-wagner']),
        undated('b', ['ent-mali', 'ent-russia', 'ent-niger', 'ent-aes']),
        opts,
      ),
    ).toBe(0);
  });
  it('three states, or a named group with the shorter list, are', () => {
    expect(
      reportAffinity(
        undated('a', ['ent-mali', 'ent-niger', 'ent-burkina-faso']),
        undated('b', ['ent-aes', 'ent-mali', 'ent-niger', 'ent-burkina-faso']),
        opts,
      ),
    ).toBeGreaterThan(0);
    expect(
      reportAffinity(undated('a', ['ent-wagner']), undated('b', ['ent-wagner', 'ent-mali']), opts),
    ).toBeGreaterThan(0);
    expect(reportAffinity(undated('a', ['ent-mali']), undated('b', ['ent-mali', 'ent-wagner']), opts)).toBe(
      0,
    );
  });
});

describe('event merging: undated reports with many actors', () => {
  const opts = { isState: (id: string) => id === 'ent-mali' || id === 'ent-niger' };
  const agreement = (id: string, actors: string[]) =>
    ev(id, { type: 'agreement', date: null, location: null, actors });
  it('two shared actors among many others are not one event', () => {
    const a = agreement('a', ['ent-mali', 'ent-goita', 'ent-x', 'ent-y', 'ent-z']);
    const b = agreement('b', ['ent-mali', 'ent-goita', 'ent-norinco', 'ent-w', 'ent-v']);
    expect(reportAffinity(a, b, opts)).toBe(0);
    expect(reportAffinity(a, { ...b, actors: ['ent-mali', 'ent-goita', 'ent-x'] }, opts)).toBeGreaterThan(0);
  });
});

describe('event merging: time bounds and places between parties', () => {
  const states = new Set(['ent-mali', 'ent-ukraine', 'ent-russia']);
  const opts = { isState: (id: string) => states.has(id) };
  it('an undated report cannot be an event dated after its document', () => {
    const undated = ev('ev-agreement.agreement-nodate-none-1', {
      type: 'agreement',
      date: null,
      location: null,
      actors: ['ent-mali', 'ent-aes'],
    });
    const later = ev('ev-agreement.agreement-2024-09-01-none-2', {
      type: 'agreement',
      date: { start: '2024-09-01', end: '2024-09-30', precision: 'month' },
      location: null,
      actors: ['ent-mali', 'ent-aes'],
    });
    const merge = (notAfter?: string) =>
      new Set(
        mergeEventReports(
          [
            { doc: 'd1', event: undated, ...(notAfter ? { notAfter } : {}) },
            { doc: 'd2', event: later },
          ],
          opts,
        ).values(),
      ).size;
    expect(merge()).toBe(1);
    expect(merge('2023-10-31')).toBe(2);
  });
  it('the latest possible day is the publication, else a month after the latest date named', () => {
    expect(latestPossibleDay({ published: '2024-08-07', dates: [] })).toBe('2024-08-07');
    const year = {
      start: 0,
      end: 4,
      text: '2021',
      kind: 'date' as const,
      value: { start: '2021', end: '2021', precision: 'year' as const },
    };
    expect(latestPossibleDay({ published: null, dates: [year] })).toBe('2022-01-31');
    expect(latestPossibleDay({ published: null, dates: [] })).toBeUndefined();
  });
  it('aid placed in the giver’s country meets a report naming the giver', () => {
    const inUkraine = ev('ev-military_aid.training-nodate-ukraine-1', {
      type: 'military_aid',
      date: null,
      location: 'ent-ukraine',
      actors: ['ent-rebels', 'ent-ukraine'],
    });
    const inMali = ev('ev-military_aid.training-nodate-mali-2', {
      type: 'military_aid',
      date: null,
      location: 'ent-mali',
      actors: ['ent-ukraine', 'ent-rebels'],
    });
    expect(reportAffinity(inUkraine, inMali, opts)).toBeGreaterThan(0);
    // a clash is where it is fought
    expect(
      reportAffinity(
        { ...inUkraine, type: 'armed_clash', id: 'x' },
        { ...inMali, type: 'armed_clash', id: 'y' },
        opts,
      ),
    ).toBe(0);
  });
});

describe('event merging at corpus scale', () => {
  // a small deterministic generator (no Math.random: the test must be repeatable)
  let seed = 42;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pick = <T>(xs: readonly T[]) => xs[rnd(xs.length)]!;
  const actors = [
    'ent-mali',
    'ent-mali-army',
    'ent-wagner',
    'ent-jnim',
    'ent-niger',
    'ent-russia',
    'ent-azawad',
  ];
  const places = [null, 'ent-kidal', 'ent-gao', 'ent-mali', 'ent-kidal-region'];
  const types = ['armed_clash', 'agreement', 'military_aid'] as const;
  const reports = Array.from({ length: 300 }, (_, k) => {
    const day = 1 + rnd(28);
    const month = 1 + rnd(12);
    const d = `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const date =
      rnd(4) === 0
        ? null
        : rnd(3) === 0
          ? { start: d.slice(0, 7), end: d.slice(0, 7), precision: 'month' as const }
          : { start: d, end: d, precision: 'day' as const };
    const event = ev(`ev-${k}`, {
      type: pick(types),
      date,
      location: pick(places),
      actors: [...new Set([pick(actors), pick(actors)])].slice(0, 1 + rnd(2)),
    });
    return { doc: `d${rnd(60)}`, event };
  });
  const opts = {
    pointPlace: (p: string) => p === 'ent-kidal' || p === 'ent-gao',
    isState: (a: string) => a === 'ent-mali' || a === 'ent-niger' || a === 'ent-russia',
  };
  it('pairs by shared actor or town and date window: every pair the full comparison would merge', () => {
    const got = new Set(candidatePairs(reports, opts).map(([i, j]) => `${i},${j}`));
    let positive = 0;
    for (let i = 0; i < reports.length; i++)
      for (let j = i + 1; j < reports.length; j++)
        if (reportAffinity(reports[i]!.event, reports[j]!.event, opts) > 0) {
          positive++;
          expect(got.has(`${i},${j}`), `pair ${i},${j}`).toBe(true);
        }
    expect(positive).toBeGreaterThan(50);
    // and far fewer than all pairs of a type
    expect(got.size).toBeLessThan((reports.length * reports.length) / 6);
  });
});
