export * from './event-filter.js';
export * from './export.js';
export * from './graph.js';
export * from './ingest.js';
export * from './pipeline.js';
export * from './reanalyze.js';
