import type { KbEntryPatch, KbLink } from './schema.js';

// How a later entry with the same id changes an earlier one: scalars are replaced; lists
// (aliases_ar, aliases, links) are united unless the later entry says `replace: true`; demonym
// forms are replaced key by key.

export interface PendingEntity {
  data: Omit<KbEntryPatch, 'replace'>;
  sources: string[];
}

const LIST_FIELDS = ['aliases_ar', 'aliases'] as const;

function unite<T>(a: readonly T[] | undefined, b: readonly T[], key: (x: T) => string): T[] {
  const out = [...(a ?? [])];
  const seen = new Set(out.map(key));
  for (const x of b) {
    const k = key(x);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(x);
    }
  }
  return out;
}

const linkKey = (l: KbLink) => `${l.type}>${l.target}`;

export function startEntity(patch: KbEntryPatch, file: string): PendingEntity {
  const { replace: _replace, ...data } = patch;
  return { data, sources: [file] };
}

export function mergeEntry(into: PendingEntity, patch: KbEntryPatch, file: string): void {
  const { replace, ...fields } = patch;
  const d = into.data as Record<string, unknown>;
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || k === 'id') continue;
    if ((LIST_FIELDS as readonly string[]).includes(k)) {
      d[k] = replace ? [...(v as string[])] : unite(d[k] as string[] | undefined, v as string[], (s) => s);
    } else if (k === 'links') {
      // A later link with the same type and target replaces the earlier one (its dates may change).
      const next = v as KbLink[];
      if (replace) d[k] = [...next];
      else {
        const keys = new Set(next.map(linkKey));
        d[k] = [...((d[k] as KbLink[] | undefined) ?? []).filter((l) => !keys.has(linkKey(l))), ...next];
      }
    } else if (k === 'demonyms_ar' && !replace) {
      d[k] = { ...((d[k] as object | undefined) ?? {}), ...(v as object) };
    } else {
      d[k] = v;
    }
  }
  into.sources.push(file);
}
