// The shell as a whole: lifecycle, tray, windows and the IPC round trip, with the real core behind it.
import BetterSqlite3 from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ipcChannel } from '../../../src-shared/bridge-channels.js';
import type { AppSnapshot } from '../../../src-shared/bridge.js';
import { startShell } from '../../../src-main/electron/start-shell.js';
import { TRAY_MENU_LABELS } from '../../../src-main/electron/tray.js';
import {
  app,
  BrowserWindow,
  globalShortcut,
  invokeEventFrom,
  ipcMain,
  type Menu,
  nativeTheme,
  resetFakeElectron,
  safeStorage,
  session,
  Tray,
  type FakeNativeImage,
} from '../../fakes/electron.js';
import { EXPECTED_CSP, openConfStore, PATHS, REPO_ROOT, settle, startTestShell, tempHome, windowFor, type TestShell } from './shell-harness.js';

let running: TestShell | undefined;
afterEach(() => {
  running?.stop();
  running = undefined;
});

const start = async (options?: Parameters<typeof startTestShell>[0]) => {
  running = await startTestShell(options);
  return running;
};

const theTray = () => {
  const tray = Tray.instances[0];
  if (!tray) throw new Error('no tray');
  return tray;
};
const theMenu = (): Menu => {
  const menu = theTray().contextMenu;
  if (!menu) throw new Error('no context menu');
  return menu;
};
const imagePath = () => (theTray().image as FakeNativeImage).path;

