// Entry of the Electron main process (bundled to dist/main/main.cjs by scripts/build-main.mjs).
// Only wiring: the real file locations and electron-store; everything else is in start-shell.ts.
import { app } from 'electron';
import Store from 'electron-store';
import { bundlePaths } from './app-paths.js';
import type { OpenJsonStore } from './json-store.js';
import { startShell } from './start-shell.js';

// electron-store (not bare `conf`) because it ties the file to this app's version; the explicit cwd
// keeps it in the app home, the folder the CLI uses too.
const openStore: OpenJsonStore = (home, name) => {
  const store = new Store<Record<string, unknown>>({ cwd: home, name });
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
    get path() {
      return store.path;
    },
  };
};

startShell({ paths: bundlePaths(__dirname), openStore }).catch((error: unknown) => {
  process.stderr.write(`incident-tray failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  app.exit(1);
});
