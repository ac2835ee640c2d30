// The real renderer in Debian Chromium (DESIGN.md §6): a headless core on a throwaway home, the real
// `incident-tray ui` server (startUiServer) serving the built renderer over http, and playwright-core
// driving the page. Nothing is mocked: commands and snapshot pushes travel over real sockets.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { View } from '../../src-shared/bridge.js';
import type { DeclareResult, IncidentStatus, Severity } from '../../src-shared/domain.js';
import { startUiServer, type UiServer } from '../../src-main/cli/ui-server/ui-server.js';
import type { Core } from '../../src-main/core/create-core.js';
import { createNodeCore } from '../../src-main/core/create-node-core.js';
import type { Clock } from '../../src-main/core/ports.js';
import { makeTempHome } from '../support/temp-home.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = fileURLToPath(new URL('./__screenshots__/', import.meta.url));

/**
 * The page's "now". Both clocks are fixed so that ages read the same on every run: the core declares
 * at times the test chooses, and the browser's Date is pinned here (timers still run).
 */
export const PAGE_NOW = new Date('2026-11-24T14:30:00Z');
export const minutesBefore = (minutes: number, at: Date = PAGE_NOW) => new Date(at.getTime() - minutes * 60_000);

export const POPOVER_VIEWPORT = { width: 360, height: 480 };
export const WINDOW_VIEWPORT = { width: 480, height: 640 };

/** A clock the test moves by hand: declares made through the UI are stamped with `current`. */
export interface ManualClock extends Clock {
  current: Date;
}

let renderer: Promise<string> | undefined;
let rendererTemp: string | undefined;

/**
 * Builds the renderer (Vite's build() with vite.config.ts, as `npm run build` does) into a folder of
 * this test file's own, once per file. Not dist/renderer: `incident-tray ui` and `npm run build`
 * rebuild that folder (emptying it first) whenever sources are newer, and a page loading while another
 * process empties it fails for reasons that have nothing to do with the UI.
 */
export function rendererDir(): Promise<string> {
  renderer ??= (async () => {
    rendererTemp = await mkdtemp(join(tmpdir(), 'incident-tray-ui-renderer-'));
    const { build } = await import('vite');
    await build({
      configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
      logLevel: 'warn',
      build: { outDir: rendererTemp, emptyOutDir: true },
    });
    return rendererTemp;
  })();
  return renderer;
}

async function removeRendererBuild(): Promise<void> {
  const folder = rendererTemp;
  renderer = undefined;
  rendererTemp = undefined;
  if (folder) await rm(folder, { recursive: true, force: true });
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is needed for the UI tests and was not found at ${CHROMIUM_PATH}. ` +
        'Install it with: sudo apt-get install -y chromium (or point CHROMIUM_PATH at a Chromium binary).',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface AppUnderTest {
  core: Core;
  server: UiServer;
  clock: ManualClock;
  home: string;
  /** Links the page asked main to open (link.open), in order. */
  openedLinks: string[];
  close(): Promise<void>;
}

/** A core on a fresh home (no environment of the real user leaks in) and the real UI server on port 0. */
export async function startApp(options: { env?: NodeJS.ProcessEnv; now?: Date } = {}): Promise<AppUnderTest> {
  const temp = makeTempHome('incident-tray-ui-');
  const clock: ManualClock = {
    current: options.now ?? minutesBefore(0),
    now() {
      return new Date(this.current);
    },
  };
  const core = createNodeCore({ home: temp.home, env: { ...options.env }, clock });
  const openedLinks: string[] = [];
  let server: UiServer;
  try {
    server = await startUiServer({
      core,
      rendererDir: await rendererDir(),
      port: 0,
      openExternal: async (url) => {
        openedLinks.push(url);
      },
    });
  } catch (error) {
    core.close();
    temp.cleanup();
    throw error;
  }
  return {
    core,
    server,
    clock,
    home: temp.home,
    openedLinks,
    async close() {
      await server.close();
      core.close();
      temp.cleanup();
    },
  };
}

export interface OpenOptions {
  view?: View;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** Overrides the token in the URL (to test a wrong one). */
  token?: string;
  /** Runs before the page loads: routes, init scripts. */
  beforeNavigate?: (page: Page) => Promise<unknown>;
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** console errors and uncaught exceptions seen so far (CSP violations show up here). */
  problems: string[];
}

export async function openPage(browser: Browser, app: AppUnderTest, options: OpenOptions = {}): Promise<OpenedPage> {
  const view = options.view ?? 'popover';
  const context = await browser.newContext({
    viewport: options.viewport ?? (view === 'popover' ? POPOVER_VIEWPORT : WINDOW_VIEWPORT),
    colorScheme: options.colorScheme ?? 'light',
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.clock.setFixedTime(PAGE_NOW);
  await options.beforeNavigate?.(page);
  const url = new URL(app.server.url);
  if (options.token !== undefined) url.searchParams.set('token', options.token);
  url.hash = `#/${view}`;
  await page.goto(url.toString());
  return { context, page, problems };
}

