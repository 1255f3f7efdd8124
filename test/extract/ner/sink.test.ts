import { describe, expect, it } from 'vitest';
import {
  buildTriggerMap,
  leftPairFeatures,
  localFeatures,
  NEIGHBOUR_OFFSETS,
  neighbourFeatures,
  rightPairFeatures,
  tokenInfo,
  writeLeftPairFeatures,
  writeLocalFeatures,
  writeNeighbourFeatures,
  writeRightPairFeatures,
} from '../../../src/extract/ner/features.js';
import { FeatureTable, StringSink, weightSink } from '../../../src/extract/ner/sink.js';

// The tagger sums weights through hashed feature pieces (sink.ts); training builds strings.
// Both must see exactly the same features, or a model would tag differently from how it learnt.
const ctx = {
  vocab: new Map([
    ['باماكو', 5],
    ['غويتا', 3],
  ]),
  triggers: buildTriggerMap({ PERS: ['الرئيس'], LOC: ['مدينة'] }),
  clusters: [new Map([['باماكو', 4]]), new Map([['باماكو', 1]])],
};
const WORDS = ['وباماكو', 'الرئيس', 'غويتا', 'لتمبكتو', 'x', '2024', 'مدينة', 'أ'];
const infos = WORDS.map((w) => tokenInfo(w, ctx));

/** Every feature string the templates make for WORDS, plus some they never make. */
function allFeatures(): string[] {
  const out: string[] = ['w=nothing', 'p1=', 'zz'];
  infos.forEach((t, i) => {
    out.push(...localFeatures(t));
    for (const off of NEIGHBOUR_OFFSETS) neighbourFeatures(t, off, out);
    const next = infos[(i + 1) % infos.length]!;
    leftPairFeatures(t, next, i === 0, out);
    rightPairFeatures(t, next, out);
  });
  return out;
}

describe('feature sinks', () => {
  const T = 3;
  // a model that knows every other feature the templates make, with distinct weights
  const known = [...new Set(allFeatures())].filter((_, i) => i % 2 === 0);
  const features = new Map(known.map((f, i) => [f, i]));
  const weights = Float32Array.from({ length: known.length * T }, (_, j) => ((j * 7919) % 101) - 50);
  const rows = { features, weights };

  it('writes the same feature strings through a StringSink as the string templates', () => {
    const t = infos[0]!;
    const sink = new StringSink();
    writeLocalFeatures(t, sink);
    expect(sink.out).toEqual(localFeatures(t));
    expect(sink.out).toContain('p2=وب');
    expect(sink.out).toContain('ss2=كو');
  });

  it('sums the same weights hashed as through the feature strings and the Map', () => {
    const hashed = weightSink(rows, T);
    const strings = weightSink(rows, T, false);
    infos.forEach((t, i) => {
      const next = infos[(i + 1) % infos.length]!;
      const write = [
        (s: typeof hashed) => writeLocalFeatures(t, s),
        ...NEIGHBOUR_OFFSETS.map((off) => (s: typeof hashed) => writeNeighbourFeatures(t, off, s)),
        (s: typeof hashed) => writeLeftPairFeatures(t, next, i === 0, s),
        (s: typeof hashed) => writeRightPairFeatures(t, next, s),
      ];
      for (const w of write) {
        const a = new Float32Array(T);
        const b = new Float32Array(T);
        w(hashed.into(a, 0));
        w(strings.into(b, 0));
        expect(Array.from(a)).toEqual(Array.from(b));
      }
    });
    // and the sums are not trivially zero
    const a = new Float32Array(T);
    writeLocalFeatures(infos[0]!, hashed.into(a, 0));
    expect(a.some((x) => x !== 0)).toBe(true);
  });

  it('finds no feature the model lacks', () => {
    const sink = weightSink(rows, T);
    const out = new Float32Array(T);
    sink.into(out, 0);
    for (const f of allFeatures()) if (!features.has(f)) sink.raw(f);
    expect(Array.from(out)).toEqual([0, 0, 0]);
  });

  it('builds a table for a large feature set', () => {
    const big = new Map(Array.from({ length: 50_000 }, (_, i) => [`w=${i.toString(36)}`, i]));
    expect(FeatureTable.build(big)).not.toBeNull();
  });
});
