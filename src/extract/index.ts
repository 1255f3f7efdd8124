export * from './analyze.js';
export * from './compose.js';
export * from './entities/index.js';
export * from './language.js';
export * from './stage.js';
export * from './text-stages.js';
