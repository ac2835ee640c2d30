export * from './domain.js';
export * from './result.js';
export * from './settings.js';
export * from './bridge-channels.js';
export * from './bridge.js';
export * from './incident-name.js';
export * from './hub-api.js';
