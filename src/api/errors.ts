import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { type ErrorCode, isMarsadError, MarsadError } from '../model/index.js';
import type { ApiError } from './contract.js';

// The one place that maps error codes to HTTP statuses (the CLI's counterpart is cli/exit-codes.ts).

export type ApiErrorCode = ErrorCode | 'E_UNAUTHORIZED' | 'E_FORBIDDEN' | 'E_BUSY';

export function httpStatusFor(code: ApiErrorCode): ContentfulStatusCode {
  switch (code) {
    case 'E_USAGE':
    case 'E_VALIDATION':
    case 'E_EMPTY':
    case 'E_BINARY':
    case 'E_ENCODING':
    case 'E_HTML':
    case 'E_FEED':
    case 'E_JSONL':
      return 400;
    case 'E_UNAUTHORIZED':
      return 401;
    case 'E_FORBIDDEN':
      return 403;
    case 'E_BUSY':
      return 503;
    case 'E_NOT_FOUND':
      return 404;
    case 'E_TOO_LARGE':
      return 413;
    case 'E_FETCH':
      return 502;
    case 'E_IO':
    case 'E_STORE':
    case 'E_PIPELINE':
    case 'E_INTERNAL':
      return 500;
  }
}

export function errorBody(code: ApiErrorCode, message: string): ApiError {
  return { error: { code, message } };
}

export function errorResponse(c: Context, code: ApiErrorCode, message: string): Response {
  return c.json(errorBody(code, message), httpStatusFor(code));
}

/** `limit: Too big: expected number to be <=500` — the parameter named first, as a user reads it. */
export function describeZodError(error: ZodError, where?: string): string {
  return error.issues
    .slice(0, 3)
    .map((i) => {
      const path = i.path.length ? i.path.join('.') : (where ?? 'input');
      return `${path}: ${i.message}`;
    })
    .join('; ');
}

/**
 * Anything thrown in a handler. A MarsadError keeps its code; a 5xx never shows its message (it
 * may hold paths or SQL), the server log gets it instead.
 */
export function respondToError(c: Context, e: unknown, log: (message: string) => void): Response {
  if (isMarsadError(e)) {
    const status = httpStatusFor(e.code);
    if (status >= 500) {
      log(`${c.req.method} ${c.req.path}: ${e.code}: ${e.message}`);
      return c.json(errorBody(e.code, 'internal error (see the server log)'), status);
    }
    return c.json(errorBody(e.code, e.message), status);
  }
  log(`${c.req.method} ${c.req.path}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  return c.json(errorBody('E_INTERNAL', 'internal error (see the server log)'), 500);
}

export function notFound(what: string): MarsadError {
  return new MarsadError('E_NOT_FOUND', what);
}

export function badRequest(message: string): MarsadError {
  return new MarsadError('E_USAGE', message);
}
