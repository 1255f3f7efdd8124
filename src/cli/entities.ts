import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import type { Command } from 'commander';
import {
  activeEdits,
  commitEdit,
  type EntityDossier,
  type EntityEdit,
  type EntityEditRecord,
  editsToPatches,
  MINTED_PREFIX,
  planMerge,
  planRename,
  planSplit,
  reapplyEdits,
  runClusterJob,
  undoEdit,
} from '../corpus/index.js';
import { defaultKbDirs, type KnowledgeBase, loadKnowledgeBase } from '../kb/index.js';
import { ENTITY_KINDS, ENTITY_TYPES, type EntityKind, type EntityType, MarsadError } from '../model/index.js';
import type { Store } from '../store/index.js';
import { type CommandContext, type GlobalOptions, makeContext } from './context.js';

// `marsad entities` (the corpus-wide entity list) and `marsad entity …` (a dossier; the analyst's
// merge / split / rename, the edit log and undo; clustering of minted entities).

function int(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new MarsadError('E_USAGE', `${flag} must be a non-negative integer`);
  return n;
}

function oneOf<T extends string>(
  value: string | undefined,
  flag: string,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new MarsadError('E_USAGE', `${flag} must be one of: ${allowed.join(', ')}`);
  return value as T;
}

/** The KB layers that exist (a $MARSAD_KB file not written yet is no error here). */
export function kbLayers(): string[] {
  return defaultKbDirs(process.env, homedir());
}

/** The file layers, and the same plus the active entity edits (what the pipeline links with). */
function loadKbs(records: readonly EntityEditRecord[], extra: readonly EntityEdit[] = []) {
  const dirs = kbLayers().filter((d) => existsSync(d));
  const base = loadKnowledgeBase({ dirs });
  const edits = [...activeEdits(records), ...extra];
  const withEdits: KnowledgeBase =
    edits.length === 0 ? base : loadKnowledgeBase({ dirs, patches: editsToPatches(edits, base) });
  return { base, withEdits };
}

const label = (e: { name: string | null; name_ar: string | null }) =>
  [e.name_ar, e.name].filter(Boolean).join(' — ') || '—';
const typeKind = (e: { type: string; kind: string | null }) => (e.kind ? `${e.type}/${e.kind}` : e.type);
const seen = (e: { firstSeen: string | null; lastSeen: string | null }) =>
  e.firstSeen === null
    ? 'undated'
    : e.firstSeen === e.lastSeen
      ? e.firstSeen
      : `${e.firstSeen} … ${e.lastSeen}`;

function describeEdit(edit: EntityEdit): string {
  switch (edit.op) {
    case 'merge':
      return `merge ${edit.absorbed.id} (${label(edit.absorbed)}) into ${edit.target.id} (${label(edit.target)})`;
    case 'split':
      return `split «${edit.form}» off ${edit.from.id} as ${edit.created.id}`;
    case 'rename':
      return `rename ${edit.entity.id} (${label(edit.entity)}) to ${label({ name: edit.name ?? edit.entity.name, name_ar: edit.name_ar ?? edit.entity.name_ar })}`;
  }
}

function printDossier(ctx: CommandContext, d: EntityDossier): void {
  const out = ctx.out;
  out.line(`${d.id}  ${typeKind(d)}${d.wikidata ? `  ${d.wikidata}` : ''}`);
  out.line(`  ${label(d)}`);
  out.line(`  ${d.documents} documents, ${d.mentions} mentions, seen ${seen(d)}`);
  out.line();
  out.line('names');
  for (const n of d.names) out.line(`  ${n.form}  (${n.documents})`);
  out.line();
  out.line(`documents${d.documentList.length < d.documents ? ` (first ${d.documentList.length})` : ''}`);
  for (const doc of d.documentList)
    out.line(
      `  ${(doc.published ?? '—').padEnd(10)}  ${doc.id.slice(0, 19)}  ${doc.source}  ${doc.title ?? ''}  ×${doc.mentions}`,
    );
  if (d.coOccurring.length > 0) {
    out.line();
    out.line('co-occurring (shared documents)');
    for (const c of d.coOccurring) out.line(`  ${String(c.shared).padStart(4)}  ${c.id}  ${label(c)}`);
  }
  if (d.alsoMatches.length > 0) {
    out.line();
    out.line(`also named so: ${d.alsoMatches.join(', ')}`);
  }
}

