import { z } from '@hono/zod-openapi';
import { ApiError } from './contract.js';

// Pieces every route declaration repeats.

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export const ok = <T extends z.ZodType>(schema: T, description = 'OK') => ({
  200: json(schema, description),
});

export const badRequest = { 400: json(ApiError, 'a bad parameter (the message names it)') };
export const notFound = { 404: json(ApiError, 'no such resource') };

export const listOf = (ids: readonly [string, ...string[]]) =>
  z
    .string()
    .transform((s, ctx) => {
      const parts = s
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
      const bad = parts.filter((p) => !ids.includes(p));
      if (bad.length) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown value ${bad.join(', ')}; expected ${ids.join(', ')}`,
        });
        return z.NEVER;
      }
      return parts;
    })
    .openapi({ type: 'string', description: `comma-separated: ${ids.join(', ')}` });
