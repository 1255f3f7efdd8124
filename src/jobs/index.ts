export * from './export.js';
export * from './ingest.js';
export * from './reanalyze.js';
