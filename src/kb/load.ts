import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { MarsadError } from '../model/index.js';
import { parseKbYaml } from './fast-yaml.js';
import { type KbIssue, KbValidationError } from './issues.js';
import { finishEntities, type KnowledgeBase, makeKnowledgeBase } from './kb.js';
import { mergeEntry, type PendingEntity, startEntity } from './merge.js';
import { KbEntryPatch } from './schema.js';

export interface LoadOptions {
  /**
   * Directories or single YAML files, lowest priority first: the shipped `data/kb`, then the user's
   * KB (`$MARSAD_KB`, `~/.marsad/kb`). A later layer's entry with a known id overrides fields of it;
   * a new id adds an entity.
   */
  readonly dirs: readonly string[];
  /**
   * Entries held in memory, merged after every file: the LAST layer. The analyst's entity edits
   * (merge, split, rename — src/corpus) arrive here as patches, so re-analysis through the KB
   * reproduces them. Unlike a file, one id may be patched several times (in order).
   */
  readonly patches?: readonly KbEntryPatch[];
  /** How the patch layer is named in issues and in an entity's `sources`. */
  readonly patchesLabel?: string;
}

/** The default name of the in-memory patch layer. */
export const PATCH_LAYER_LABEL = '(entity edits)';

const isYaml = (name: string) => /\.ya?ml$/i.test(name);
const isGenerated = (file: string) => /\.generated\.ya?ml$/i.test(file);

/** The YAML files of one layer: generated files first (they are the base the hand files edit). */
export function layerFiles(path: string): string[] {
  const abs = resolve(path);
  if (!existsSync(abs))
    throw new MarsadError('E_NOT_FOUND', `knowledge base path not found: ${abs}`, { input: abs });
  if (!statSync(abs).isDirectory()) return [abs];
  return readdirSync(abs)
    .filter(isYaml)
    .sort((a, b) => Number(isGenerated(b)) - Number(isGenerated(a)) || (a < b ? -1 : a > b ? 1 : 0))
    .map((n) => join(abs, n));
}

function zodIssues(file: string, entry: string, error: z.ZodError): KbIssue[] {
  return error.issues.map((is) => {
    const field = is.path.map(String).join('.');
    let message = is.message;
    if (is.code === 'unrecognized_keys') message = `unknown field(s): ${is.keys.join(', ')}`;
    return { file, entry, ...(field ? { field } : {}), message };
  });
}

/** Parse one file into patches; structural problems become issues (the file is skipped). */
export function readKbFile(file: string, issues: KbIssue[]): KbEntryPatch[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new MarsadError('E_IO', `cannot read ${file}`, { cause: e, input: file });
  }
  let doc: unknown;
  try {
    doc = parseKbYaml(text);
  } catch (e) {
    const where = e instanceof YAMLParseError && e.linePos ? ` (line ${e.linePos[0].line})` : '';
    issues.push({ file, message: `not valid YAML${where}: ${(e as Error).message.split('\n')[0]}` });
    return [];
  }
  if (doc === null || doc === undefined) return [];
  if (!Array.isArray(doc)) {
    issues.push({ file, message: 'expected a YAML list of entries (`- id: …`)' });
    return [];
  }
  const out: KbEntryPatch[] = [];
  const seen = new Set<string>();
  doc.forEach((raw, index) => {
    const rawId = raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string';
    const entry = rawId ? (raw as { id: string }).id : `#${index}`;
    const parsed = KbEntryPatch.safeParse(raw);
    if (!parsed.success) {
      issues.push(...zodIssues(file, entry, parsed.error));
      return;
    }
    if (seen.has(parsed.data.id)) {
      issues.push({ file, entry, field: 'id', message: 'duplicate id in this file' });
      return;
    }
    seen.add(parsed.data.id);
    out.push(parsed.data);
  });
  return out;
}

/**
 * Load, merge and validate the knowledge base. Throws KbValidationError (E_VALIDATION) listing
 * every issue, E_NOT_FOUND for a missing path.
 */
export function loadKnowledgeBase(options: LoadOptions): KnowledgeBase {
  const issues: KbIssue[] = [];
  const pending = new Map<string, PendingEntity>();
  const files: string[] = [];
  for (const layer of options.dirs) {
    // Within a layer an id may appear in a generated file and in one hand-written file (which
    // edits it), never in two hand-written files: that is almost always a copy-paste slip.
    const ownerInLayer = new Map<string, string>();
    for (const file of layerFiles(layer)) {
      files.push(file);
      for (const patch of readKbFile(file, issues)) {
        if (!isGenerated(file)) {
          const owner = ownerInLayer.get(patch.id);
          if (owner !== undefined) {
            issues.push({
              file,
              entry: patch.id,
              field: 'id',
              message: `id already defined in ${basename(owner)} of the same folder`,
            });
            continue;
          }
          ownerInLayer.set(patch.id, file);
        }
        const existing = pending.get(patch.id);
        if (existing) mergeEntry(existing, patch, file);
        else pending.set(patch.id, startEntity(patch, file));
      }
    }
  }
  if (options.patches && options.patches.length > 0) {
    const label = options.patchesLabel ?? PATCH_LAYER_LABEL;
    options.patches.forEach((raw, index) => {
      const parsed = KbEntryPatch.safeParse(raw);
      if (!parsed.success) {
        const entry = typeof raw?.id === 'string' ? raw.id : `#${index}`;
        issues.push(...zodIssues(label, entry, parsed.error));
        return;
      }
      const existing = pending.get(parsed.data.id);
      if (existing) mergeEntry(existing, parsed.data, label);
      else pending.set(parsed.data.id, startEntity(parsed.data, label));
    });
  }
  const entities = finishEntities(pending, issues);
  if (issues.length > 0) throw new KbValidationError(issues);
  return makeKnowledgeBase(entities, files);
}
