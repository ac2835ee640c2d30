// Every security option of the shell in one place (Electron's security checklist, DESIGN.md §7), so a
// review reads one file: the webPreferences of every window, and the guards applied to every
// webContents and session that is ever created — including ones we did not create on purpose.
import { app, BrowserWindow, type BrowserWindowConstructorOptions, type Session, type WebContents } from 'electron';
import type { Logger } from '../core/ports.js';

/**
 * Creates every window of the app: an isolated, sandboxed page whose only door is the preload. The
 * webPreferences are written out literally here (not built elsewhere and passed in) so that the
 * Electron security linter, which reads this file, can see them.
 */
export function createSecureWindow(options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>, preload: string): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      // A middle click would otherwise open a link in a new window, past setWindowOpenHandler.
      disableBlinkFeatures: 'Auxclick',
      // DevTools while developing only: in a packaged build they would let anyone at the keyboard
      // call the bridge by hand.
      devTools: !app.isPackaged,
    },
  });
}

export interface SecurityPolicy {
  /** Our own renderer page (see createAppUrlCheck). */
  isAppUrl(url: string): boolean;
  /** Opens the link in the OS browser when it is an allowed https link; returns whether it did. */
  openExternalIfAllowed(url: string): boolean;
  logger: Logger;
}

/** Denies leaving the app's page: no navigation, no redirect, no new window, no <webview>. */
export function hardenWebContents(contents: WebContents, policy: SecurityPolicy): void {
  const guardNavigation = (event: { preventDefault(): void }, url: string) => {
    if (policy.isAppUrl(url)) return;
    event.preventDefault();
    // A plain <a href> to a Slack channel is what the user meant to open: hand it to the browser.
    if (!policy.openExternalIfAllowed(url)) policy.logger.warn('navigation blocked', { url });
  };
  contents.on('will-navigate', (event) => guardNavigation(event, event.url));
  contents.on('will-frame-navigate', (event) => {
    if (!policy.isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!policy.isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (!policy.openExternalIfAllowed(url)) policy.logger.warn('window.open blocked', { url });
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    policy.logger.warn('webview blocked');
  });
}

const hardenedSessions = new WeakSet<Session>();

/** No permission is ever granted (camera, notifications from the page, clipboard …), and every response gets our CSP. */
export function hardenSession(target: Session): void {
  if (hardenedSessions.has(target)) return;
  hardenedSessions.add(target);
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.webRequest.onHeadersReceived((details, callback) => {
    // Chromium may not consult webRequest for file:// pages; the meta tag is the primary policy.
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    // The same policy as the renderer's meta tag (test/unit/electron/security.test.ts compares them),
    // plus frame-ancestors, which only works as a header; written literally for the security linter.
    callback({
      responseHeaders: {
        ...headers,
        'Content-Security-Policy': [
          "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ],
      },
    });
  });
}

/** Applies the guards to every webContents the app will ever create. Call before creating windows. */
export function installSecurityGuards(policy: SecurityPolicy): void {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, policy);
    hardenSession(contents.session);
  });
}
