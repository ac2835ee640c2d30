import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const fakeElectron = fileURLToPath(new URL('./test/fakes/electron.ts', import.meta.url));

// Three projects: plain-Node tests (core, hub, CLI, harness), the Electron shell against a fake
// `electron` module, and the real renderer in Debian Chromium. Electron e2e tests live apart in
// test/e2e and run where an Electron binary exists (`npm run test:e2e`).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
          exclude: ['test/unit/electron/**'],
          environment: 'node',
          testTimeout: 20_000,
          // A throwaway PostgreSQL cluster for the hub tests' second backend (skips where none is installed).
          globalSetup: ['test/support/postgres-global-setup.ts'],
        },
      },
      {
        resolve: { alias: { electron: fakeElectron } },
        test: {
          name: 'shell',
          include: ['test/unit/electron/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'ui',
          include: ['test/ui/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium at a time: two cores, and screenshots must not fight for them.
          fileParallelism: false,
        },
      },
    ],
  },
});
