// The HTTP API (Hono + zod-openapi): createApi builds the app over a store; the CLI's
// `marsad serve` listens with it. Response types for clients are in contract.ts.
export { type ApiOptions, CSP, createApi, type MarsadApi } from './app.js';
export { TOKEN_COOKIE, tokensMatch } from './auth.js';
export type * from './contract.js';
export { httpStatusFor } from './errors.js';
export { webDirExists } from './static.js';
