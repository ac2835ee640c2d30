// The shell's composition: Electron's lifecycle around the headless core. main.ts calls this with the
// real paths and electron-store; the shell tests call it with the fake `electron` and `conf`.
import { app, globalShortcut, powerMonitor, shell as electronShell } from 'electron';
import type { View } from '../../src-shared/bridge.js';
import { createCommandHandlers } from '../core/command-handlers.js';
import { openEmbeddedIncidentStore } from '../../src-hub/embedded/embedded-incident-store.js';
import { createCore, type Core } from '../core/create-core.js';
import { isAllowedExternalUrl } from '../core/external-links.js';
import type { Logger } from '../core/ports.js';
import { createRedactingLogger } from '../core/redact.js';
import { defaultAppHome } from '../core/settings/app-home.js';
import { createAppUrlCheck, type ShellPaths } from './app-paths.js';
import { createDeclareShortcut } from './declare-shortcut.js';
import { createElectronNotifier } from './notifier.js';
import { watchNetwork } from './network-watch.js';
import { watchDoNotDisturb } from './os-do-not-disturb.js';
import { createSenderCheck, pushEvents, pushSnapshots, registerIpcHandlers } from './ipc.js';
import type { OpenJsonStore } from './json-store.js';
import { createSafeStorageSecretStore } from './safe-storage-secrets.js';
import { installSecurityGuards } from './security.js';
import { createStoreSettingsFile } from './store-settings-file.js';
import { createAppTray, type AppTray } from './tray.js';
import { WindowManager } from './windows.js';

export interface ShellOptions {
  paths: ShellPaths;
  openStore: OpenJsonStore;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  writeLog?: (line: string) => void;
}

export interface RunningShell {
  core: Core;
  windows: WindowManager;
  tray: AppTray;
  home: string;
}

/**
 * Starts the app. Resolves with the running shell, or with undefined when another instance already
 * runs (that one is asked to show its popover, and this one quits).
 */
export async function startShell(options: ShellOptions): Promise<RunningShell | undefined> {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return undefined;
  }
  // Every renderer sandboxed, whatever a window's own options say; only possible before 'ready'.
  app.enableSandbox();
  // A tray app lives on without windows: listening here replaces Electron's default of quitting.
  app.on('window-all-closed', () => undefined);

  await app.whenReady();
  // A tray app has no Dock icon; its windows come and go from the menu bar.
  if (platform === 'darwin') app.dock?.hide();

  const home = defaultAppHome(env, platform);
  // Read before the core exists (the notification center asks it); `ended` runs after a later read.
  const doNotDisturb = watchDoNotDisturb({ platform, ended: () => core.quietChanged() });
  const core = createCore({
    home,
    env,
    settingsFile: createStoreSettingsFile(options.openStore(home, 'settings')),
    secrets: createSafeStorageSecretStore(options.openStore(home, 'secrets'), platform),
    openLocalStore: openEmbeddedIncidentStore,
    background: true,
    onBattery: () => powerMonitor.isOnBatteryPower(),
    osDoNotDisturb: () => doNotDisturb.active(),
    // Clicking a notification opens the incident in the popover, or its PagerDuty page.
    notifier: createElectronNotifier({
      onClick: (notification) => {
        if (!notification.incidentId && notification.url && isAllowedExternalUrl(notification.url, hubUrl())) {
          openExternal(notification.url).catch(() => undefined);
          return;
        }
        if (notification.incidentId) void windows.showIncident(notification.incidentId);
        else show('popover');
      },
      onAcknowledge: (pageId) => {
        core.actOnPage(pageId, 'acknowledge').catch((error: unknown) => logger.warn('acknowledge from the notification failed', { error: String(error) }));
      },
    }),
  });
  const writeLog = options.writeLog ?? ((line: string) => process.stderr.write(`${line}\n`));
  const logger: Logger = createRedactingLogger(writeLog, () => core.settings.knownSecrets());

  const hubUrl = () => {
    try {
      return core.settings.effective().hub.url;
    } catch {
      return undefined;
    }
  };
  const openExternal = async (url: string) => {
    await electronShell.openExternal(url);
  };
  const isAppUrl = createAppUrlCheck(options.paths.rendererIndex, platform);
  installSecurityGuards({
    isAppUrl,
    openExternalIfAllowed(url) {
      if (!isAllowedExternalUrl(url, hubUrl())) return false;
      openExternal(url).catch((error: unknown) => logger.warn('could not open link', { error: String(error) }));
      return true;
    },
    logger,
  });

  // The popover asks for the tray's bounds only when it opens, by which time the tray exists.
  const windows = new WindowManager({ paths: options.paths, trayBounds: () => tray.bounds(), logger, platform });
  const show = (view: View) => void windows.show(view);
  const tray = createAppTray({
    assets: options.paths.assets,
    platform,
    actions: {
      declare: () => show('declare'),
      openIncidents: () => show('popover'),
      openSettings: () => show('settings'),
      quit: () => app.quit(),
      togglePopover: (anchor) => windows.togglePopover(anchor),
    },
  });

  const unregisterIpc = registerIpcHandlers({
    handlers: createCommandHandlers(core, { openExternal, showWindow: (view, incidentId) => (incidentId ? windows.showIncident(incidentId) : windows.show(view)) }),
    isTrustedSender: createSenderCheck({ ownsWebContents: (contents) => windows.owns(contents), isAppUrl }),
    logger,
  });
  const stopPushingSnapshots = pushSnapshots((listener) => core.onSnapshot(listener), () => windows.allWebContents());
  const stopPushingProgress = pushEvents('declare.progress', (listener) => core.onDeclareProgress(listener), () => windows.allWebContents());
  const stopPushing = () => {
    stopPushingSnapshots();
    stopPushingProgress();
  };

  const shortcut = createDeclareShortcut(() => show('declare'), logger);
  const applyShortcut = () => {
    try {
      shortcut.apply(core.settings.effective().declareShortcut);
    } catch (error) {
      logger.warn('settings are invalid; declare shortcut unchanged', { error: String(error) });
    }
  };
  applyShortcut();
  // Settings saved from the window publish a snapshot: that is when the shortcut may have changed.
  const stopFollowingSnapshots = core.onSnapshot((snapshot) => {
    tray.update(snapshot);
    applyShortcut();
  });
  tray.update(core.snapshot());
  // Reads the open list and resumes declares a crash or an outage left unfinished.
  core.start().catch((error: unknown) => logger.error('core start failed', { error: String(error) }));
  const stopWatchingNetwork = watchNetwork(() => core.refresh());
  // The first click on the tray should find the popover painted, not start loading it.
  windows.prepare('popover');

  app.on('second-instance', () => show('popover'));
  app.on('before-quit', () => windows.prepareQuit());
  let quitting = false;
  app.on('will-quit', (event) => {
    if (quitting) return;
    quitting = true;
    shortcut.dispose();
    globalShortcut.unregisterAll();
    stopFollowingSnapshots();
    stopWatchingNetwork();
    doNotDisturb.stop();
    stopPushing();
    unregisterIpc();
    tray.destroy();
    // A declare step in flight finishes its save before the database closes; then quit for real.
    event.preventDefault();
    void core.close().finally(() => app.exit(0));
  });

  const problem = core.settings.problem();
  if (problem) logger.warn(problem);
  const protection = core.settings.view().secretStorageWarning;
  if (protection) logger.warn(protection);

  return { core, windows, tray, home };
}