describe('lifecycle', () => {
  it('a second instance quits at once and does not start a core', async () => {
    resetFakeElectron();
    app.singleInstanceLockAvailable = false;
    const started = await startShell({ paths: PATHS, openStore: openConfStore, env: {}, platform: 'linux' });
    expect(started).toBeUndefined();
    expect(app.quitCalls).toBe(1);
    expect(Tray.instances).toHaveLength(0);
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('when someone starts the app again, the running instance shows its popover', async () => {
    await start();
    // Loaded hidden at start, so that the first click shows a painted window.
    expect(BrowserWindow.getAllWindows()).toHaveLength(1);
    expect(windowFor('popover').isVisible()).toBe(false);
    app.emit('second-instance', {}, ['incident-tray'], '/');
    await settle();
    const popover = windowFor('popover');
    expect(popover.isVisible()).toBe(true);
  });

  it('closing every window does not quit: the tray app lives on', async () => {
    await start();
    theMenu().click(TRAY_MENU_LABELS.settings);
    await settle();
    windowFor('settings').close();
    // Only the hidden popover is left.
    expect(BrowserWindow.getAllWindows()).toEqual([windowFor('popover')]);
    expect(windowFor('popover').isVisible()).toBe(false);
    expect(app.listenerCount('window-all-closed')).toBeGreaterThan(0);
    expect(app.quitCalls).toBe(0);
  });

  it('sandboxes every renderer before the app is ready', async () => {
    await start();
    expect(app.sandboxEnabled).toBe(true);
  });

  it('hides the Dock icon on macOS only', async () => {
    await start({ platform: 'darwin' });
    expect(app.dockHidden).toBe(true);
    running?.stop();
    await start({ platform: 'linux' });
    expect(app.dockHidden).toBe(false);
  });

  it('quitting releases the shortcut, the IPC handlers and the database', async () => {
    const { shell } = await start();
    theMenu().click(TRAY_MENU_LABELS.quit);
    expect(globalShortcut.registered.size).toBe(0);
    expect(ipcMain.handlers.size).toBe(0);
    expect(theTray().destroyed).toBe(true);
    // The core closes after runs in flight have saved; then the app exits for real.
    await vi.waitFor(() => expect(shell.core.db.open).toBe(false));
    await vi.waitFor(() => expect(app.quitCalls).toBe(2));
  });
});

describe('tray', () => {
  it('has the menu of the design, in order', async () => {
    await start();
    expect(theMenu().items.map((i) => i.label ?? i.type)).toEqual([
      'Declare incident…',
      'Open incidents',
      'Settings',
      'separator',
      'Quit incident-tray',
    ]);
  });

  it.each([
    [TRAY_MENU_LABELS.declare, 'declare'],
    [TRAY_MENU_LABELS.incidents, 'popover'],
    [TRAY_MENU_LABELS.settings, 'settings'],
  ])('"%s" opens the %s window', async (label, view) => {
    await start();
    theMenu().click(label);
    await settle();
    const win = windowFor(view);
    expect(win.isVisible()).toBe(true);
    expect(win.loaded).toEqual([{ file: PATHS.rendererIndex, options: { hash: `/${view}` } }]);
  });

  it('opening a window twice reuses it', async () => {
    await start();
    theMenu().click(TRAY_MENU_LABELS.declare);
    await settle();
    theMenu().click(TRAY_MENU_LABELS.declare);
    await settle();
    // The declare window and the hidden popover.
    expect(BrowserWindow.getAllWindows()).toHaveLength(2);
  });

  it('a left click toggles the popover, next to the icon', async () => {
    await start();
    const tray = theTray();
    tray.bounds = { x: 1000, y: 0, width: 24, height: 24 };
    tray.simulateClick();
    await settle();
    const popover = windowFor('popover');
    expect(popover.isVisible()).toBe(true);
    // Centred under the icon (1012 − 360/2), just below the menu bar.
    expect(popover.getBounds()).toMatchObject({ x: 832, y: 28, width: 360, height: 480 });
    tray.simulateClick();
    expect(popover.isVisible()).toBe(false);
    tray.simulateClick();
    expect(popover.isVisible()).toBe(true);
  });

  it('a notification about an incident opens the popover on that incident, without reloading an open popover', async () => {
    const { shell } = await start();
    const popover = windowFor('popover');
    await shell.windows.showIncident('01J/odd id');
    await settle();
    expect(popover.isVisible()).toBe(true);
    expect(popover.loaded.map((l) => l.options?.hash)).toEqual(['/popover', '/incident/01J%2Fodd%20id']);
    await shell.windows.showIncident('other');
    expect(popover.loaded.map((l) => l.options?.hash)).toEqual(['/popover', '/incident/01J%2Fodd%20id', '/incident/other']);
    expect(BrowserWindow.getAllWindows()).toHaveLength(1);
  });

  it('the popover hides when it loses focus, and that same click on the icon does not reopen it', async () => {
    await start();
    theTray().simulateClick();
    await settle();
    const popover = windowFor('popover');
    popover.blur();
    expect(popover.isVisible()).toBe(false);
    theTray().simulateClick(); // the click that took the focus away
    expect(popover.isVisible()).toBe(false);
  });

  it('the popover only hides when closed, until the app quits', async () => {
    await start();
    theTray().simulateClick();
    await settle();
    const popover = windowFor('popover');
    popover.close();
    expect(popover.isDestroyed()).toBe(false);
    expect(popover.isVisible()).toBe(false);
    app.quit();
    popover.close();
    expect(popover.isDestroyed()).toBe(true);
  });

  it('uses the menu on right click on macOS, where a context menu would take the left click', async () => {
    await start({ platform: 'darwin' });
    const tray = theTray();
    expect(tray.contextMenu).toBeNull();
    tray.simulateRightClick();
    expect(tray.poppedUpMenus[0]?.items.map((i) => i.label)).toContain(TRAY_MENU_LABELS.declare);
    expect(imagePath()).toBe(join(PATHS.assets, 'tray', 'idleTemplate.png'));
    expect((theTray().image as FakeNativeImage).isTemplateImage()).toBe(true);
  });

  it('shows the idle icon and says so in the tooltip, then "active" once an incident is open', async () => {
    const { shell } = await start();
    expect(imagePath()).toBe(join(PATHS.assets, 'tray', 'idle-light.png'));
    expect((theTray().image as FakeNativeImage).isEmpty()).toBe(false);
    expect(theTray().tooltip).toBe('Incident Tray — no open incidents');
    const declared = await shell.core.declare({ title: 'Checkout 5xx', severity: 'SEV2' });
    await shell.core.runDeclare(declared.id);
    // Snapshots are published once per tick (coalesced): the tray follows on the next one.
    await vi.waitFor(() => expect(imagePath()).toBe(join(PATHS.assets, 'tray', 'active-light.png')));
    // I declared it, so I command it: its update countdown leads the tooltip.
    expect(theTray().tooltip).toMatch(new RegExp(`^Incident Tray — ${declared.name}: next update in (30:00|29:5\\d), 1 open incident \\(worst SEV2: ${declared.name}\\)$`));
  });

  it('follows the OS theme', async () => {
    await start();
    nativeTheme.shouldUseDarkColors = true;
    nativeTheme.emit('updated');
    expect(imagePath()).toBe(join(PATHS.assets, 'tray', 'idle-dark.png'));
  });
});

describe('windows', () => {
  it.each(['popover', 'declare', 'settings'] as const)('the %s window is isolated, sandboxed and loads only the preload', async (view) => {
    const { shell } = await start();
    await shell.windows.show(view);
    const prefs = windowFor(view).options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      preload: join(REPO_ROOT, 'dist', 'preload', 'preload.cjs'),
    });
  });

  it('have the sizes of the design; the popover is a frameless, always-on-top panel off the taskbar', async () => {
    const { shell } = await start();
    for (const view of ['popover', 'declare', 'settings'] as const) await shell.windows.show(view);
    expect(windowFor('popover').options).toMatchObject({ width: 360, height: 480, frame: false, skipTaskbar: true, alwaysOnTop: true, show: false });
    expect(windowFor('declare').options).toMatchObject({ width: 480, height: 640 });
    expect(windowFor('settings').options).toMatchObject({ width: 480, height: 720 });
  });

  it('load the built renderer from dist/renderer, next to dist/main and dist/preload', () => {
    expect(PATHS.rendererIndex).toBe(join(REPO_ROOT, 'dist', 'renderer', 'index.html'));
    expect(PATHS.assets).toBe(join(REPO_ROOT, 'assets'));
  });

  it('get the CSP header and no permissions from their session', async () => {
    const { shell } = await start();
    await shell.windows.show('popover');
    const headers = await session.defaultSession.simulateResponse('file:///x/index.html', {
      'content-security-policy': ["default-src *"],
    });
    expect(headers).toEqual({ 'Content-Security-Policy': [EXPECTED_CSP] });
    expect(await session.defaultSession.simulatePermissionRequest('media')).toBe(false);
  });
});

