export * from './article.js';
export * from './document.js';
export * from './errors.js';
export * from './failure.js';
export * from './json-schema.js';
export * from './search.js';
export * from './span.js';
export * from './vocabulary.js';
