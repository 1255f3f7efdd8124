import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { nameKey } from '../corpus/index.js';
import {
  defaultKbDirs,
  formatIssue,
  type KbEntity,
  KbEntryPatch,
  type KbIssue,
  KbValidationError,
  loadKnowledgeBase,
  readKbFile,
  SHIPPED_KB_DIR,
} from '../kb/index.js';
import { ENTITY_KINDS, ENTITY_TYPES, MarsadError } from '../model/index.js';
import { type CommandContext, type GlobalOptions, makeContext } from './context.js';
import { EXIT } from './exit-codes.js';

// `marsad kb list | validate | add`: the merged knowledge base (shipped data/kb + the user's
// layers), and the user's own file — `$MARSAD_KB` (its first path) or ~/.marsad/kb/user.yaml.
// The shipped files are never written.

/** The file `kb add` writes. */
export function userKbFile(env: Readonly<Record<string, string | undefined>>, home: string): string {
  const first = (env.MARSAD_KB ?? '')
    .split(delimiter)
    .map((p) => p.trim())
    .find(Boolean);
  if (!first) return join(home, '.marsad', 'kb', 'user.yaml');
  return /\.ya?ml$/i.test(first) ? resolve(first) : join(resolve(first), 'user.yaml');
}

const isInside = (path: string, dir: string) => {
  const r = relative(resolve(dir), resolve(path));
  return r === '' || (!r.startsWith('..') && !r.startsWith('/'));
};

// ---- writing entries in the style of data/kb: one key a line, lists and maps in flow style

const FIELD_ORDER = Object.keys(KbEntryPatch.shape);

function scalar(s: string, inFlow: boolean): string {
  const probe = inFlow ? `- k: [${s}]` : `- k: ${s}`;
  try {
    const parsed = parseYaml(probe) as [{ k: unknown }];
    const v = inFlow ? (parsed[0].k as unknown[])[0] : parsed[0].k;
    if (v === s && (!inFlow || (parsed[0].k as unknown[]).length === 1)) return s;
  } catch {
    // not plain: quote it
  }
  return `'${s.replace(/'/g, "''")}'`;
}

function flow(v: unknown, inFlow: boolean): string {
  if (typeof v === 'string') return scalar(v, inFlow);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => flow(x, true)).join(', ')}]`;
  if (v && typeof v === 'object')
    return `{ ${Object.entries(v)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => `${k}: ${flow(x, true)}`)
      .join(', ')} }`;
  throw new MarsadError('E_INTERNAL', `cannot write ${String(v)} to YAML`);
}

/** One entry as data/kb writes it. */
export function formatKbEntry(entry: KbEntryPatch): string {
  const keys = Object.keys(entry).sort((a, b) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b));
  const lines: string[] = [];
  for (const k of keys) {
    const v = (entry as Record<string, unknown>)[k];
    if (v === undefined) continue;
    lines.push(`${lines.length === 0 ? '- ' : '  '}${k}: ${flow(v, false)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** An update: given scalars replace, given lists are united with the old ones. */
function mergePatch(old: KbEntryPatch, patch: KbEntryPatch): KbEntryPatch {
  const out: Record<string, unknown> = { ...old };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    if (Array.isArray(v) && Array.isArray(out[k]) && (k === 'aliases_ar' || k === 'aliases')) {
      const have = new Set((out[k] as string[]).map(nameKey));
      out[k] = [...(out[k] as string[]), ...(v as string[]).filter((x) => !have.has(nameKey(x)))];
    } else out[k] = v;
  }
  return out as KbEntryPatch;
}

/**
 * The new text of a KB file with `entry` appended, or replacing the block of the entry with the
 * same id (comments elsewhere in the file stay).
 */
export function upsertKbText(text: string, entry: KbEntryPatch): string {
  const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  const idLine = new RegExp(`^- id: ['"]?${entry.id.replace(/-/g, '\\-')}['"]?\\s*(#.*)?$`);
  const start = lines.findIndex((l) => idLine.test(l));
  const block = formatKbEntry(entry).replace(/\n$/, '').split('\n');
  if (start < 0) return `${[...lines, ...block].join('\n')}\n`;
  let end = start + 1;
  while (end < lines.length && /^ {2}\S/.test(lines[end]!)) end++;
  return `${[...lines.slice(0, start), ...block, ...lines.slice(end)].join('\n')}\n`;
}