describe('IPC round trip with the real core', () => {
  it('declares from the declare window: a DeclareResult comes back, SQLite has the incident, windows get the new snapshot', async () => {
    const { shell, home } = await start();
    await shell.windows.show('declare');
    await shell.windows.show('popover');
    const declareWindow = windowFor('declare');
    const answer = await ipcMain.simulateInvoke(
      ipcChannel('incident.declare'),
      invokeEventFrom(declareWindow.webContents),
      { title: 'Checkout 5xx', severity: 'SEV2', service: 'checkout' },
    );
    expect(answer).toMatchObject({ ok: true, value: { name: expect.stringMatching(/^inc-\d{8}-checkout-5xx/) } });
    const value = (answer as { value: { id: string; steps: { step: string; status: string }[] } }).value;
    expect(value.steps.map((s) => s.step)).toEqual(['slack.channel', 'slack.headline', 'slack.digest', 'pagerduty', 'hub']);
    // The answer comes once the intent is in the outbox; the record follows when the hub step ran.
    await shell.core.runDeclare(value.id);

    const db = new BetterSqlite3(join(home, 'local-incidents.db'), { readonly: true });
    try {
      expect(db.prepare('SELECT title, severity, service FROM incidents WHERE id = ?').get(value.id)).toEqual({
        title: 'Checkout 5xx',
        severity: 'SEV2',
        service: 'checkout',
      });
    } finally {
      db.close();
    }

    for (const view of ['declare', 'popover']) {
      await vi.waitFor(() => {
        const pushed = windowFor(view).webContents.sent.filter((m) => m.channel === ipcChannel('snapshot.changed'));
        const snapshot = pushed.at(-1)?.args[0] as AppSnapshot | undefined;
        expect(snapshot?.incidents.map((i) => i.id)).toEqual([value.id]);
      });
    }
  });

  it('window.show from the renderer opens the view', async () => {
    const { shell } = await start();
    await shell.windows.show('popover');
    const answer = await ipcMain.simulateInvoke(ipcChannel('window.show'), invokeEventFrom(windowFor('popover').webContents), { view: 'settings' });
    expect(answer).toEqual({ ok: true, value: null });
    await settle();
    expect(windowFor('settings').isVisible()).toBe(true);
  });

  it('window.show with an incident opens the popover on its detail (the declare window\'s "Open incident")', async () => {
    await start();
    theMenu().click(TRAY_MENU_LABELS.declare);
    await settle();
    const popover = windowFor('popover');
    const answer = await ipcMain.simulateInvoke(ipcChannel('window.show'), invokeEventFrom(windowFor('declare').webContents), { view: 'popover', incidentId: '019ad0f2-7c1e' });
    expect(answer).toEqual({ ok: true, value: null });
    await settle();
    expect(popover.isVisible()).toBe(true);
    expect(popover.loaded.at(-1)?.options?.hash).toBe('/incident/019ad0f2-7c1e');
  });

  it('settings saved from the window land in settings.json of the home, where the CLI reads them', async () => {
    const { shell, home } = await start();
    await shell.windows.show('settings');
    const contents = windowFor('settings').webContents;
    const current = (await ipcMain.simulateInvoke(ipcChannel('settings.get'), invokeEventFrom(contents), null)) as {
      value: { settings: Record<string, unknown> };
    };
    const settings = { ...current.value.settings, user: { email: 'ic@example.com' } };
    const saved = await ipcMain.simulateInvoke(ipcChannel('settings.save'), invokeEventFrom(contents), { settings });
    expect(saved).toMatchObject({ ok: true });
    const file = JSON.parse(readFileSync(join(home, 'settings.json'), 'utf8')) as { settings: { user: unknown } };
    expect(file.settings.user).toEqual({ email: 'ic@example.com' });
  });
});

