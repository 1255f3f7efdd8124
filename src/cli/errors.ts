import type { z } from 'zod';
import { MarsadError } from '../model/index.js';

export function usageError(error: z.ZodError): MarsadError {
  const issue = error.issues[0];
  const where = issue?.path.length ? `--${issue.path.join('.')}: ` : '';
  return new MarsadError('E_USAGE', `${where}${issue?.message ?? 'invalid arguments'}`);
}
