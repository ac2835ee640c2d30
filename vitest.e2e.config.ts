import { defineConfig } from 'vitest/config';

// Electron end-to-end tests (test/e2e): the real app in a real Electron, driven by Playwright.
// Kept out of the default projects: they need an Electron binary, which cannot be downloaded on
// every machine; without one they skip with a message saying so. Run: `npm run test:e2e`.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
