// An in-memory `electron` for the shell tests (vitest's "shell" project aliases `electron` here).
// It implements only what src-main/electron and src-main/preload use, records what they did, and
// offers `simulate…` helpers for what the OS or a renderer would do. Behaviour follows Electron's
// where the shell relies on it: a webContents announces itself through app 'web-contents-created',
// `ipcMain.handle` refuses a second handler for a channel, preventable events carry preventDefault.
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

// ---------------------------------------------------------------------------------------------- events

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent<T extends object>(fields: T = {} as T): FakeEvent & T {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

// ------------------------------------------------------------------------------------------------- app

class FakeApp extends EventEmitter {
  isPackaged = false;
  /** Whether requestSingleInstanceLock succeeds; a test sets false to play the second instance. */
  singleInstanceLockAvailable = true;
  quitCalls = 0;
  sandboxEnabled = false;
  dockHidden = false;
  private ready = false;
  private resolveReady: () => void = () => undefined;
  private readyPromise = this.newReadyPromise();

  private newReadyPromise(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.resolveReady = resolve;
    });
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  isReady(): boolean {
    return this.ready;
  }
  /** What Chromium does once initialised: a test calls it after the shell registered its hooks. */
  simulateReady(): void {
    this.ready = true;
    this.resolveReady();
    this.emit('ready');
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLockAvailable;
  }
  enableSandbox(): void {
    if (this.ready) throw new Error('app.enableSandbox() must be called before the app is ready');
    this.sandboxEnabled = true;
  }
  /** Like Electron: before-quit and will-quit are preventable; quit follows when neither was. */
  quit(): void {
    this.quitCalls += 1;
    const beforeQuit = fakeEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    const willQuit = fakeEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) return;
    this.emit('quit', fakeEvent(), 0);
  }
  exit(): void {
    this.quitCalls += 1;
  }
  focus(): void {}
  getVersion(): string {
    return '0.0.0-test';
  }
  getName(): string {
    return 'incident-tray';
  }
  getPath(): string {
    return '/nonexistent/fake-electron-path';
  }
  setAppUserModelId(): void {}
  readonly dock = {
    hide: () => {
      this.dockHidden = true;
    },
    show: async () => {
      this.dockHidden = false;
    },
  };

  /** Back to a fresh, not yet ready app. */
  reset(): void {
    this.removeAllListeners();
    this.isPackaged = false;
    this.singleInstanceLockAvailable = true;
    this.quitCalls = 0;
    this.sandboxEnabled = false;
    this.dockHidden = false;
    this.ready = false;
    this.readyPromise = this.newReadyPromise();
  }
}

export const app = new FakeApp();

// --------------------------------------------------------------------------------------------- session

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string) => boolean;
interface HeadersDetails {
  url: string;
  responseHeaders?: Record<string, string[]>;
}
type HeadersListener = (details: HeadersDetails, callback: (response: { responseHeaders?: Record<string, string[]> }) => void) => void;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  headersListener: HeadersListener | null = null;
  readonly webRequest = {
    onHeadersReceived: (...args: unknown[]) => {
      const listener = args.at(-1);
      this.headersListener = typeof listener === 'function' ? (listener as HeadersListener) : null;
    },
  };
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }
  /** A page asks for a permission (camera, notifications …): resolves with the handler's answer. */
  simulatePermissionRequest(permission: string): Promise<boolean | 'no handler'> {
    const handler = this.permissionRequestHandler;
    if (!handler) return Promise.resolve('no handler');
    return new Promise((resolve) => handler(null, permission, resolve));
  }
  /** A response arrives: resolves with the headers the listener let through. */
  simulateResponse(url: string, responseHeaders: Record<string, string[]> = {}): Promise<Record<string, string[]> | undefined> {
    const listener = this.headersListener;
    if (!listener) return Promise.resolve(responseHeaders);
    return new Promise((resolve) => listener({ url, responseHeaders }, (response) => resolve(response.responseHeaders ?? responseHeaders)));
  }
}

export const session = { defaultSession: new FakeSession() };

// ------------------------------------------------------------------------------------------ webContents

export interface FakeWebFrame {
  url: string;
  parent: FakeWebFrame | null;
  processId: number;
  routingId: number;
}

