import { z } from 'zod';
import { ERROR_CODES } from './errors.js';

/** A document that could not be ingested or analysed: recorded, and the batch goes on. */
export const IngestFailure = z.object({
  source: z.string(),
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** ISO timestamp. */
  at: z.string(),
});
export type IngestFailure = z.infer<typeof IngestFailure>;
