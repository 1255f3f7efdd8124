import type { AnalysedDocument, Entity, EntityType } from '../model/index.js';
import { foldEntities } from './edits.js';
import { isMintedId } from './ids.js';
import { editDistance, skeleton } from './names.js';

// Cross-document clustering of minted entities. The linker mints one id per new name, so the same
// foreign group written فاجنر in one article and فاغنر in another gets two ids; clustering gives
// them one. Conservative on purpose — a wrong merge is worse than a missed one, and an analyst can
// still merge by hand: only minted ids, the same type, and equal skeletons (names.ts), or skeletons
// one edit apart when the name has at least 8 letters.

export interface ClusterItem {
  /** The document it came from (documents are counted per distinct id), when known. */
  docId?: string;
  entity: Pick<Entity, 'id' | 'type' | 'name' | 'name_ar'>;
  /** How many documents it stands for (instead of counting docIds). */
  documents?: number;
}

export interface ClusterOptions {
  /**
   * Ids an analyst edited: never folded into another id, and two of them are never put together.
   * One may absorb unedited variants (it is the cluster's id then).
   */
  protectedIds?: ReadonlySet<string>;
  /** Minimum skeleton length (letters) for the one-edit tolerance. */
  fuzzyMinLength?: number;
}

export interface Cluster {
  id: string;
  type: EntityType;
  members: string[];
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.parent.set(x, p);
    }
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra]; // the smaller id is the root
    this.parent.set(child, root);
  }
}

function skeletonsOf(e: ClusterItem['entity']): string[] {
  const out = new Set<string>();
  for (const n of [e.name_ar, e.name]) {
    if (!n) continue;
    const s = skeleton(n);
    if (s.length >= 2) out.add(s);
  }
  return [...out];
}

/** Groups of minted ids that name one entity (only groups of two or more). */
export function findClusters(items: readonly ClusterItem[], options: ClusterOptions = {}): Cluster[] {
  const fuzzyMin = options.fuzzyMinLength ?? 8;
  const protectedIds = options.protectedIds ?? new Set<string>();
  const info = new Map<string, { type: EntityType; docs: Set<string>; weight: number; skel: string[] }>();
  for (const it of items) {
    const { id } = it.entity;
    if (!isMintedId(id)) continue;
    let i = info.get(id);
    if (!i) {
      i = { type: it.entity.type, docs: new Set(), weight: 0, skel: skeletonsOf(it.entity) };
      info.set(id, i);
    }
    if (it.docId !== undefined) i.docs.add(it.docId);
    i.weight += it.documents ?? 0;
  }
  const uf = new UnionFind();
  // exact skeletons: one bucket per (type, skeleton)
  const exact = new Map<string, string>();
  // one-edit neighbours of long skeletons, through their single-letter deletions
  const deletions = new Map<string, Set<string>>();
  for (const [id, i] of info) {
    for (const s of i.skel) {
      const k = `${i.type}\u0000${s}`;
      const first = exact.get(k);
      if (first === undefined) exact.set(k, id);
      else uf.union(first, id);
      const letters = [...s];
      if (letters.length < fuzzyMin) continue;
      const keys = new Set([
        s,
        ...letters.map((_, j) => [...letters.slice(0, j), ...letters.slice(j + 1)].join('')),
      ]);
      for (const d of keys) {
        const dk = `${i.type}\u0000${d}`;
        const set = deletions.get(dk) ?? new Set<string>();
        deletions.set(dk, set);
        set.add(`${id}\u0000${s}`);
      }
    }
  }
  for (const set of deletions.values()) {
    if (set.size < 2) continue;
    const list = [...set].map((x) => x.split('\u0000') as [string, string]);
    for (let a = 0; a < list.length; a++)
      for (let b = a + 1; b < list.length; b++) {
        const [ia, sa] = list[a]!;
        const [ib, sb] = list[b]!;
        if (ia !== ib && editDistance(sa, sb, 1) <= 1) uf.union(ia, ib);
      }
  }
  const groups = new Map<string, string[]>();
  for (const id of info.keys()) {
    const r = uf.find(id);
    const g = groups.get(r);
    if (g) g.push(id);
    else groups.set(r, [id]);
  }
  const weight = (id: string) => {
    const i = info.get(id)!;
    return Math.max(i.docs.size, i.weight);
  };
  const out: Cluster[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const guarded = members.filter((m) => protectedIds.has(m));
    if (guarded.length > 1) continue; // two analyst-edited entities: the analyst decides
    members.sort((a, b) => weight(b) - weight(a) || (a < b ? -1 : a > b ? 1 : 0));
    const id = guarded[0] ?? members[0]!;
    out.push({ id, type: info.get(id)!.type, members: [id, ...members.filter((m) => m !== id)] });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** old id → cluster id, for every id that changes. */
export function clusterMapping(
  items: readonly ClusterItem[],
  options: ClusterOptions = {},
): Map<string, string> {
  const map = new Map<string, string>();
  for (const c of findClusters(items, options)) for (const m of c.members) if (m !== c.id) map.set(m, c.id);
  return map;
}

/**
 * A document with clustered ids: each variant becomes its cluster's entity (variants of one
 * document are folded into one, mentions united), carrying the cluster's names when given.
 */
export function applyClusterMapping(
  doc: AnalysedDocument,
  mapping: ReadonlyMap<string, string>,
  names: ReadonlyMap<string, Pick<Entity, 'type' | 'name' | 'name_ar'>> = new Map(),
): AnalysedDocument {
  const byTarget = new Map<string, Set<string>>();
  for (const e of doc.entities) {
    const to = mapping.get(e.id);
    if (to === undefined) continue;
    const s = byTarget.get(to) ?? new Set<string>();
    byTarget.set(to, s);
    s.add(e.id);
  }
  let out = doc;
  for (const [to, from] of byTarget) {
    const first = doc.entities.find((e) => from.has(e.id))!;
    out = foldEntities(out, from, to, names.get(to) ?? first);
  }
  return out;
}
