// The packaged shape of the app in a real Electron: starts as a tray app, opens the popover, and the
// renderer inside it is sandboxed with nothing but the bridge. Skips, saying why, where no Electron
// binary exists (these machines: npm installs with ELECTRON_SKIP_BINARY_DOWNLOAD=1).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ensureDisplay, findElectronBinary, ROOT } from './electron-runtime.js';

const binary = findElectronBinary();
const skipReason = 'missing' in binary ? binary.missing : undefined;
if (skipReason) console.warn(`Electron e2e tests skipped: ${skipReason}.`);

describe.skipIf(skipReason !== undefined)(`Electron app${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let app: ElectronApplication;
  let home: string;
  let stopDisplay = () => undefined as void;

  beforeAll(async () => {
    if ('missing' in binary) return;
    ensureBuilt();
    const display = await ensureDisplay();
    if ('missing' in display) throw new Error(`cannot run Electron: ${display.missing}`);
    stopDisplay = display.stop;
    home = mkdtempSync(join(tmpdir(), 'incident-tray-e2e-'));
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    for (const key of ['SLACK_TOKEN', 'PAGERDUTY_TOKEN', 'PAGERDUTY_ROUTING_KEY', 'HUB_URL', 'HUB_TOKEN']) delete env[key];
    Object.assign(env, { INCIDENT_TRAY_HOME: home, ELECTRON_ENABLE_LOGGING: '1' }, display.display ? { DISPLAY: display.display } : {});
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    app = await _electron.launch({
      executablePath: binary.path,
      // Chromium refuses its OS sandbox as root (CI containers); the renderer sandbox stays on.
      args: [...(isRoot ? ['--no-sandbox'] : []), join(ROOT, 'dist', 'main', 'main.cjs')],
      cwd: ROOT,
      env,
      timeout: 60_000,
    });
  });

  afterAll(async () => {
    await app?.close();
    stopDisplay();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  const openPopover = async (): Promise<Page> => {
    // The popover is loaded hidden at start (the first click finds it painted): find it, or wait for it.
    const popoverPage = () => app.windows().find((p) => p.url().endsWith('#/popover'));
    // The popover is the first window the app creates.
    const loaded = popoverPage() ?? (await app.firstWindow());
    // What the OS does when the user starts the app again: the running instance shows its popover.
    await app.evaluate(({ app: electronApp }) => {
      electronApp.emit('second-instance', {}, [], '');
    });
    await loaded.waitForLoadState('domcontentloaded');
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().filter((w) => w.isVisible()).length)).toBe(1);
    return loaded;
  };

  it('starts as a tray app with no window open', async () => {
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().filter((w) => w.isVisible()).length)).toBe(0);
  });

  it('opens the popover, which renders the incidents view from the built renderer', async () => {
    const page = await openPopover();
    expect(page.url()).toMatch(/^file:\/\/.*\/dist\/renderer\/index\.html#\/popover$/);
    await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0, undefined, { timeout: 20_000 });
    expect(await page.locator('#root').innerText()).not.toBe('');
  });

  it('gives the page the bridge and nothing of Node or Electron', async () => {
    const page = app.windows().find((p) => p.url().endsWith('#/popover'));
    expect(page).toBeDefined();
    const globals = await page!.evaluate(() => {
      const scope = globalThis as unknown as Record<string, unknown>;
      const bridge = scope.incidentTray as Record<string, unknown> | undefined;
      return {
        bridgeKeys: bridge ? Object.keys(bridge).sort() : null,
        require: typeof scope.require,
        process: typeof scope.process,
      };
    });
    expect(globals).toEqual({ bridgeKeys: ['invoke', 'on'], require: 'undefined', process: 'undefined' });
    const snapshot = await page!.evaluate(() =>
      (globalThis as unknown as { incidentTray: { invoke(c: string, i: null): Promise<unknown> } }).incidentTray.invoke('snapshot.get', null),
    );
    expect(snapshot).toMatchObject({ ok: true, value: { incidents: [], store: 'local' } });
  });
});