/** Declares through the core (as another client would) at `minutesAgo` before PAGE_NOW. */
export function declareAt(
  app: AppUnderTest,
  minutesAgo: number,
  request: { title: string; severity: Severity; service?: string; description?: string },
): DeclareResult {
  const previous = app.clock.current;
  app.clock.current = minutesBefore(minutesAgo);
  try {
    return app.core.declare(request);
  } finally {
    app.clock.current = previous;
  }
}

/**
 * Gives an incident what the declare flow of later issues fills in (links, commander, a status). There
 * is no bridge command for these yet, so the test writes the local store's row and asks the core to
 * publish a fresh snapshot, exactly as a poller will.
 */
export function enrichIncident(
  app: AppUnderTest,
  id: string,
  fields: { slack?: string; pagerduty?: string; commander?: string; status?: IncidentStatus },
): void {
  app.core.db
    .prepare(
      `UPDATE incidents SET slack_url = COALESCE(?, slack_url), pagerduty_url = COALESCE(?, pagerduty_url),
         commander = COALESCE(?, commander), status = COALESCE(?, status) WHERE id = ?`,
    )
    .run(fields.slack ?? null, fields.pagerduty ?? null, fields.commander ?? null, fields.status ?? null, id);
  app.core.refresh();
}

/** A declare whose steps have not finished (as when the network dropped mid-way): the outbox counts it. */
export function addUnfinishedDeclare(app: AppUnderTest, name: string): void {
  const id = `pending-${name}`;
  app.core.db
    .prepare(
      `INSERT INTO declares (id, idempotency_key, name, request_json, declared_by, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(id, id, name, JSON.stringify({ title: name, severity: 'SEV3' }), 'ui-test', PAGE_NOW.toISOString());
  app.core.refresh();
}

export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  // Nothing blinks or hovers in a committed artifact: no caret, no half-finished transition.
  await page.mouse.move(0, 0);
  await page.screenshot({ path, fullPage: options.fullPage ?? false, animations: 'disabled', caret: 'hide' });
  return path;
}

/**
 * One Chromium per test file, a fresh app (core + server on a new home) and browser context per test,
 * all closed after each test whatever happened.
 */
export function useUi() {
  let browser: Browser | undefined;
  let apps: AppUnderTest[] = [];
  let contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await Promise.all(apps.map((a) => a.close()));
    contexts = [];
    apps = [];
  });
  afterAll(async () => {
    await browser?.close();
    await removeRendererBuild();
  });
  return {
    async start(options?: Parameters<typeof startApp>[0]): Promise<AppUnderTest> {
      const app = await startApp(options);
      apps.push(app);
      return app;
    },
    async open(app: AppUnderTest, options?: OpenOptions): Promise<OpenedPage> {
      if (!browser) throw new Error('Chromium did not start (see the error of beforeAll)');
      const opened = await openPage(browser, app, options);
      contexts.push(opened.context);
      return opened;
    },
  };
}

/** The visible text of every incident row, top to bottom. */
export async function incidentRows(page: Page): Promise<{ severity: string; title: string; age: string; name: string }[]> {
  return page.locator('.incident-row').evaluateAll((rows) =>
    rows.map((row) => ({
      severity: row.querySelector('.sev-badge')?.textContent ?? '',
      title: row.querySelector('.incident-title')?.textContent ?? '',
      age: row.querySelector('.incident-age')?.textContent ?? '',
      name: row.querySelector('.incident-name')?.textContent ?? '',
    })),
  );
}