async function commitAndReport(ctx: CommandContext, store: Store, edit: EntityEdit): Promise<void> {
  // the patch layer must load on top of the KB before the edit is kept
  loadKbs(await store.listEntityEdits(), [edit]);
  const rec = await commitEdit(store, edit);
  if (ctx.out.json) return ctx.out.data({ edit: rec });
  ctx.out.line(`#${rec.seq} ${describeEdit(rec.edit)}: ${rec.documents} documents rewritten`);
  ctx.out.note('re-analysis reproduces it through the knowledge base; `marsad entity undo` reverses it');
}

export function registerEntities(program: Command): void {
  program
    .command('entities')
    .description('entities across the corpus, most documents first')
    .option('--type <type>', `${ENTITY_TYPES.join(' | ')}`)
    .option('--kind <kind>', 'a finer kind (country, armed_group, …)')
    .option('--q <text>', 'a name, alias or id containing this')
    .option('--minted', 'only entities the knowledge base does not know (ent-new-…)')
    .option('--limit <n>', 'rows per page', '50')
    .option('--offset <n>', 'skip this many rows', '0')
    .action(async (opts: Record<string, string | boolean | undefined>, cmd: Command) => {
      const ctx = makeContext(cmd.optsWithGlobals<GlobalOptions>());
      const query = {
        type: oneOf(opts.type as string | undefined, '--type', ENTITY_TYPES) as EntityType | undefined,
        kind: oneOf(opts.kind as string | undefined, '--kind', ENTITY_KINDS) as EntityKind | undefined,
        ...(opts.q ? { q: String(opts.q) } : {}),
        ...(opts.minted ? { idPrefix: MINTED_PREFIX } : {}),
        limit: int(opts.limit as string, '--limit', 50),
        offset: int(opts.offset as string, '--offset', 0),
      };
      const r = await ctx.withStore((store) => store.listEntities(query));
      if (ctx.out.json) return ctx.out.data(r);
      ctx.out.line(`${r.total} entities`);
      for (const e of r.entities)
        ctx.out.line(
          `${String(e.documents).padStart(5)} docs ${String(e.mentions).padStart(5)} mentions  ${e.id}  ${typeKind(e)}  ${label(e)}  ${seen(e)}`,
        );
    });

  const entity = program
    .command('entity')
    .description(
      'an entity dossier (by id, name or alias), and the analyst edits: merge, split, rename, undo',
    )
    .argument('[name-or-id...]', 'the entity')
    .option('--documents <n>', 'documents listed', '20')
    .option('--co <n>', 'co-occurring entities listed', '15')
    .action(async (words: string[], opts: { documents: string; co: string }, cmd: Command) => {
      const ctx = makeContext(cmd.optsWithGlobals<GlobalOptions>());
      const ref = words.join(' ').trim();
      if (ref === '') {
        cmd.help({ error: true });
        return;
      }
      const d = await ctx.withStore((store) =>
        store.getEntityDossier(ref, {
          documentsLimit: int(opts.documents, '--documents', 20),
          coLimit: int(opts.co, '--co', 15),
        }),
      );
      if (!d) throw new MarsadError('E_NOT_FOUND', `no entity matches ${ref}`, { input: ref });
      if (ctx.out.json) return ctx.out.data(d);
      printDossier(ctx, d);
    });

  entity
    .command('merge')
    .description('merge <absorbed> into <target> (target keeps its id and names)')
    .argument('<target>')
    .argument('<absorbed>')
    .action(async (target: string, absorbed: string, _opts: unknown, cmd: Command) => {
      const ctx = makeContext(cmd.optsWithGlobals<GlobalOptions>());
      await ctx.withStore(async (store) => {
        const { withEdits } = loadKbs(await store.listEntityEdits());
        await commitAndReport(ctx, store, await planMerge(store, withEdits, target, absorbed));
      });
    });

  entity
    .command('split')
    .description('the mentions written <form> become a new entity')
    .argument('<entity>')
    .requiredOption('--alias <form>', 'the surface form to split off')
    .option('--name <name>', 'Latin-script name of the new entity')
    .option('--name-ar <name>', 'Arabic name of the new entity (default: the form)')
    .action(async (ref: string, opts: { alias: string; name?: string; nameAr?: string }, cmd: Command) => {
      const ctx = makeContext(cmd.optsWithGlobals<GlobalOptions>());
      await ctx.withStore(async (store) => {
        const { withEdits } = loadKbs(await store.listEntityEdits());
        const edit = await planSplit(store, withEdits, ref, opts.alias, {
          name: opts.name,
          name_ar: opts.nameAr,
        });
        await commitAndReport(ctx, store, edit);
      });
    });

  entity
    .command('rename')
    .description('give an entity new canonical names (the old ones stay as aliases)')
    .argument('<entity>')
    .option('--name <name>', 'Latin-script name')
    .option('--name-ar <name>', 'Arabic name')
    .action(async (ref: string, opts: { name?: string; nameAr?: string }, cmd: Command) => {
      const ctx = makeContext(cmd.optsWithGlobals<GlobalOptions>());
      await ctx.withStore(async (store) => {
        const { withEdits } = loadKbs(await store.listEntityEdits());
        const edit = await planRename(store, withEdits, ref, { name: opts.name, name_ar: opts.nameAr });
        await commitAndReport(ctx, store, edit);
      });
    });

  entity
    .command('edits')
    .description('the entity edit log, oldest first')
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = makeContext(cmd.optsWithGlobals<GlobalOptions>());
      const records = await ctx.withStore((store) => store.listEntityEdits());
      if (ctx.out.json) return ctx.out.data({ edits: records });
      ctx.out.line(`${records.length} entity edits`);
      for (const r of records)
        ctx.out.line(
          `#${r.seq}  ${r.at}  ${describeEdit(r.edit)}  (${r.documents} documents)${r.undoneAt ? `  [undone ${r.undoneAt}]` : ''}`,
        );
    });

  entity
    .command('undo')
    .description('undo entity edit <n> (see `marsad entity edits`); later edits stay')
    .argument('<n>')
    .action(async (n: string, _opts: unknown, cmd: Command) => {
      const ctx = makeContext(cmd.optsWithGlobals<GlobalOptions>());
      const seq = Number(n);
      if (!Number.isInteger(seq) || seq < 1) throw new MarsadError('E_USAGE', `not an edit number: ${n}`);
      const rec = await ctx.withStore((store) => undoEdit(store, seq));
      if (ctx.out.json) return ctx.out.data({ edit: rec });
      ctx.out.line(`#${rec.seq} undone: ${describeEdit(rec.edit)}`);
    });

  entity
    .command('cluster')
    .description('give variant spellings of new (minted) entities one id across documents')
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = makeContext(cmd.optsWithGlobals<GlobalOptions>());
      const report = await ctx.withStore((store) => runClusterJob(store));
      if (ctx.out.json) return ctx.out.data(report);
      for (const c of report.clusters) ctx.out.line(`${c.id} ← ${c.members.slice(1).join(', ')}`);
      ctx.out.line(`${report.clusters.length} clusters, ${report.documents} documents rewritten`);
    });

  entity
    .command('reapply')
    .description('apply the entity edits again to the stored documents (after a re-analysis)')
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = makeContext(cmd.optsWithGlobals<GlobalOptions>());
      const n = await ctx.withStore((store) => reapplyEdits(store));
      if (ctx.out.json) return ctx.out.data({ documents: n });
      ctx.out.line(`${n} documents rewritten`);
    });
}