function printIssues(ctx: CommandContext, issues: readonly KbIssue[]): void {
  for (const i of issues) ctx.out.error(formatIssue(i));
}

function validateLayers(dirs: readonly string[]): { entities: number; files: number; issues: KbIssue[] } {
  try {
    const kb = loadKnowledgeBase({ dirs });
    return { entities: kb.entities.size, files: kb.files.length, issues: [] };
  } catch (e) {
    if (e instanceof KbValidationError) return { entities: 0, files: 0, issues: [...e.issues] };
    throw e;
  }
}

function existingLayers(ctx: CommandContext): string[] {
  return defaultKbDirs(process.env, homedir()).filter((d) => {
    if (existsSync(d)) return true;
    ctx.out.note(`knowledge base layer ${d} does not exist (yet): skipped`);
    return false;
  });
}

const layerOf = (e: KbEntity) => (e.sources.some((s) => !isInside(s, SHIPPED_KB_DIR)) ? 'user' : 'shipped');

export function registerKb(program: Command): void {
  const kb = program
    .command('kb')
    .description('the knowledge base: list it, validate it, add to your own file');

  kb.command('list')
    .description('entities of the merged knowledge base (shipped + yours)')
    .option('--type <type>', ENTITY_TYPES.join(' | '))
    .option('--kind <kind>', 'country, armed_group, …')
    .option('--q <text>', 'id, name or alias containing this')
    .option('--user', 'only entries your layers define or override')
    .action(async (opts: { type?: string; kind?: string; q?: string; user?: boolean }, cmd: Command) => {
      const ctx = makeContext(cmd.optsWithGlobals<GlobalOptions>());
      if (opts.type && !(ENTITY_TYPES as readonly string[]).includes(opts.type))
        throw new MarsadError('E_USAGE', `--type must be one of: ${ENTITY_TYPES.join(', ')}`);
      if (opts.kind && !(ENTITY_KINDS as readonly string[]).includes(opts.kind))
        throw new MarsadError('E_USAGE', `--kind must be one of: ${ENTITY_KINDS.join(', ')}`);
      const base = loadKnowledgeBase({ dirs: existingLayers(ctx) });
      const q = opts.q ? nameKey(opts.q) : '';
      const rows = [...base.entities.values()]
        .filter((e) => !opts.type || e.type === opts.type)
        .filter((e) => !opts.kind || e.kind === opts.kind)
        .filter((e) => !opts.user || layerOf(e) === 'user')
        .filter(
          (e) =>
            q === '' ||
            [e.id, e.name, e.name_ar, ...e.aliases_ar, ...e.aliases].some((f) => nameKey(f).includes(q)),
        )
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      if (ctx.out.json)
        return ctx.out.data({
          total: rows.length,
          entities: rows.map((e) => ({ ...e, layer: layerOf(e) })),
        });
      ctx.out.line(`${rows.length} entities`);
      for (const e of rows)
        ctx.out.line(
          `${e.id}  ${e.type}/${e.kind}  ${e.name_ar} — ${e.name}${layerOf(e) === 'user' ? '  [user]' : ''}`,
        );
    });

  kb.command('validate')
    .description('check the knowledge base (shipped + yours), or one file on top of the shipped KB')
    .argument('[path]', 'a YAML file or folder')
    .action(async (path: string | undefined, _opts: unknown, cmd: Command) => {
      const ctx = makeContext(cmd.optsWithGlobals<GlobalOptions>());
      if (path !== undefined && !existsSync(path))
        throw new MarsadError('E_NOT_FOUND', `no such file or folder: ${path}`, { input: path });
      const dirs =
        path === undefined
          ? existingLayers(ctx)
          : isInside(path, SHIPPED_KB_DIR)
            ? [SHIPPED_KB_DIR]
            : [SHIPPED_KB_DIR, resolve(path)];
      const r = validateLayers(dirs);
      if (ctx.out.json) ctx.out.data({ ok: r.issues.length === 0, layers: dirs, ...r });
      else if (r.issues.length === 0) ctx.out.line(`ok: ${r.entities} entities from ${r.files} files`);
      else {
        printIssues(ctx, r.issues);
        ctx.out.line(`${r.issues.length} problems`);
      }
      if (r.issues.length > 0) process.exitCode = EXIT.usage;
    });

  kb.command('add')
    .description('add an entity to your KB file, or update one (your file only; never the shipped KB)')
    .requiredOption('--id <id>', 'a slug: lower-case letters, digits, hyphens (an existing id overrides it)')
    .option('--type <type>', ENTITY_TYPES.join(' | '))
    .option('--kind <kind>', 'country, armed_group, …')
    .option('--name <name>', 'canonical Latin-script name')
    .option('--name-ar <name>', 'canonical Arabic name')
    .option(
      '--alias-ar <form>',
      'an Arabic alias (repeat for more)',
      (v: string, acc: string[]) => [...acc, v],
      [],
    )
    .option(
      '--alias <form>',
      'a Latin-script alias (repeat for more)',
      (v: string, acc: string[]) => [...acc, v],
      [],
    )
    .option('--wikidata <qid>', 'Wikidata id, Q…')
    .option('--country <id>', 'KB id of its country')
    .option('--description <text>', 'a short English gloss')
    .action(async (opts: Record<string, string | string[] | undefined>, cmd: Command) => {
      const ctx = makeContext(cmd.optsWithGlobals<GlobalOptions>());
      const file = userKbFile(process.env, homedir());
      if (isInside(file, SHIPPED_KB_DIR))
        throw new MarsadError(
          'E_USAGE',
          `${file} is the shipped knowledge base: set MARSAD_KB to your own file`,
        );
      const raw: Record<string, unknown> = {
        id: opts.id,
        type: opts.type,
        kind: opts.kind,
        name: opts.name,
        name_ar: opts.nameAr,
        aliases_ar: (opts.aliasAr as string[]).length ? opts.aliasAr : undefined,
        aliases: (opts.alias as string[]).length ? opts.alias : undefined,
        wikidata: opts.wikidata,
        country: opts.country,
        description: opts.description,
      };
      for (const k of Object.keys(raw)) if (raw[k] === undefined) delete raw[k];
      const parsed = KbEntryPatch.safeParse(raw);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({
          file,
          entry: String(opts.id),
          field: i.path.join('.'),
          message: i.message,
        }));
        throw new KbValidationError(issues);
      }
      // the file as it is must be readable, so that writing it cannot destroy anything
      const issues: KbIssue[] = [];
      const old = existsSync(file) ? readKbFile(file, issues) : [];
      if (issues.length > 0) throw new KbValidationError(issues);
      const previous = old.find((e) => e.id === parsed.data.id);
      const entry = previous ? mergePatch(previous, parsed.data) : parsed.data;
      // the whole KB with the change must be valid: the entry as the last layer on what exists now
      const layers = existingLayers(ctx);
      const check = (() => {
        try {
          loadKnowledgeBase({ dirs: layers, patches: [entry], patchesLabel: file });
          return [];
        } catch (e) {
          if (e instanceof KbValidationError) return [...e.issues];
          throw e;
        }
      })();
      if (check.length > 0) throw new KbValidationError(check);
      const text = existsSync(file)
        ? readFileSync(file, 'utf8')
        : '# My Marsad knowledge base (marsad kb add)\n';
      const next = upsertKbText(text, entry);
      // what is written must read back as the entry, with the fast reader or the full one
      const back = (parseYaml(next) as KbEntryPatch[]).filter((e) => e.id === entry.id);
      if (
        back.length !== 1 ||
        JSON.stringify(KbEntryPatch.parse(back[0])) !== JSON.stringify(KbEntryPatch.parse(entry))
      )
        throw new MarsadError('E_INTERNAL', `could not write ${entry.id} to ${file} faithfully`);
      mkdirSync(dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, next);
      renameSync(tmp, file);
      if (ctx.out.json) return ctx.out.data({ file, updated: previous !== undefined, entry });
      ctx.out.line(`${previous ? 'updated' : 'added'} ${entry.id} in ${file}`);
      ctx.out.note('run `marsad reanalyze` for stored documents to link with it');
    });
}
