import { z } from 'zod';
import { MarsadError } from '../model/index.js';

/**
 * Every setting, its default and its environment variable, in one place. Parsed once by the
 * entry point (CLI, server, bench) and passed down; nothing reads process.env on import.
 */
export const Settings = z.object({
  /** SQLite file path, or a `sqlite:` / `postgres://` URL. */
  db: z.string().min(1),
  /** Inputs bigger than this are refused with E_TOO_LARGE. */
  maxBytes: z
    .number()
    .int()
    .positive()
    .default(20 * 1024 * 1024),
  /** How long a URL may take to answer. */
  fetchTimeoutMs: z.number().int().positive().default(15_000),
  /** Documents written to the store per transaction. */
  batchSize: z.number().int().positive().max(10_000).default(200),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_DB_PATH = '.marsad/marsad.db';

export interface SettingsSources {
  env?: Record<string, string | undefined>;
  /** Values given on the command line (undefined = not given). */
  overrides?: Partial<Record<keyof Settings, string | number | undefined>>;
}

const ENV_NAMES: Record<keyof Settings, string> = {
  db: 'MARSAD_DB',
  maxBytes: 'MARSAD_MAX_BYTES',
  fetchTimeoutMs: 'MARSAD_FETCH_TIMEOUT_MS',
  batchSize: 'MARSAD_BATCH_SIZE',
};

const NUMERIC: ReadonlySet<keyof Settings> = new Set(['maxBytes', 'fetchTimeoutMs', 'batchSize']);

/** Command line beats environment beats defaults. */
export function loadSettings({ env = {}, overrides = {} }: SettingsSources = {}): Settings {
  const raw: Record<string, unknown> = { db: DEFAULT_DB_PATH };
  for (const key of Object.keys(ENV_NAMES) as (keyof Settings)[]) {
    const value = overrides[key] ?? env[ENV_NAMES[key]];
    if (value === undefined || value === '') continue;
    raw[key] = NUMERIC.has(key) ? Number(value) : String(value);
  }
  const parsed = Settings.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? '');
    const where = key in ENV_NAMES ? ` (${ENV_NAMES[key as keyof Settings]})` : '';
    throw new MarsadError('E_USAGE', `invalid setting ${key}${where}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
