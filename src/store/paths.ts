import { resolve } from 'node:path';

/** Where the database lives unless told otherwise: `$MARSAD_DB`, else `./.marsad/marsad.db`. */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const fromEnv = env.MARSAD_DB?.trim();
  if (fromEnv) return resolve(cwd, fromEnv);
  return resolve(cwd, '.marsad', 'marsad.db');
}
