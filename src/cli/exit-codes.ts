import type { ErrorCode } from '../model/index.js';

/** Exit codes: the one place that maps error codes to what a shell script sees. */
export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  /** Some inputs failed, the others were processed. */
  partial: 3,
  notFound: 4,
  /** Every input failed. */
  input: 5,
  store: 6,
} as const;

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'E_USAGE':
    case 'E_VALIDATION':
      return EXIT.usage;
    case 'E_NOT_FOUND':
      return EXIT.notFound;
    case 'E_STORE':
      return EXIT.store;
    case 'E_INTERNAL':
    case 'E_PIPELINE':
      return EXIT.internal;
    default:
      return EXIT.input;
  }
}
