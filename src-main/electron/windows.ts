// The app's three windows — the tray popover, the declare form and the settings — each the same
// renderer page with a hash naming its view. The popover is loaded hidden when the app starts and kept
// (hidden) between opens, so a click on the tray shows a painted window at once (bench:ui: a cold page
// load is ~300 ms here, a kept window a show()); the others are created on first use and closed for real.
import { screen, type BrowserWindow, type BrowserWindowConstructorOptions, type Rectangle, type WebContents } from 'electron';
import type { View } from '../../src-shared/bridge.js';
import type { Logger } from '../core/ports.js';
import type { ShellPaths } from './app-paths.js';
import { popoverPosition } from './popover-position.js';
import { createSecureWindow } from './security.js';

const WINDOW_OPTIONS: Record<View, BrowserWindowConstructorOptions> = {
  popover: {
    width: 360,
    height: 480,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    title: 'Incident Tray',
  },
  declare: { width: 480, height: 640, minWidth: 400, minHeight: 520, fullscreenable: false, title: 'Declare incident' },
  settings: { width: 480, height: 720, minWidth: 400, minHeight: 520, fullscreenable: false, title: 'Incident Tray settings' },
};

/**
 * A click on the tray icon first blurs (and so hides) an open popover, then arrives as a click: without
 * this grace period that click would open the popover again instead of closing it.
 */
const REOPEN_GRACE_MS = 300;

export interface WindowManagerOptions {
  paths: ShellPaths;
  /** The tray icon's bounds, to open the popover next to it. */
  trayBounds(): Rectangle | undefined;
  logger: Logger;
  platform?: NodeJS.Platform;
  now?: () => number;
}

export class WindowManager {
  private readonly windows = new Map<View, BrowserWindow>();
  private readonly platform: NodeJS.Platform;
  private readonly now: () => number;
  private quitting = false;
  private popoverHiddenByBlurAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: WindowManagerOptions) {
    this.platform = options.platform ?? process.platform;
    this.now = options.now ?? Date.now;
  }

  /** Shows (creating if needed) and focuses a view; the popover opens next to the tray icon. */
  async show(view: View, anchor?: Rectangle): Promise<void> {
    this.present(view, anchor);
  }

  /**
   * The popover drilled into one incident (a notification about it was clicked). An open popover
   * moves to the detail by its hash alone: a same-document navigation, no reload.
   */
  async showIncident(incidentId: string): Promise<void> {
    this.present('popover', undefined, `/incident/${encodeURIComponent(incidentId)}`);
  }

  private present(view: View, anchor: Rectangle | undefined, hash?: string): void {
    const existing = this.live(view);
    const win = existing ?? this.create(view, hash);
    if (existing && hash) this.load(existing, view, hash);
    if (view === 'popover') this.placePopover(win, anchor);
    if (existing) {
      this.reveal(win);
      return;
    }
    // Shown once painted, so the user never sees an empty white window.
    win.once('ready-to-show', () => this.reveal(win));
  }

  /** Loads a view's window hidden, ahead of its first show (the popover, at start). */
  prepare(view: View): void {
    if (!this.live(view)) this.create(view);
  }

  /** The tray icon's left click: open the popover, or close it when it is open. */
  togglePopover(anchor?: Rectangle): void {
    const popover = this.live('popover');
    if (popover?.isVisible()) {
      popover.hide();
      return;
    }
    if (this.now() - this.popoverHiddenByBlurAt < REOPEN_GRACE_MS) return;
    void this.show('popover', anchor);
  }

  /** True when these webContents belong to one of our windows (the IPC sender check). */
  owns(contents: Pick<WebContents, 'id'>): boolean {
    return [...this.windows.values()].some((w) => !w.isDestroyed() && w.webContents.id === contents.id);
  }

  /** The webContents of every open window, to push events to. */
  allWebContents(): WebContents[] {
    return [...this.windows.values()].filter((w) => !w.isDestroyed()).map((w) => w.webContents);
  }

  window(view: View): BrowserWindow | undefined {
    return this.live(view);
  }

  /** From now on windows really close (the popover otherwise only hides). */
  prepareQuit(): void {
    this.quitting = true;
  }

  private live(view: View): BrowserWindow | undefined {
    const win = this.windows.get(view);
    return win && !win.isDestroyed() ? win : undefined;
  }

  private create(view: View, hash = `/${view}`): BrowserWindow {
    const win = createSecureWindow({ ...WINDOW_OPTIONS[view], show: false }, this.options.paths.preload);
    this.windows.set(view, win);
    win.on('closed', () => {
      if (this.windows.get(view) === win) this.windows.delete(view);
    });
    if (view === 'popover') this.behaveAsPopover(win);
    this.load(win, view, hash);
    return win;
  }

  private load(win: BrowserWindow, view: View, hash: string): void {
    win.loadFile(this.options.paths.rendererIndex, { hash }).catch((error: unknown) => {
      this.options.logger.error('window failed to load', { view, error: String(error) });
    });
  }

  private behaveAsPopover(win: BrowserWindow): void {
    // Follow the user to whichever macOS Space (or full-screen app) they are in.
    if (this.platform === 'darwin') win.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
    win.on('blur', () => {
      if (!win.isVisible()) return;
      win.hide();
      this.popoverHiddenByBlurAt = this.now();
    });
    win.on('close', (event) => {
      if (this.quitting) return;
      event.preventDefault();
      win.hide();
    });
  }

  private placePopover(win: BrowserWindow, anchor?: Rectangle): void {
    const bounds = anchor ?? this.options.trayBounds();
    const cursor = screen.getCursorScreenPoint();
    // Linux (AppIndicator) and some Windows shells report no tray bounds: anchor at the cursor.
    const box = bounds && bounds.width > 0 && bounds.height > 0 ? bounds : { x: cursor.x, y: cursor.y, width: 1, height: 1 };
    const display = screen.getDisplayNearestPoint({ x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) });
    const [width = 360, height = 480] = win.getSize();
    const { x, y } = popoverPosition(box, { width, height }, display.workArea);
    win.setPosition(x, y);
  }

  private reveal(win: BrowserWindow): void {
    if (win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  }
}
