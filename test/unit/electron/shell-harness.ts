// Starts the real shell (real core, real SQLite, real settings files in a temp home) against the fake
// `electron`, as main.ts would, with `conf` standing in for electron-store (same files; electron-store
// itself cannot load here because it imports the real `electron` from node_modules).
import Conf from 'conf';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, resetFakeElectron, type FakeWebContents } from '../../fakes/electron.js';
import { bundlePaths, type ShellPaths } from '../../../src-main/electron/app-paths.js';
import type { JsonStore, OpenJsonStore } from '../../../src-main/electron/json-store.js';
import { startShell, type RunningShell } from '../../../src-main/electron/start-shell.js';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Where main.ts finds things: relative to the bundle in dist/main. */
export const PATHS: ShellPaths = bundlePaths(join(REPO_ROOT, 'dist', 'main'));

/** The CSP of the design (DESIGN.md §7, the brief of the shell). */
export const EXPECTED_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const openConfStore: OpenJsonStore = (home, name): JsonStore => {
  const conf = new Conf<Record<string, unknown>>({ cwd: home, configName: name, projectName: 'incident-tray' });
  return {
    get: (key) => conf.get(key),
    set: (key, value) => conf.set(key, value),
    delete: (key) => conf.delete(key),
    path: conf.path,
  };
};

export interface TestShell {
  shell: RunningShell;
  home: string;
  logs: string[];
  stop(): void;
}

export function tempHome(): string {
  return mkdtempSync(join(tmpdir(), 'incident-tray-shell-'));
}

export interface TestShellOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
  /** Sets up the fake OS (safeStorage backend, taken shortcuts …) after the reset, before start. */
  arrange?: () => void;
}

export async function startTestShell(options: TestShellOptions = {}): Promise<TestShell> {
  resetFakeElectron();
  options.arrange?.();
  const home = options.home ?? tempHome();
  const logs: string[] = [];
  const starting = startShell({
    paths: PATHS,
    openStore: openConfStore,
    // Only what the test sets: SLACK_TOKEN & co. of the machine running the tests must not leak in.
    env: { INCIDENT_TRAY_HOME: home, ...options.env },
    platform: options.platform ?? 'linux',
    writeLog: (line) => logs.push(line),
  });
  app.simulateReady();
  const shell = await starting;
  if (!shell) throw new Error('the shell did not start (single-instance lock refused?)');
  return {
    shell,
    home,
    logs,
    stop() {
      for (const win of BrowserWindow.getAllWindows()) win.destroy();
      app.quit();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Lets the fake windows finish "loading" (they emit ready-to-show on the next turn). */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

export function windowFor(hash: string): BrowserWindow {
  const win = BrowserWindow.getAllWindows().find((w) => w.webContents.getURL().endsWith(`#/${hash}`));
  if (!win) throw new Error(`no window showing #/${hash}`);
  return win;
}

export const contentsOf = (win: BrowserWindow): FakeWebContents => win.webContents;
