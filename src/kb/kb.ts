import { basename } from 'node:path';
import type { EntityKind } from '../model/index.js';
import type { KbIssue } from './issues.js';
import type { PendingEntity } from './merge.js';
import { type KbDemonyms, type KbEntity, KIND_TYPE } from './schema.js';

export interface KnowledgeBase {
  readonly entities: ReadonlyMap<string, KbEntity>;
  /** The files read, in load order. */
  readonly files: readonly string[];
  get(id: string): KbEntity | undefined;
  byKind(kind: EntityKind): readonly KbEntity[];
  /** The entity a name stands for: a capital or palace → its country; anything else → itself. */
  resolveStandsFor(id: string): KbEntity | undefined;
}

const REQUIRED = ['type', 'kind', 'name', 'name_ar'] as const;

function asList(v: string | readonly string[] | undefined): string[] {
  return v === undefined ? [] : typeof v === 'string' ? [v] : [...v];
}

/** Check every merged entity is complete and consistent, and that every reference resolves. */
export function finishEntities(pending: ReadonlyMap<string, PendingEntity>, issues: KbIssue[]): KbEntity[] {
  const out: KbEntity[] = [];
  const at = (p: PendingEntity) => p.sources.map((s) => basename(s)).join(' + ');
  const lastFile = (p: PendingEntity) => p.sources[p.sources.length - 1]!;
  for (const [id, p] of pending) {
    const d = p.data;
    const missing = REQUIRED.filter((k) => d[k] === undefined);
    for (const k of missing)
      issues.push({
        file: lastFile(p),
        entry: id,
        field: k,
        message: `missing (entity defined in ${at(p)})`,
      });
    if (missing.length > 0) continue;
    const wanted = KIND_TYPE[d.kind!];
    if (wanted !== null && wanted !== d.type)
      issues.push({
        file: lastFile(p),
        entry: id,
        field: 'kind',
        message: `kind "${d.kind}" belongs to type "${wanted}", not "${d.type}"`,
      });
    const demonyms: KbDemonyms | undefined = d.demonyms_ar && {
      m: asList(d.demonyms_ar.m),
      f: asList(d.demonyms_ar.f),
      pl: asList(d.demonyms_ar.pl),
      pl_f: asList(d.demonyms_ar.pl_f),
    };
    const { demonyms_ar: _d, ...rest } = d;
    out.push({
      ...rest,
      type: d.type!,
      kind: d.kind!,
      name: d.name!,
      name_ar: d.name_ar!,
      aliases_ar: d.aliases_ar ?? [],
      aliases: d.aliases ?? [],
      links: d.links ?? [],
      ...(demonyms ? { demonyms_ar: demonyms } : {}),
      sources: [...p.sources],
    });
  }
  const byId = new Map(out.map((e) => [e.id, e]));
  for (const e of out) {
    const file = e.sources[e.sources.length - 1]!;
    const ref = (field: string, target: string) => {
      if (target === e.id) issues.push({ file, entry: e.id, field, message: 'refers to itself' });
      else if (!byId.has(target))
        issues.push({ file, entry: e.id, field, message: `unknown id "${target}"` });
    };
    if (e.country !== undefined) {
      ref('country', e.country);
      const c = byId.get(e.country);
      if (c && c.kind !== 'country')
        issues.push({
          file,
          entry: e.id,
          field: 'country',
          message: `"${e.country}" is a ${c.kind}, not a country`,
        });
    }
    if (e.stands_for !== undefined) ref('stands_for', e.stands_for);
    e.links.forEach((l, i) => {
      ref(`links.${i}.target`, l.target);
    });
  }
  return out;
}

export function makeKnowledgeBase(list: readonly KbEntity[], files: readonly string[]): KnowledgeBase {
  const entities = new Map(list.map((e) => [e.id, e]));
  const kinds = new Map<EntityKind, KbEntity[]>();
  for (const e of list) {
    const k = kinds.get(e.kind);
    if (k) k.push(e);
    else kinds.set(e.kind, [e]);
  }
  return {
    entities,
    files,
    get: (id) => entities.get(id),
    byKind: (kind) => kinds.get(kind) ?? [],
    resolveStandsFor(id) {
      let e = entities.get(id);
      for (let hops = 0; e?.stands_for !== undefined && hops < 4; hops++) e = entities.get(e.stands_for);
      return e;
    },
  };
}
