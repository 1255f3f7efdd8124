export * from './hash.js';
export * from './memo.js';
export * from './progress.js';
