import type { Command } from 'commander';
import {
  type AggregatedRelation,
  type ClaimGroup,
  type ClaimRecord,
  type EntityCollector,
  filterClaimGroups,
} from '../corpus/index.js';
import { collectCorpusView } from '../jobs/index.js';
import { MarsadError, RELATION_TYPES, STANCES, type Stance } from '../model/index.js';
import type { Store } from '../store/index.js';
import { type CommandContext, type GlobalOptions, makeContext } from './context.js';

// `marsad claims` (claim groups across the corpus: corroboration and contradiction) and
// `marsad relations` (relations aggregated across documents, with a confidence).

function int(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new MarsadError('E_USAGE', `${flag} must be a non-negative integer`);
  return n;
}

/** An entity id, or a name the store's entity index knows. */
async function resolveEntity(store: Store, ref: string, flag: string): Promise<string> {
  const d = await store.getEntityDossier(ref, { documentsLimit: 0, coLimit: 0 });
  if (!d) throw new MarsadError('E_NOT_FOUND', `${flag}: no entity ${ref}`);
  return d.id;
}

const clip = (s: string, n = 160) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
};

function nameOf(entities: EntityCollector, id: string | null): string {
  if (id === null) return '(unattributed)';
  return entities.get(id)?.label ?? id;
}

function claimLine(c: ClaimRecord): string {
  return `    ${c.stance.padEnd(6)} ${c.speakerName ?? '(unattributed)'} «${c.cue}»: ${clip(c.quote)}\n           — ${c.source}${c.published ? `, ${c.published}` : ''}`;
}

function printGroup(ctx: CommandContext, g: ClaimGroup, entities: EntityCollector): void {
  const out = ctx.out;
  const seen =
    g.firstSeen === null
      ? 'undated'
      : g.firstSeen === g.lastSeen
        ? g.firstSeen
        : `${g.firstSeen} … ${g.lastSeen}`;
  out.line(
    `${g.id}${g.contested ? '  CONTESTED' : ''}  ${g.claims.length} claims, ${g.documents} documents, ${g.independentSources} independent sources, ${seen}`,
  );
  if (g.about.length > 0)
    out.line(
      `  about: ${g.about
        .slice(0, 8)
        .map((e) => nameOf(entities, e))
        .join('، ')}`,
    );
  const who = (label: string, list: ClaimGroup['asserting']) => {
    if (list.length > 0) out.line(`  ${label}: ${list.map((s) => s.name ?? '(unattributed)').join('، ')}`);
  };
  who('asserting', g.asserting);
  who('alleging', g.alleging);
  who('denying', g.denying);
  who('hedging', g.hedging);
  if (g.contested) {
    out.line('  assertions:');
    for (const c of g.claims) if (c.stance === 'assert' || c.stance === 'allege') out.line(claimLine(c));
    out.line('  denials:');
    for (const c of g.claims) if (c.stance === 'deny') out.line(claimLine(c));
    const rest = g.claims.filter((c) => c.stance === 'hedge');
    if (rest.length > 0) {
      out.line('  hedged:');
      for (const c of rest) out.line(claimLine(c));
    }
  } else {
    for (const c of g.claims) out.line(claimLine(c));
  }
  out.line();
}

function relationLine(r: AggregatedRelation, entities: EntityCollector): string {
  const arrow = r.symmetric ? '—' : '→';
  const dates = r.start ? `  ${r.start === r.end ? r.start : `${r.start} … ${r.end}`}` : '';
  return `${r.confidence.toFixed(2)}  ${nameOf(entities, r.source)} ${arrow}${r.type}${arrow} ${nameOf(entities, r.target)}  (${r.sources} sources, ${r.documents} documents${r.denials > 0 ? `, ${r.denials} denials` : ''})${dates}`;
}

export function registerClaims(program: Command): void {
  program
    .command('claims')
    .description('claims across the corpus, grouped by what they are about; --contested: contradictions')
    .option('--speaker <entity>', 'groups where this entity (id or name) speaks')
    .option('--about <entity>', 'groups about this entity (id or name)')
    .option('--stance <stance>', `groups with a claim of this stance: ${STANCES.join(' | ')}`)
    .option('--contested', 'only groups where someone asserts or alleges and someone denies')
    .option('--limit <n>', 'groups shown', '20')
    .option('--offset <n>', 'groups skipped', '0')
    .action(
      async (
        opts: {
          speaker?: string;
          about?: string;
          stance?: string;
          contested?: boolean;
          limit?: string;
          offset?: string;
        },
        cmd: Command,
      ) => {
        const ctx = makeContext(cmd.optsWithGlobals<GlobalOptions>());
        if (opts.stance !== undefined && !(STANCES as readonly string[]).includes(opts.stance))
          throw new MarsadError('E_USAGE', `--stance must be one of: ${STANCES.join(', ')}`);
        const limit = int(opts.limit, '--limit', 20);
        const offset = int(opts.offset, '--offset', 0);
        await ctx.withStore(async (store) => {
          const speaker = opts.speaker ? await resolveEntity(store, opts.speaker, '--speaker') : undefined;
          const about = opts.about ? await resolveEntity(store, opts.about, '--about') : undefined;
          const view = await collectCorpusView(store);
          const groups = filterClaimGroups(view.groups, {
            ...(speaker ? { speaker } : {}),
            ...(about ? { about } : {}),
            ...(opts.stance ? { stance: opts.stance as Stance } : {}),
            contested: Boolean(opts.contested),
          });
          const page = groups.slice(offset, offset + limit);
          if (ctx.out.json) return ctx.out.data({ total: groups.length, groups: page });
          if (groups.length === 0) {
            ctx.out.note(opts.contested ? 'no contested claims' : 'no claims');
            return;
          }
          for (const g of page) printGroup(ctx, g, view.entities);
          ctx.out.note(
            `${page.length} of ${groups.length} groups${opts.contested ? ' (contested)' : ''}, from ${view.documents} documents`,
          );
        });
      },
    );

  program
    .command('relations')
    .description('relations across the corpus, with evidence counts and a confidence')
    .option('--type <type>', `${RELATION_TYPES.join(' | ')}`)
    .option('--entity <entity>', 'relations with this entity (id or name) at either end')
    .option('--limit <n>', 'relations shown', '50')
    .option('--offset <n>', 'relations skipped', '0')
    .action(
      async (opts: { type?: string; entity?: string; limit?: string; offset?: string }, cmd: Command) => {
        const ctx = makeContext(cmd.optsWithGlobals<GlobalOptions>());
        if (opts.type !== undefined && !(RELATION_TYPES as readonly string[]).includes(opts.type))
          throw new MarsadError('E_USAGE', `--type must be one of: ${RELATION_TYPES.join(', ')}`);
        const limit = int(opts.limit, '--limit', 50);
        const offset = int(opts.offset, '--offset', 0);
        await ctx.withStore(async (store) => {
          const entity = opts.entity ? await resolveEntity(store, opts.entity, '--entity') : undefined;
          const view = await collectCorpusView(store);
          const rels = view.relations.filter(
            (r) =>
              (opts.type === undefined || r.type === opts.type) &&
              (entity === undefined || r.source === entity || r.target === entity),
          );
          const page = rels.slice(offset, offset + limit);
          if (ctx.out.json) return ctx.out.data({ total: rels.length, relations: page });
          for (const r of page) ctx.out.line(relationLine(r, view.entities));
          ctx.out.note(`${page.length} of ${rels.length} relations, from ${view.documents} documents`);
        });
      },
    );
}