interface WindowOpenResponse {
  action: 'allow' | 'deny';
}
type WindowOpenHandler = (details: { url: string; frameName: string; features: string; disposition: string }) => WindowOpenResponse;

let nextWebContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly session = session.defaultSession;
  readonly mainFrame: FakeWebFrame = { url: '', parent: null, processId: 100 + this.id, routingId: 1 };
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: WindowOpenHandler | null = null;
  private destroyed = false;

  getURL(): string {
    return this.mainFrame.url;
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args: structuredClone(args) });
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
  /** The page navigates (a link, a form, location.href …): true when the shell let it through. */
  simulateNavigation(url: string): boolean {
    const willNavigate = fakeEvent({ url, isMainFrame: true, isSameDocument: false, frame: this.mainFrame });
    this.emit('will-navigate', willNavigate, url);
    const willFrameNavigate = fakeEvent({ url, isMainFrame: true, isSameDocument: false, frame: this.mainFrame });
    this.emit('will-frame-navigate', willFrameNavigate);
    const allowed = !willNavigate.defaultPrevented && !willFrameNavigate.defaultPrevented;
    if (allowed) this.mainFrame.url = url;
    return allowed;
  }
  /** A server redirect during a navigation: true when the shell let it through. */
  simulateRedirect(url: string): boolean {
    const event = fakeEvent({ url, isMainFrame: true, isSameDocument: false, frame: this.mainFrame });
    this.emit('will-redirect', event, url);
    return !event.defaultPrevented;
  }
  /** `window.open(url)` or a target=_blank link: what the handler answered ('allow' without one). */
  simulateWindowOpen(url: string): WindowOpenResponse {
    if (!this.windowOpenHandler) return { action: 'allow' };
    return this.windowOpenHandler({ url, frameName: '', features: '', disposition: 'new-window' });
  }
  /** A `<webview>` is about to attach: true when the shell let it. */
  simulateWebviewAttach(src: string): boolean {
    const event = fakeEvent();
    this.emit('will-attach-webview', event, { preload: '', nodeIntegration: true }, { src });
    return !event.defaultPrevented;
  }
}

export const webContents = {
  getAllWebContents: (): FakeWebContents[] =>
    BrowserWindow.getAllWindows()
      .map((w) => w.webContents)
      .filter((c) => !c.isDestroyed()),
};

// ----------------------------------------------------------------------------------------- BrowserWindow

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface BrowserWindowOptions {
  width?: number;
  height?: number;
  show?: boolean;
  webPreferences?: Record<string, unknown>;
  [key: string]: unknown;
}

export class BrowserWindow extends EventEmitter {
  private static readonly windows = new Set<BrowserWindow>();
  static getAllWindows(): BrowserWindow[] {
    return [...BrowserWindow.windows];
  }
  static fromWebContents(contents: unknown): BrowserWindow | null {
    return [...BrowserWindow.windows].find((w) => w.webContents === contents) ?? null;
  }
  static reset(): void {
    BrowserWindow.windows.clear();
  }

  readonly webContents = new FakeWebContents();
  readonly loaded: { file: string; options: { hash?: string; query?: Record<string, string> } | undefined }[] = [];
  private visible: boolean;
  private focused = false;
  private destroyed = false;
  bounds: Rectangle;
  alwaysOnTop: boolean;

  constructor(readonly options: BrowserWindowOptions = {}) {
    super();
    this.visible = options.show !== false;
    this.alwaysOnTop = options.alwaysOnTop === true;
    this.bounds = { x: 0, y: 0, width: options.width ?? 800, height: options.height ?? 600 };
    BrowserWindow.windows.add(this);
    app.emit('web-contents-created', fakeEvent(), this.webContents);
    app.emit('browser-window-created', fakeEvent(), this);
  }

