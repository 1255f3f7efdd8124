import { describe, expect, it } from 'vitest';
import {
  applyClusterMapping,
  type ClusterItem,
  clusterMapping,
  editDistance,
  findClusters,
  skeleton,
} from '../../src/corpus/index.js';
import { faghnerzDoc } from './fixtures.js';

const item = (
  id: string,
  name_ar: string | null,
  docs = 1,
  type: ClusterItem['entity']['type'] = 'organization',
  name: string | null = null,
): ClusterItem => ({
  entity: { id, type, name, name_ar },
  documents: docs,
});

describe('transliteration skeleton', () => {
  it('puts the usual variants of a foreign name together', () => {
    const same = [
      ['فاجنر', 'فاغنر', 'فاقنر'],
      ['بوكو حرام', 'بوكوحرام'],
      ['الشباب', 'شباب'],
      ['مُوسَى', 'موسي'],
      ['كتيبة', 'كتيبه'],
      ['أزواد', 'ازواد', 'آزواد'],
      ['مارتينيللي', 'مارتينيلي'],
    ];
    for (const group of same) expect(new Set(group.map(skeleton)).size, group.join(' / ')).toBe(1);
  });

  it('keeps different names apart', () => {
    expect(skeleton('كيدال')).not.toBe(skeleton('كيدان'));
    expect(skeleton('فاغنر')).not.toBe(skeleton('فاغنرز'));
  });

  it('edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('abcdef', 'xyz', 1)).toBe(2); // gave up early
  });
});

describe('clustering minted entities', () => {
  it('gives variants one id, the one seen in most documents', () => {
    const clusters = findClusters([
      item('ent-new-fajner', 'فاجنر', 1),
      item('ent-new-faghner', 'فاغنر', 5),
      item('ent-new-faqner', 'فاقنر', 2),
      item('ent-new-other', 'مجموعة أخرى', 3),
    ]);
    expect(clusters).toEqual([
      {
        id: 'ent-new-faghner',
        type: 'organization',
        members: ['ent-new-faghner', 'ent-new-faqner', 'ent-new-fajner'],
      },
    ]);
  });

  it('counts documents from (doc, entity) pairs too, ties go to the smaller id', () => {
    const pairs: ClusterItem[] = [
      { docId: 'd1', entity: { id: 'ent-new-b', type: 'person', name: null, name_ar: 'موسى' } },
      { docId: 'd2', entity: { id: 'ent-new-b', type: 'person', name: null, name_ar: 'موسى' } },
      { docId: 'd2', entity: { id: 'ent-new-a', type: 'person', name: null, name_ar: 'موسي' } },
      { docId: 'd3', entity: { id: 'ent-new-c', type: 'person', name: null, name_ar: 'موسى' } },
      { docId: 'd4', entity: { id: 'ent-new-c', type: 'person', name: null, name_ar: 'موسى' } },
    ];
    expect([...clusterMapping(pairs)].sort()).toEqual([
      ['ent-new-a', 'ent-new-b'],
      ['ent-new-c', 'ent-new-b'],
    ]);
  });

  it('is conservative: same type only, minted only, one edit apart only for long names', () => {
    expect(findClusters([item('ent-new-a', 'فاغنر'), item('ent-new-b', 'فاجنر', 1, 'person')])).toEqual([]);
    expect(findClusters([item('ent-wagner', 'فاغنر'), item('ent-new-b', 'فاجنر')])).toEqual([]);
    expect(findClusters([item('ent-new-a', 'كيدال'), item('ent-new-b', 'كيدان')])).toEqual([]);
    // 8+ letters: one letter off is a variant (جبهة تحرير ماسينا / ماسنا)
    const long = findClusters([
      item('ent-new-a', 'جبهة تحرير ماسينا', 2),
      item('ent-new-b', 'جبهة تحرير ماسنا'),
    ]);
    expect(long.map((c) => c.members)).toEqual([['ent-new-a', 'ent-new-b']]);
    expect(
      findClusters([item('ent-new-a', 'جبهة تحرير ماسينا'), item('ent-new-b', 'جبهة تحرير مالي')]),
    ).toEqual([]);
  });

  it('matches Latin names too', () => {
    const c = findClusters([
      item('ent-new-a', null, 1, 'person', 'Martinelli'),
      item('ent-new-b', null, 1, 'person', 'Martinneli'),
    ]);
    expect(c).toHaveLength(1);
  });

  it('leaves analyst-edited ids alone: one may absorb variants, two are never put together', () => {
    const guarded = new Set(['ent-new-fajner']);
    const one = findClusters([item('ent-new-fajner', 'فاجنر', 1), item('ent-new-faghner', 'فاغنر', 5)], {
      protectedIds: guarded,
    });
    expect(one[0]!.id).toBe('ent-new-fajner');
    const two = findClusters([item('ent-new-fajner', 'فاجنر'), item('ent-new-faghner', 'فاغنر')], {
      protectedIds: new Set(['ent-new-fajner', 'ent-new-faghner']),
    });
    expect(two).toEqual([]);
  });

  it('rewrites a document: variants folded into one entity with the cluster names', () => {
    const doc = {
      ...faghnerzDoc,
      entities: [
        { ...faghnerzDoc.entities[0]!, mentions: faghnerzDoc.entities[0]!.mentions.slice(0, 1) },
        {
          ...faghnerzDoc.entities[0]!,
          id: 'ent-new-faghnerz-2',
          mentions: faghnerzDoc.entities[0]!.mentions.slice(1),
        },
        faghnerzDoc.entities[1]!,
      ],
    };
    const mapping = new Map([
      ['ent-new-faghnerz', 'ent-new-fajnerz'],
      ['ent-new-faghnerz-2', 'ent-new-fajnerz'],
    ]);
    const names = new Map([
      ['ent-new-fajnerz', { type: 'organization' as const, name: null, name_ar: 'فاجنرز' }],
    ]);
    const out = applyClusterMapping(doc, mapping, names);
    expect(out.entities.map((e) => e.id)).toEqual(['ent-new-fajnerz', 'ent-mali']);
    expect(out.entities[0]).toMatchObject({ name_ar: 'فاجنرز', aliases: ['فاغنرز'] });
    expect(out.entities[0]!.mentions).toEqual(faghnerzDoc.entities[0]!.mentions);
    expect(applyClusterMapping(out, mapping, names)).toBe(out); // nothing left to do
  });
});
