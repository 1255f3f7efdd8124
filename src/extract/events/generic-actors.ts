// «هجوم المتمردين على …»: a bare group noun stands for the one armed group of the document that was
// named with the same noun («متمردي أزواد», «المتمردين الطوارق»). Document-level coreference, kept
// narrow: the noun must appear in one of that group's own mentions, and in no other group's.
import type { Entity } from '../../model/index.js';
import { normalizeForMatch } from '../../text/index.js';
import type { Word } from './triggers.js';

/** Group nouns, singular stem («متمرد» for المتمردين / المتمردون / متمردو / متمردي). */
export type GroupNouns = ReadonlySet<string>;

const PLURAL = /(?:ين|ون|يون|يين|ي|و)$/u;

function stemOf(form: string, nouns: GroupNouns): string | undefined {
  const bare = form.replace(/^ال/u, '');
  if (nouns.has(bare)) return bare;
  for (let cut = 1; cut <= 3; cut++) {
    const s = bare.slice(0, -cut);
    if (s.length >= 3 && PLURAL.test(bare.slice(-cut)) && nouns.has(s)) return s;
  }
  return undefined;
}

function isGroup(e: Entity): boolean {
  return e.kind === 'armed_group' || e.kind === 'terrorist_group';
}

/** Group noun stem → the document's only armed group named with it. */
export function groupAntecedents(entities: readonly Entity[], nouns: GroupNouns): Map<string, Entity> {
  const owners = new Map<string, Set<Entity>>();
  for (const e of entities) {
    if (!isGroup(e)) continue;
    for (const m of e.mentions)
      for (const w of normalizeForMatch(m.text).split(/\s+/u)) {
        const s = stemOf(w, nouns);
        if (!s) continue;
        const set = owners.get(s) ?? new Set<Entity>();
        set.add(e);
        owners.set(s, set);
      }
  }
  const out = new Map<string, Entity>();
  for (const [s, set] of owners) if (set.size === 1) out.set(s, [...set][0]!);
  return out;
}

/** The bare group nouns of a sentence's words that have an antecedent, as mention-like spans. */
export function genericActorMentions(
  words: readonly Word[],
  antecedents: ReadonlyMap<string, Entity>,
  nouns: GroupNouns,
): { entity: Entity; start: number; end: number }[] {
  if (!antecedents.size) return [];
  const out: { entity: Entity; start: number; end: number }[] = [];
  for (const w of words) {
    if (w.boundary) continue;
    for (const f of w.forms) {
      const s = stemOf(f, nouns);
      const e = s && antecedents.get(s);
      if (e) {
        out.push({ entity: e, start: w.start, end: w.end });
        break;
      }
    }
  }
  return out;
}