  loadFile(file: string, options?: { hash?: string; query?: Record<string, string> }): Promise<void> {
    this.loaded.push({ file, options });
    const url = pathToFileURL(file);
    if (options?.hash) url.hash = options.hash;
    this.webContents.mainFrame.url = url.href;
    // Chromium finishes loading later; the shell must not depend on it happening synchronously.
    setImmediate(() => {
      if (this.destroyed) return;
      this.webContents.emit('did-finish-load');
      this.emit('ready-to-show');
    });
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
    this.focused = true;
    this.emit('show');
    this.emit('focus');
  }
  showInactive(): void {
    this.visible = true;
    this.emit('show');
  }
  hide(): void {
    this.visible = false;
    this.focused = false;
    this.emit('hide');
  }
  focus(): void {
    this.focused = true;
    this.emit('focus');
  }
  /** The window loses focus (the user clicked elsewhere). */
  blur(): void {
    this.focused = false;
    this.emit('blur');
  }
  isVisible(): boolean {
    return this.visible;
  }
  isFocused(): boolean {
    return this.focused;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  setAlwaysOnTop(flag: boolean): void {
    this.alwaysOnTop = flag;
  }
  setVisibleOnAllWorkspaces(): void {}
  setPosition(x: number, y: number): void {
    this.bounds = { ...this.bounds, x, y };
  }
  getPosition(): [number, number] {
    return [this.bounds.x, this.bounds.y];
  }
  getSize(): [number, number] {
    return [this.bounds.width, this.bounds.height];
  }
  getBounds(): Rectangle {
    return { ...this.bounds };
  }
  setBounds(bounds: Partial<Rectangle>): void {
    this.bounds = { ...this.bounds, ...bounds };
  }
  /** Like Electron: 'close' is preventable; a window that closes is destroyed. */
  close(): void {
    if (this.destroyed) return;
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    BrowserWindow.windows.delete(this);
    this.webContents.destroy();
    this.emit('closed');
    if (BrowserWindow.windows.size === 0) app.emit('window-all-closed');
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

// ------------------------------------------------------------------------------------------ Menu, Tray

export interface FakeMenuItem {
  label?: string;
  type?: string;
  role?: string;
  accelerator?: string;
  enabled?: boolean;
  click?: (...args: unknown[]) => void;
}

export class Menu {
  constructor(readonly items: FakeMenuItem[]) {}
  static buildFromTemplate(template: FakeMenuItem[]): Menu {
    return new Menu(template.map((item) => ({ ...item })));
  }
  /** Clicks the item with this label, as a user would. */
  click(label: string): void {
    const item = this.items.find((i) => i.label === label);
    if (!item) throw new Error(`no menu item "${label}" (have: ${this.items.map((i) => i.label ?? i.type).join(', ')})`);
    item.click?.(item, undefined, {});
  }
}

export class FakeNativeImage {
  template = false;
  constructor(readonly path: string) {}
  isEmpty(): boolean {
    return !existsSync(this.path);
  }
  setTemplateImage(flag: boolean): void {
    this.template = flag;
  }
  isTemplateImage(): boolean {
    return this.template;
  }
}

export const nativeImage = {
  createFromPath: (path: string) => new FakeNativeImage(path),
  createEmpty: () => new FakeNativeImage(''),
};

export class Tray extends EventEmitter {
  static readonly instances: Tray[] = [];
  image: FakeNativeImage | string;
  tooltip = '';
  title = '';
  contextMenu: Menu | null = null;
  poppedUpMenus: Menu[] = [];
  bounds: Rectangle = { x: 0, y: 0, width: 0, height: 0 };
  destroyed = false;

  constructor(image: FakeNativeImage | string) {
    super();
    this.image = image;
    Tray.instances.push(this);
  }
  setImage(image: FakeNativeImage | string): void {
    this.image = image;
  }
  setToolTip(tooltip: string): void {
    this.tooltip = tooltip;
  }
  setTitle(title: string): void {
    this.title = title;
  }
  setContextMenu(menu: Menu | null): void {
    this.contextMenu = menu;
  }
  popUpContextMenu(menu?: Menu): void {
    const shown = menu ?? this.contextMenu;
    if (shown) this.poppedUpMenus.push(shown);
  }
  getBounds(): Rectangle {
    return { ...this.bounds };
  }
  destroy(): void {
    this.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** A left click on the icon, as the OS reports it (with the icon's bounds). */
  simulateClick(): void {
    this.emit('click', fakeEvent(), this.getBounds(), { x: this.bounds.x, y: this.bounds.y });
  }
  simulateRightClick(): void {
    this.emit('right-click', fakeEvent(), this.getBounds());
  }
}

// ----------------------------------------------------------------------------------- screen, theme, shell

export const screen = {
  workArea: { x: 0, y: 0, width: 1920, height: 1040 } as Rectangle,
  cursor: { x: 1900, y: 10 },
  getCursorScreenPoint: () => ({ ...screen.cursor }),
  getDisplayNearestPoint: () => ({ id: 1, bounds: { ...screen.workArea }, workArea: { ...screen.workArea }, scaleFactor: 1 }),
  getDisplayMatching: () => screen.getDisplayNearestPoint(),
  getPrimaryDisplay: () => screen.getDisplayNearestPoint(),
};

class FakeNativeTheme extends EventEmitter {
  shouldUseDarkColors = false;
  themeSource: 'system' | 'light' | 'dark' = 'system';
}
export const nativeTheme = new FakeNativeTheme();

export const shell = {
  openedExternally: [] as string[],
  openExternal(url: string): Promise<void> {
    shell.openedExternally.push(url);
    return Promise.resolve();
  },
  openPath: (): Promise<string> => Promise.resolve(''),
};

export const globalShortcut = {
  registered: new Map<string, () => void>(),
  /** Accelerators another application holds: registering them fails, as in Electron. */
  takenByOthers: new Set<string>(),
  register(accelerator: string, callback: () => void): boolean {
    if (!/^[A-Za-z0-9+]+$/.test(accelerator) || accelerator.endsWith('+')) {
      throw new TypeError(`Error processing argument at index 0, conversion failure from ${accelerator}`);
    }
    if (globalShortcut.takenByOthers.has(accelerator) || globalShortcut.registered.has(accelerator)) return false;
    globalShortcut.registered.set(accelerator, callback);
    return true;
  },
  unregister(accelerator: string): void {
    globalShortcut.registered.delete(accelerator);
  },
  unregisterAll(): void {
    globalShortcut.registered.clear();
  },
  isRegistered: (accelerator: string): boolean => globalShortcut.registered.has(accelerator),
  /** The user presses the keys. */
  simulatePress(accelerator: string): void {
    const callback = globalShortcut.registered.get(accelerator);
    if (!callback) throw new Error(`${accelerator} is not registered`);
    callback();
  },
};

// ------------------------------------------------------------------------------------------ Notification

export class Notification extends EventEmitter {
  static supported = true;
  static readonly shown: Notification[] = [];
  static isSupported(): boolean {
    return Notification.supported;
  }
  constructor(readonly options: { title?: string; body?: string; silent?: boolean; [key: string]: unknown } = {}) {
    super();
  }
  show(): void {
    Notification.shown.push(this);
    this.emit('show', fakeEvent());
  }
  close(): void {
    this.emit('close', fakeEvent());
  }
  simulateClick(): void {
    this.emit('click', fakeEvent());
  }
}

// ------------------------------------------------------------------------------------------ safeStorage

type StorageBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';
const CIPHER_MARK = Buffer.from('fake-os-cipher:');

/** A reversible stand-in cipher: the output never contains the plain text, as with the real one. */
export const safeStorage = {
  encryptionAvailable: true,
  backend: 'gnome_libsecret' as StorageBackend,
  isEncryptionAvailable: (): boolean => safeStorage.encryptionAvailable,
  getSelectedStorageBackend: (): StorageBackend => safeStorage.backend,
  encryptString(plain: string): Buffer {
    if (!safeStorage.encryptionAvailable) throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
    const bytes = Buffer.from(plain, 'utf8').map((b) => b ^ 0xa5);
    return Buffer.concat([CIPHER_MARK, bytes.reverse()]);
  },
  decryptString(cipher: Buffer): string {
    if (!safeStorage.encryptionAvailable) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.');
    if (!cipher.subarray(0, CIPHER_MARK.length).equals(CIPHER_MARK)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    const bytes = Buffer.from(cipher.subarray(CIPHER_MARK.length)).reverse().map((b) => b ^ 0xa5);
    return Buffer.from(bytes).toString('utf8');
  },
};

// ------------------------------------------------------------------------------------ ipcMain, ipcRenderer

export interface FakeInvokeEvent {
  sender: FakeWebContents | { id: number };
  senderFrame: FakeWebFrame | null;
  frameId: number;
  processId: number;
  type: 'frame';
}

type InvokeHandler = (event: FakeInvokeEvent, ...args: unknown[]) => unknown;

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeHandler>();
  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  handleOnce(channel: string, handler: InvokeHandler): void {
    this.handle(channel, (...args) => {
      this.handlers.delete(channel);
      return handler(...args);
    });
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What a renderer's `ipcRenderer.invoke(channel, ...args)` reaches, with the event it carries. */
  async simulateInvoke(channel: string, event: FakeInvokeEvent, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    // Arguments and answers cross the process boundary by structured clone, never by reference.
    return structuredClone(await handler(event, ...structuredClone(args)));
  }
  reset(): void {
    this.handlers.clear();
    this.removeAllListeners();
  }
}
export const ipcMain = new FakeIpcMain();

/** The event a message from this window's page carries; `frame` overrides the sending frame. */
export function invokeEventFrom(contents: FakeWebContents, frame: FakeWebFrame | null = contents.mainFrame): FakeInvokeEvent {
  return { sender: contents, senderFrame: frame, frameId: frame?.routingId ?? 0, processId: frame?.processId ?? 0, type: 'frame' };
}

class FakeIpcRenderer extends EventEmitter {
  readonly invoked: { channel: string; args: unknown[] }[] = [];
  /** Where invoke goes; by default nowhere (a test wires it to ipcMain or to a canned answer). */
  answer: (channel: string, ...args: unknown[]) => Promise<unknown> = (channel) =>
    Promise.reject(new Error(`Error invoking remote method '${channel}': no handler`));
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    return this.answer(channel, ...args);
  }
  send(channel: string, ...args: unknown[]): void {
    this.invoked.push({ channel, args });
  }
  sendSync(): unknown {
    throw new Error('sendSync is not available in the fake');
  }
  /** Main sends an event to this renderer. */
  simulateMessage(channel: string, payload: unknown): void {
    this.emit(channel, { sender: this, senderId: 0 }, structuredClone(payload));
  }
  reset(): void {
    this.invoked.length = 0;
    this.removeAllListeners();
    this.answer = (channel) => Promise.reject(new Error(`Error invoking remote method '${channel}': no handler`));
  }
}
export const ipcRenderer = new FakeIpcRenderer();

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    if (contextBridge.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
    contextBridge.exposed.set(key, api);
  },
};

// ---------------------------------------------------------------------------------------- network

/** Electron's powerMonitor: the shell hears 'resume' (after sleep) and 'unlock-screen'. */
class FakePowerMonitor extends EventEmitter {
  onBattery = false;
  isOnBatteryPower(): boolean {
    return this.onBattery;
  }
}
export const powerMonitor = new FakePowerMonitor();

/** Electron's net module, as far as the shell uses it: whether the machine is online. */
export const net = {
  online: true,
  isOnline(): boolean {
    return this.online;
  },
};

// ---------------------------------------------------------------------------------------------- reset

/** Forgets everything a previous test did. */
export function resetFakeElectron(): void {
  app.reset();
  // A new session object, as after a restart (the shell remembers sessions it already hardened).
  session.defaultSession = new FakeSession();
  BrowserWindow.reset();
  Tray.instances.length = 0;
  Notification.shown.length = 0;
  Notification.supported = true;
  nativeTheme.removeAllListeners();
  nativeTheme.shouldUseDarkColors = false;
  shell.openedExternally.length = 0;
  globalShortcut.registered.clear();
  globalShortcut.takenByOthers.clear();
  safeStorage.encryptionAvailable = true;
  safeStorage.backend = 'gnome_libsecret';
  screen.workArea = { x: 0, y: 0, width: 1920, height: 1040 };
  screen.cursor = { x: 1900, y: 10 };
  ipcMain.reset();
  ipcRenderer.reset();
  contextBridge.exposed.clear();
  powerMonitor.removeAllListeners();
  powerMonitor.onBattery = false;
  net.online = true;
}

export default {
  app,
  BrowserWindow,
  contextBridge,
  globalShortcut,
  ipcMain,
  ipcRenderer,
  Menu,
  nativeImage,
  nativeTheme,
  net,
  Notification,
  powerMonitor,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
  webContents,
};
