export * from './alias-index.js';
export * from './issues.js';
export * from './kb.js';
export * from './load.js';
export * from './paths.js';
export * from './schema.js';
