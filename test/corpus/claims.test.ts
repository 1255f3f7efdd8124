import { describe, expect, it } from 'vitest';
import {
  aggregateRelations,
  type ClaimSourceDocument,
  filterClaimGroups,
  groupClaims,
  relationConfidence,
} from '../../src/corpus/index.js';
import type { Claim, Entity, Relation } from '../../src/model/index.js';

// Made-up articles: a ministry says a state trained rebels; the state denies it.

const ent = (id: string, name_ar: string, type: Entity['type'] = 'organization'): Entity => ({
  id,
  type,
  name: null,
  name_ar,
  aliases: [],
  mentions: [],
});
const ENTS = [
  ent('x-land', 'زاندا', 'location'),
  ent('rebels', 'جبهة الوادي'),
  ent('mfa', 'وزارة خارجية زاندا'),
];

let n = 0;
function doc(
  source: string,
  published: string | null,
  parts: { text: string; speaker: string | null; stance: Claim['stance']; about: string[] }[],
  relations: Relation[] = [],
): ClaimSourceDocument & { relations: Relation[] } {
  let text = '';
  const claims: Claim[] = [];
  for (const p of parts) {
    const start = text.length;
    text += `${p.text} `;
    claims.push({
      id: `cl-${++n}`,
      speaker: p.speaker,
      stance: p.stance,
      cue: 'قال',
      content: { start, end: start + p.text.length },
      about: p.about,
    });
  }
  return {
    id: `sha256:${String(n).padStart(64, '0')}`,
    source,
    published,
    text,
    claims,
    entities: ENTS,
    relations,
  };
}

const trained = 'دربت زاندا مقاتلي جبهة الوادي على استخدام الطائرات المسيرة في معسكرات سرية';
const a = doc('https://a.example/1', '2024-08-01', [
  { text: trained, speaker: null, stance: 'assert', about: ['x-land', 'rebels'] },
]);
const b = doc('https://b.example/2', '2024-08-03', [
  {
    text: 'زاندا دربت مقاتلي جبهة الوادي على الطائرات المسيرة',
    speaker: 'mali',
    stance: 'assert',
    about: ['x-land', 'rebels'],
  },
  {
    text: 'نفت وزارة خارجية زاندا تدريب مقاتلي جبهة الوادي على الطائرات المسيرة',
    speaker: 'mfa',
    stance: 'deny',
    about: ['x-land', 'rebels'],
  },
]);
const c = doc('https://a.example/3', '2024-08-05', [
  {
    text: 'ارتفعت أسعار القمح في الأسواق المحلية بشكل كبير هذا الشهر',
    speaker: null,
    stance: 'assert',
    about: [],
  },
]);
const d = doc('https://c.example/4', '2024-08-09', [
  {
    text: 'قال المتحدث إن زاندا دربت مقاتلي جبهة الوادي',
    speaker: 'mali',
    stance: 'assert',
    about: ['x-land', 'rebels'],
  },
  { text: 'نفت زاندا ذلك', speaker: 'x-land', stance: 'deny', about: [] },
]);

describe('claim groups', () => {
  const groups = groupClaims([a, b, c, d]);
  const training = groups.find((g) => g.claims.some((x) => x.quote === trained))!;

  it('groups claims about the same thing and keeps others apart', () => {
    expect(training.claims).toHaveLength(5);
    expect(groups).toHaveLength(2);
    expect(groups.find((g) => g !== training)!.claims[0]!.quote).toContain('القمح');
  });

  it('shows a contradiction: asserting and denying speakers, contested', () => {
    expect(training.contested).toBe(true);
    expect(training.asserting.map((s) => s.id).sort()).toEqual([null, 'mali'].sort());
    expect(training.denying.map((s) => s.id).sort()).toEqual(['mfa', 'x-land']);
    expect(training.denying.find((s) => s.id === 'mfa')!.name).toBe('وزارة خارجية زاندا');
    expect(groups[0]).toBe(training); // contested first
  });

  it('counts independent sources: a speaker once, an outlet on its own account once', () => {
    expect(training.documents).toBe(3);
    expect(training.outlets).toBe(3);
    expect(training.speakers).toBe(3); // mali (in two documents), mfa, x-land
    expect(training.independentSources).toBe(4); // + a.example reporting on its own
    expect(training.firstSeen).toBe('2024-08-01');
    expect(training.lastSeen).toBe('2024-08-09');
  });

  it('is deterministic whatever the input order', () => {
    const again = groupClaims([d, c, b, a]);
    expect(again.map((g) => g.id)).toEqual(groups.map((g) => g.id));
    expect(training.id).toMatch(/^cg-[0-9a-f]{12}$/);
  });

  it('filters', () => {
    expect(filterClaimGroups(groups, { contested: true })).toEqual([training]);
    expect(filterClaimGroups(groups, { speaker: 'mfa' })).toEqual([training]);
    expect(filterClaimGroups(groups, { stance: 'deny' })).toEqual([training]);
    expect(filterClaimGroups(groups, { about: 'rebels' })).toEqual([training]);
  });
});

describe('relation confidence', () => {
  const rel = (source: string, target: string, type: Relation['type'] = 'supports'): Relation => ({
    type,
    source,
    target,
    date: { start: '2024-07', end: '2024-07', precision: 'month' },
    evidence: [{ start: 0, end: 10 }],
  });
  it('grows with independent sources and falls with a denial', () => {
    expect(relationConfidence(1, 0)).toBe(0.5);
    expect(relationConfidence(2, 0)).toBe(0.75);
    expect(relationConfidence(2, 1)).toBeLessThan(relationConfidence(2, 0));
    const one = aggregateRelations([{ ...a, relations: [rel('x-land', 'rebels')] }]);
    const two = aggregateRelations([
      { ...a, relations: [rel('x-land', 'rebels')] },
      { ...c, relations: [rel('x-land', 'rebels')] }, // same outlet a.example
      { ...d, relations: [rel('x-land', 'rebels')] },
    ]);
    expect(one[0]!.confidence).toBe(0.5);
    expect(two[0]!.sources).toBe(2);
    expect(two[0]!.documents).toBe(3);
    expect(two[0]!.confidence).toBe(0.75);
    expect(two[0]!.start).toBe('2024-07');
    const groups = groupClaims([a, b, d]);
    const denied = aggregateRelations(
      [
        { ...a, relations: [rel('x-land', 'rebels')] },
        { ...d, relations: [rel('x-land', 'rebels')] },
      ],
      groups,
    );
    expect(denied[0]!.denials).toBe(2);
    expect(denied[0]!.deniedBy).toHaveLength(1);
    expect(denied[0]!.confidence).toBeLessThan(0.75);
    expect(denied[0]!.confidence).toBeGreaterThan(0);
  });
  it('merges both orders of a symmetric relation', () => {
    const r = aggregateRelations([
      { ...a, relations: [rel('x-land', 'rebels', 'hostile_to')] },
      { ...d, relations: [rel('rebels', 'x-land', 'hostile_to')] },
    ]);
    expect(r).toHaveLength(1);
    expect(r[0]!.symmetric).toBe(true);
    const s = aggregateRelations([
      { ...a, relations: [rel('x-land', 'rebels')] },
      { ...d, relations: [rel('rebels', 'x-land')] },
    ]);
    expect(s).toHaveLength(2);
  });
});