describe('declare shortcut', () => {
  it('opens the declare window from anywhere, and follows the settings', async () => {
    const { shell } = await start();
    expect([...globalShortcut.registered.keys()]).toEqual(['CommandOrControl+Shift+I']);
    globalShortcut.simulatePress('CommandOrControl+Shift+I');
    await settle();
    expect(windowFor('declare').isVisible()).toBe(true);

    const settings = { ...shell.core.settings.stored(), declareShortcut: 'CommandOrControl+Alt+D' };
    await ipcMain.simulateInvoke(ipcChannel('settings.save'), invokeEventFrom(windowFor('declare').webContents), { settings });
    await vi.waitFor(() => expect([...globalShortcut.registered.keys()]).toEqual(['CommandOrControl+Alt+D']));
  });

  it('a shortcut taken by another app is reported, not fatal', async () => {
    const { logs } = await start({ arrange: () => globalShortcut.takenByOthers.add('CommandOrControl+Shift+I') });
    expect(globalShortcut.registered.size).toBe(0);
    expect(logs.join('\n')).toContain('declare shortcut is taken by another application');
    expect(Tray.instances).toHaveLength(1);
  });

  it('an invalid accelerator in the settings file is reported, not fatal', async () => {
    const home = tempHome();
    openConfStore(home, 'settings').set('settings', { declareShortcut: 'Ctrl+' });
    const { logs } = await start({ home });
    expect(logs.join('\n')).toContain('declare shortcut is not a valid accelerator');
  });
});

describe('secrets in the app', () => {
  it('warns at start when the OS cannot protect secrets, and keeps none', async () => {
    const { logs, home, shell } = await start({ arrange: () => (safeStorage.backend = 'basic_text') });
    expect(logs.join('\n')).toContain('Secrets cannot be saved');
    expect(shell.core.settings.view().secretStorageWarning).toContain('Secrets cannot be saved');
    expect(existsSync(join(home, 'secrets.json'))).toBe(false);
  });

  it('keeps a saved token encrypted in secrets.json and never sends it to the renderer', async () => {
    const { shell, home } = await start();
    await shell.windows.show('settings');
    const contents = windowFor('settings').webContents;
    const saved = await ipcMain.simulateInvoke(ipcChannel('settings.save'), invokeEventFrom(contents), {
      secrets: { slackToken: 'xoxb-very-secret-token' },
    });
    expect(saved).toMatchObject({ ok: true, value: { secrets: { slackToken: { set: true, fromEnvironment: false } } } });
    expect(JSON.stringify(saved)).not.toContain('xoxb-very-secret-token');
    expect(readFileSync(join(home, 'secrets.json'), 'utf8')).not.toContain('very-secret');
    expect(shell.core.settings.secret('slackToken')).toBe('xoxb-very-secret-token');
    const pushed = JSON.stringify(contents.sent);
    expect(pushed).not.toContain('very-secret');
  });
});
