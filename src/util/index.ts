export * from './hash.js';
export * from './progress.js';
