export * from './types.js';
export * from './imported.js';
export * from './text.js';
export * from './categories.js';
export * from './schema.js';
