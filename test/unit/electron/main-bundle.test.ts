// The real build: scripts/build-main.mjs bundles main.ts (with electron-store, conf, zod …) into one
// CJS file; this starts that very file in plain Node with the fake `electron` put in place of the real
// one, so a bundling mistake (a dependency left out, ESM-only code in CJS, a wrong path to the
// renderer or the icons) fails here rather than only in a packaged app.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { COMMAND_NAMES } from '../../../src-shared/bridge-channels.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './shell-harness.js';

// Inside the repository, so the bundle finds better-sqlite3 in node_modules like the app does.
const scratchParent = join(REPO_ROOT, 'test-results');
let scratch: string;

const RUNNER = String.raw`
const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? process.env.FAKE_ELECTRON : resolve.call(this, request, ...rest);
};
const electron = require('electron');
require(process.env.MAIN_BUNDLE);
const tick = () => new Promise((r) => setTimeout(r, 20));
(async () => {
  electron.app.simulateReady();
  await tick();
  const trayIcon = electron.Tray.instances[0].image;
  const trayIconAtStart = { path: trayIcon.path, missing: trayIcon.isEmpty() };
  electron.app.emit('second-instance', {}, [], '');
  await tick();
  const [popover] = electron.BrowserWindow.getAllWindows();
  const declared = await electron.ipcMain.simulateInvoke(
    'incident-tray:incident.declare',
    electron.invokeEventFrom(popover.webContents),
    { title: 'Bundle smoke', severity: 'SEV3' },
  );
  // zod's own message (its English locale, the only one the bundle keeps: scripts/esbuild-node.mjs).
  const refused = await electron.ipcMain.simulateInvoke(
    'incident-tray:incident.declare',
    electron.invokeEventFrom(popover.webContents),
    { title: 'Bundle smoke', severity: 'SEV3', service: 42 },
  );
  const tray = electron.Tray.instances[0];
  // The answer comes once the intent is in the outbox; the record (and the active icon) follow.
  for (let i = 0; i < 250 && !tray.image.path.includes('active'); i++) await tick();
  process.stdout.write(JSON.stringify({
    trayIconAtStart,
    trayIconAfterDeclare: tray.image.path,
    menu: tray.contextMenu.items.map((i) => i.label || i.type),
    loaded: popover.loaded,
    visible: popover.isVisible(),
    preload: popover.options.webPreferences.preload,
    sandbox: popover.options.webPreferences.sandbox,
    handlers: [...electron.ipcMain.handlers.keys()].sort(),
    electronStoreListener: electron.ipcMain.listenerCount('electron-store-get-data'),
    declared,
    refused,
  }));
  electron.app.quit();
})().catch((error) => {
  process.stderr.write(String(error && error.stack || error));
  process.exit(1);
});
`;

beforeAll(async () => {
  mkdirSync(scratchParent, { recursive: true });
  scratch = mkdtempSync(join(scratchParent, 'main-bundle-'));
  const built = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build-main.mjs'), '--outdir', join(scratch, 'dist')], {
    encoding: 'utf8',
  });
  expect(built.status, built.stderr).toBe(0);
  // The bundle looks for its icons beside dist/, as in the repository and in app.asar.
  symlinkSync(join(REPO_ROOT, 'assets'), join(scratch, 'assets'));
  await build({
    entryPoints: [join(REPO_ROOT, 'test', 'fakes', 'electron.ts')],
    outfile: join(scratch, 'fake-electron.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'silent',
  });
  writeFileSync(join(scratch, 'runner.cjs'), RUNNER);
}, 60_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the built main bundle', () => {
  it('starts, shows the tray and the popover, and declares through IPC into SQLite', () => {
    const home = join(scratch, 'home');
    const run = spawnSync(process.execPath, [join(scratch, 'runner.cjs')], {
      encoding: 'utf8',
      timeout: 30_000,
      env: {
        PATH: process.env.PATH,
        INCIDENT_TRAY_HOME: home,
        FAKE_ELECTRON: join(scratch, 'fake-electron.cjs'),
        MAIN_BUNDLE: join(scratch, 'dist', 'main', 'main.cjs'),
      },
    });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    const rendererIndex = join(scratch, 'dist', 'renderer', 'index.html');
    expect(report).toMatchObject({
      trayIconAtStart: { path: join(scratch, 'assets', 'tray', 'idle-light.png'), missing: false },
      trayIconAfterDeclare: join(scratch, 'assets', 'tray', 'active-light.png'),
      menu: ['Declare incident…', 'Open incidents', 'Settings', 'separator', 'Quit incident-tray'],
      loaded: [{ file: rendererIndex, options: { hash: '/popover' } }],
      visible: true,
      preload: join(scratch, 'dist', 'preload', 'preload.cjs'),
      sandbox: true,
      // electron-store really ran (it registers this listener), so the settings store is electron-store.
      electronStoreListener: 1,
      declared: { ok: true, value: { name: expect.stringMatching(/bundle-smoke/) } },
      refused: { ok: false, error: { code: 'invalid_input', message: expect.stringContaining('expected string, received number') } },
    });
    expect((report.handlers as string[]).length).toBe(COMMAND_NAMES.length);
  });

  it("keeps zod's English messages and none of its other locales", () => {
    const bundle = readFileSync(join(scratch, 'dist', 'main', 'main.cjs'), 'utf8');
    expect(bundle).toContain('Invalid input: expected');
    // From zod's German and French locales (ASCII words: esbuild writes other characters escaped).
    expect(bundle).not.toContain('erwartet');
    expect(bundle).not.toContain('attendu');
  });

  it('the preload requires nothing but electron (the sandbox allows no more)', () => {
    const preload = spawnSync(process.execPath, ['-e', `
      const src = require('node:fs').readFileSync(process.argv[1], 'utf8');
      process.stdout.write(JSON.stringify([...src.matchAll(/require\\(["']([^"']+)["']\\)/g)].map((m) => m[1])));
    `, join(scratch, 'dist', 'preload', 'preload.cjs')], { encoding: 'utf8' });
    expect(JSON.parse(preload.stdout)).toEqual(['electron']);
  });
});
