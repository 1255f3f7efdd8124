// Events, claims and relations name entities by id; the API sends the named entities along
// (EntityRef lists). A page builds one id → name function from every list it has.

export function displayName(e: { name_ar?: string | null; name?: string | null; id: string }): string {
  return e.name_ar || e.name || e.id;
}

type Named = { id: string; name?: string | null; name_ar?: string | null };

/** id → display name from the given entity lists; an id no list names shows as itself. */
export function namer(...lists: readonly (readonly (Named | null | undefined)[])[]): (id: string) => string {
  const names = new Map<string, string>();
  for (const list of lists) for (const e of list) if (e && !names.has(e.id)) names.set(e.id, displayName(e));
  return (id) => names.get(id) ?? id;
}
