/**
 * Where the feature templates (features.ts) write. Training wants the feature strings
 * (`StringSink`); the tagger only wants the sum of their weight rows, and building ~50 strings
 * for each word it has not seen before, then hashing each one again in a Map, was half of its
 * time. `WeightSink` hashes the pieces of a feature as they come («p3=» then the three letters)
 * and looks the hash up in a table built from the model's feature strings, so no string is
 * made. One set of templates serves both, so they cannot drift apart.
 */
export interface FeatureSink {
  /** the feature `name + value` («w=» + «باماكو») */
  add(name: string, value: string): void;
  /** the feature `name + s.slice(from, to)`, without slicing */
  range(name: string, s: string, from: number, to: number): void;
  /** the feature `name + a + '|' + b` */
  pair(name: string, a: string, b: string): void;
  /** a feature already built as a string */
  raw(feature: string): void;
}

/** Collects the feature strings. */
export class StringSink implements FeatureSink {
  constructor(readonly out: string[] = []) {}
  add(name: string, value: string): void {
    this.out.push(name + value);
  }
  range(name: string, s: string, from: number, to: number): void {
    this.out.push(name + s.slice(from, to));
  }
  pair(name: string, a: string, b: string): void {
    this.out.push(`${name}${a}|${b}`);
  }
  raw(feature: string): void {
    this.out.push(feature);
  }
}

/** Weight rows of a model pass: feature string → row of T weights in `weights`. */
export interface WeightRows {
  features: ReadonlyMap<string, number>;
  weights: Float32Array;
}

// Two independent 32-bit hashes of the same character stream (FNV-1a and a multiply–xorshift):
// one picks the slot, both must match, so a feature the model lacks is mistaken for one it has
// only when 64 bits agree (about 1 in 10^14 per lookup with 250k features).
let ha = 0;
let hb = 0;

function begin(): void {
  ha = 0x811c9dc5 | 0;
  hb = 0x2545f491 | 0;
}

function feed(s: string, from: number, to: number): void {
  let a = ha;
  let b = hb;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b + c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  ha = a;
  hb = b;
}

/**
 * Open-addressing table: (hash a, hash b) → row. The three are stored side by side in one array
 * (a slot is 16 bytes), so a lookup touches one cache line, not three. Most features a new word
 * or word pair writes are not in the model; a bit per value of hash b's low bits (`present`, a
 * few hundred kilobytes, cache-resident where the table is not) answers most of those without
 * touching the table.
 */
export class FeatureTable {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly present: Uint32Array;
  private readonly presentMask: number;

  private constructor(size: number) {
    this.slots = new Int32Array(size * 4);
    for (let i = 0; i < size; i++) this.slots[i * 4 + 2] = -1;
    this.mask = size - 1;
    // 8 bits per slot of the table: with the table at most half full, ~6% of the bits are set
    this.present = new Uint32Array(size / 4);
    this.presentMask = size * 8 - 1;
  }

  /** The table of a pass's features, or null in the (never yet seen) case of a 64-bit collision. */
  static build(features: ReadonlyMap<string, number>): FeatureTable | null {
    let size = 1024;
    while (size < features.size * 2) size *= 2;
    const t = new FeatureTable(size);
    const slots = t.slots;
    for (const [f, row] of features) {
      begin();
      feed(f, 0, f.length);
      if (t.find() >= 0) return null;
      let i = ha & t.mask;
      while (slots[i * 4 + 2]! >= 0) i = (i + 1) & t.mask;
      slots[i * 4] = ha;
      slots[i * 4 + 1] = hb;
      slots[i * 4 + 2] = row;
      const bit = hb & t.presentMask;
      t.present[bit >>> 5]! |= 1 << (bit & 31);
    }
    return t;
  }

  /** The row of the feature hashed so far, or −1. */
  find(): number {
    const bit = hb & this.presentMask;
    if ((this.present[bit >>> 5]! & (1 << (bit & 31))) === 0) return -1;
    const { mask, slots } = this;
    let i = ha & mask;
    for (;;) {
      const at = i * 4;
      const r = slots[at + 2]!;
      if (r < 0) return -1;
      if (slots[at] === ha && slots[at + 1] === hb) return r;
      i = (i + 1) & mask;
    }
  }
}

/** Adds the weight rows of the features written to it into `out[at..at+T)`. */
abstract class RowSumSink implements FeatureSink {
  private out: Float32Array = new Float32Array(0);
  private at = 0;
  constructor(
    private readonly weights: Float32Array,
    private readonly T: number,
  ) {}

  /** Directs the sums to `out` from index `at`. */
  into(out: Float32Array, at: number): this {
    this.out = out;
    this.at = at;
    return this;
  }

  /** Adds row `row` (−1: a feature the model lacks, nothing). */
  protected addRow(row: number): void {
    if (row < 0) return;
    const { T, weights: W, out, at } = this;
    const base = row * T;
    for (let t = 0; t < T; t++) out[at + t]! += W[base + t]!;
  }

  abstract add(name: string, value: string): void;
  abstract range(name: string, s: string, from: number, to: number): void;
  abstract pair(name: string, a: string, b: string): void;
  abstract raw(feature: string): void;
}

/** Hashes the pieces of each feature and finds its row in the table: no string is built. */
class WeightSink extends RowSumSink {
  constructor(
    private readonly table: FeatureTable,
    weights: Float32Array,
    T: number,
  ) {
    super(weights, T);
  }
  add(name: string, value: string): void {
    begin();
    feed(name, 0, name.length);
    feed(value, 0, value.length);
    this.addRow(this.table.find());
  }
  range(name: string, s: string, from: number, to: number): void {
    begin();
    feed(name, 0, name.length);
    feed(s, from, to);
    this.addRow(this.table.find());
  }
  pair(name: string, a: string, b: string): void {
    begin();
    feed(name, 0, name.length);
    feed(a, 0, a.length);
    feed('|', 0, 1);
    feed(b, 0, b.length);
    this.addRow(this.table.find());
  }
  raw(feature: string): void {
    begin();
    feed(feature, 0, feature.length);
    this.addRow(this.table.find());
  }
}

/** The fallback when no hash table could be built: the feature strings, looked up in the Map. */
class MapSink extends RowSumSink {
  constructor(
    private readonly features: ReadonlyMap<string, number>,
    weights: Float32Array,
    T: number,
  ) {
    super(weights, T);
  }
  private look(f: string): void {
    this.addRow(this.features.get(f) ?? -1);
  }
  add(name: string, value: string): void {
    this.look(name + value);
  }
  range(name: string, s: string, from: number, to: number): void {
    this.look(name + s.slice(from, to));
  }
  pair(name: string, a: string, b: string): void {
    this.look(`${name}${a}|${b}`);
  }
  raw(feature: string): void {
    this.look(feature);
  }
}

/** A sink that sums weight rows into a vector. */
export type SummingSink = RowSumSink;

const tables = new WeakMap<WeightRows, FeatureTable | null>();

/**
 * A sink summing the weights of `rows` (T per feature); the hash table is built once per pass
 * (`hashed: false`, or a collision: the strings and the Map, same sums).
 */
export function weightSink(rows: WeightRows, T: number, hashed = true): SummingSink {
  let t = tables.get(rows);
  if (t === undefined && hashed) {
    t = FeatureTable.build(rows.features);
    tables.set(rows, t);
  }
  return hashed && t ? new WeightSink(t, rows.weights, T) : new MapSink(rows.features, rows.weights, T);
}
