import { resolve } from 'node:path';
import { loadSettings } from '../config/index.js';

/**
 * Where the database lives unless told otherwise: `$MARSAD_DB`, else `./.marsad/marsad.db` —
 * the settings' own default (config owns the variable name and the default), made absolute.
 */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const fromEnv = env.MARSAD_DB?.trim();
  return resolve(cwd, loadSettings({ env: { MARSAD_DB: fromEnv } }).db);
}
