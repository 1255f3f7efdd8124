// Every failure Marsad reports has a code. The CLI maps codes to exit codes and the API to HTTP
// statuses, each in one place (cli/exit-codes.ts, api/…); nothing else switches on messages.

export const ERROR_CODES = [
  'E_USAGE', // bad command-line or API arguments
  'E_NOT_FOUND', // a file, URL or document that does not exist
  'E_IO', // a read or write failed
  'E_EMPTY', // the input has no text at all
  'E_BINARY', // the input is not text (NUL bytes, an image, a zip…)
  'E_TOO_LARGE', // over the configured size cap
  'E_ENCODING', // bytes that cannot be decoded as any supported encoding
  'E_HTML', // HTML that yields no article text
  'E_FEED', // a feed that is not RSS/Atom XML
  'E_JSONL', // a JSONL line that is not a valid article record
  'E_FETCH', // a URL that could not be fetched (unreachable, timeout, HTTP error)
  'E_STORE', // the database refused an operation
  'E_VALIDATION', // data that does not match the document model
  'E_PIPELINE', // an analysis stage failed on a document
  'E_INTERNAL', // a bug: anything not classified above
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class MarsadError extends Error {
  readonly code: ErrorCode;
  /** The file, URL or document the error is about, when there is one. */
  readonly input: string | undefined;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; input?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MarsadError';
    this.code = code;
    this.input = options.input;
  }
}

export function isMarsadError(e: unknown): e is MarsadError {
  return e instanceof MarsadError;
}

/** Wrap anything thrown into a MarsadError, keeping a MarsadError as it is. */
export function toMarsadError(e: unknown, fallback: ErrorCode = 'E_INTERNAL', input?: string): MarsadError {
  if (e instanceof MarsadError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new MarsadError(fallback, message, { cause: e, ...(input === undefined ? {} : { input }) });
}
