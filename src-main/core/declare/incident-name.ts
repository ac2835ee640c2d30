export * from '../../../src-shared/incident-name.js';
