import type { KnowledgeBase } from './kb.js';
import type { KbEntity } from './schema.js';

// The alias index maps a normalised surface form to the entities it may name. Keys are token
// sequences (normalised tokens joined by one space) so a matcher can try the longest span first:
// «الحركة الوطنية لتحرير أزواد» (4 tokens) before «أزواد» (1 token).
// The normaliser is injected: it must be the very one the text layer applies to article tokens.

/** Which field of the entry a key came from. */
export type AliasSource = 'name' | 'name_ar' | 'alias_ar' | 'alias' | 'name_fr' | 'demonym';

export interface AliasHit {
  readonly id: string;
  readonly source: AliasSource;
  /** The form as written in the KB. */
  readonly form: string;
}

export interface AliasMatch {
  /** Token index where the match starts (inclusive) and ends (exclusive). */
  readonly start: number;
  readonly end: number;
  readonly key: string;
  readonly hits: readonly AliasHit[];
}

export interface AliasIndex {
  /** The longest key, in tokens: no match can be longer. */
  readonly maxAliasTokens: number;
  readonly size: number;
  keys(): IterableIterator<string>;
  /** Hits for an already-normalised key (tokens joined by one space). */
  get(key: string): readonly AliasHit[] | undefined;
  /** Normalise a surface form and look it up. */
  lookup(surface: string): readonly AliasHit[];
  /** Entity ids for a surface form (deduplicated). */
  ids(surface: string): readonly string[];
  /** The longest key starting at `tokens[start]`; tokens must already be normalised. */
  longestMatch(tokens: readonly string[], start: number): AliasMatch | undefined;
  /** Keys that name more than one entity. */
  ambiguous(): Array<{ key: string; ids: string[] }>;
}

export interface AliasIndexOptions {
  /**
   * Index nationality adjectives (المالي، الروسية، الأوكرانيين) instead of names. They are kept
   * apart because, by the annotation conventions, «القوات الروسية» is not a mention of Russia; a
   * stage that wants them (e.g. to read «مجموعة فاغنر الروسية») builds this second index.
   */
  readonly demonyms?: boolean;
}

function* formsOf(e: KbEntity, demonyms: boolean): Generator<[string, AliasSource]> {
  if (demonyms) {
    const d = e.demonyms_ar;
    if (!d) return;
    for (const f of [...d.m, ...d.f, ...d.pl, ...d.pl_f]) yield [f, 'demonym'];
    return;
  }
  yield [e.name_ar, 'name_ar'];
  for (const a of e.aliases_ar) yield [a, 'alias_ar'];
  yield [e.name, 'name'];
  for (const a of e.aliases) yield [a, 'alias'];
  if (e.name_fr !== undefined) yield [e.name_fr, 'name_fr'];
}

export function tokenKey(normalized: string): string {
  return normalized.split(/\s+/u).filter(Boolean).join(' ');
}

export function buildAliasIndex(
  kb: KnowledgeBase,
  normalize: (s: string) => string,
  options: AliasIndexOptions = {},
): AliasIndex {
  const map = new Map<string, AliasHit[]>();
  let maxAliasTokens = 0;
  const keyOf = (s: string) => tokenKey(normalize(s));
  for (const e of kb.entities.values()) {
    for (const [form, source] of formsOf(e, options.demonyms === true)) {
      const key = keyOf(form);
      if (!key) continue;
      const list = map.get(key);
      if (list?.some((h) => h.id === e.id)) continue;
      const hit: AliasHit = { id: e.id, source, form };
      if (list) list.push(hit);
      else map.set(key, [hit]);
      maxAliasTokens = Math.max(maxAliasTokens, key.split(' ').length);
    }
  }
  return {
    maxAliasTokens,
    size: map.size,
    keys: () => map.keys(),
    get: (key) => map.get(key),
    lookup: (surface) => map.get(keyOf(surface)) ?? [],
    ids: (surface) => [...new Set((map.get(keyOf(surface)) ?? []).map((h) => h.id))],
    longestMatch(tokens, start) {
      const limit = Math.min(maxAliasTokens, tokens.length - start);
      for (let n = limit; n >= 1; n--) {
        const key = tokens.slice(start, start + n).join(' ');
        const hits = map.get(key);
        if (hits) return { start, end: start + n, key, hits };
      }
      return undefined;
    },
    ambiguous() {
      const out: Array<{ key: string; ids: string[] }> = [];
      for (const [key, hits] of map) if (hits.length > 1) out.push({ key, ids: hits.map((h) => h.id) });
      return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    },
  };
}
