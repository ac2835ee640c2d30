// The real renderer in Debian Chromium (DESIGN.md §6): a headless core on a throwaway home, the real
// `incident-tray ui` server (startUiServer) serving the built renderer over http, and playwright-core
// driving the page. Nothing is mocked: commands and pushes travel over real sockets, and Slack and
// PagerDuty, when a test wants them, are the spec-validating fakes of test/fakes on 127.0.0.1.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { View } from '../../src-shared/bridge.js';
import type { DeclareProgress, IncidentStatus, Severity } from '../../src-shared/domain.js';
import { openEmbeddedIncidentStore } from '../../src-hub/embedded/embedded-incident-store.js';
import { startUiServer, type UiServer } from '../../src-main/cli/ui-server/ui-server.js';
import type { Core } from '../../src-main/core/create-core.js';
import { createNodeCore } from '../../src-main/core/create-node-core.js';
import type { Clock, NotificationRequest } from '../../src-main/core/ports.js';
import type { PagerDutyWatchIntervals } from '../../src-main/core/watch/pagerduty-watcher.js';
import type { RetryPolicy } from '../../src-main/core/retry/retry-policy.js';
import { startPagerDutyFake, type PagerDutyFake, type PagerDutyIncident } from '../fakes/pagerduty-fake.js';
import { botUserId, startSlackFake, type SlackFake } from '../fakes/slack-fake.js';
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
  /** What the watchers told the person (the notifier's calls), in order; empty without `watch`. */
  notifications: NotificationRequest[];
  close(): Promise<void>;
}

/** Who declares in these tests: the settings' user, a Slack member and a PagerDuty user. */
export const DECLARER = 'ada@acme.dev';

/**
 * Retries within one run, kept short so a failure shows in a moment: every failing call is tried
 * exactly this many times per run, which is what lets a test queue a fault for one run only.
 */
export const UI_RETRY_POLICY: RetryPolicy = { attempts: 3, baseDelayMs: 10, maxDelayMs: 50, maxRetryAfterMs: 1_000 };

/** The watchers poll PagerDuty this often in a test (the app: 15 s paged, 60 s idle, 120 s on battery). */
export const UI_WATCH_INTERVALS: PagerDutyWatchIntervals = { pagedMs: 200, idleMs: 200, batteryMs: 200 };

/** A core on a fresh home (no environment of the real user leaks in) and the real UI server on port 0. */
export async function startApp(
  options: {
    env?: NodeJS.ProcessEnv;
    now?: Date;
    /** Deadline of each vendor call (a hung call stays "Running" this long). */
    httpTimeoutMs?: number;
    /**
     * Runs the watchers, as the app and `incident-tray ui` do: background mode with a recording
     * notifier, PagerDuty polled every UI_WATCH_INTERVALS. Then `snapshot.watch` exists.
     */
    watch?: boolean;
  } = {},
): Promise<AppUnderTest> {
  const temp = makeTempHome('incident-tray-ui-');
  const clock: ManualClock = {
    current: options.now ?? minutesBefore(0),
    now() {
      return new Date(this.current);
    },
  };
  // Not in background mode unless the test watches: nothing resumes on a timer, so a declare waiting
  // for the network stays so until the test (or the person in it) presses Retry.
  const notifications: NotificationRequest[] = [];
  const core = createNodeCore({
    home: temp.home,
    env: { ...options.env },
    clock,
    retryPolicy: UI_RETRY_POLICY,
    httpTimeoutMs: options.httpTimeoutMs ?? 5_000,
    pdjsRateLimitWaitMs: 50,
    // The embedded store stamps incidents with the same clock, so ages read the same on every run.
    openLocalStore: (store) => openEmbeddedIncidentStore({ ...store, now: () => clock.now() }),
    ...(options.watch
      ? {
          background: true,
          notifier: { notify: (notification: NotificationRequest) => void notifications.push(notification) },
          pagerdutyIntervals: UI_WATCH_INTERVALS,
        }
      : {}),
  });
  const openedLinks: string[] = [];
  let server: UiServer;
  try {
    core.settings.save({ settings: { ...core.settings.stored(), user: { email: DECLARER } } });
    await core.start();
    server = await startUiServer({
      core,
      rendererDir: await rendererDir(),
      port: 0,
      openExternal: async (url) => {
        openedLinks.push(url);
      },
    });
  } catch (error) {
    await core.close();
    temp.cleanup();
    throw error;
  }
  return {
    core,
    server,
    clock,
    home: temp.home,
    openedLinks,
    notifications,
    async close() {
      await server.close();
      await core.close();
      temp.cleanup();
    },
  };
}

/**
 * The PagerDuty services the fake offers, as a team would name them. No `summary` of their own: real
 * PagerDuty answers a service's name there (and in an incident's service reference), and the fake
 * does the same when it is left out.
 */
export const SERVICES = [
  { id: 'PCHKAPI', name: 'checkout-api' },
  { id: 'PCHKWEB', name: 'checkout-web' },
  { id: 'PSEARCH', name: 'search' },
  { id: 'PLOGIN', name: 'login-sso' },
  { id: 'PPAYGW', name: 'payments-gateway' },
];

/** Who the PagerDuty API key belongs to (`/users/me`): the declarer. */
export const MY_PAGERDUTY_ID = 'PADA';
/** A teammate in the PagerDuty account (who else may resolve, or be paged). */
export const TEAMMATE_PAGERDUTY_ID = 'PGRACE';

export interface Vendors {
  slack: SlackFake;
  pagerduty: PagerDutyFake;
  /** What a user would set to point the app at them (DESIGN.md §5). */
  env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

/** The Slack and PagerDuty fakes, with the digest channel, the declarer and the services in place. */
export async function startVendors(options: { latencyMs?: number } = {}): Promise<Vendors> {
  const slackToken = 'xoxb-ui-test-token';
  const pagerdutyToken = 'pd-ui-test-token';
  const latencyMs = options.latencyMs ?? 0;
  const slack = await startSlackFake({ token: slackToken, latencyMs, users: [{ id: 'U_ADA', email: DECLARER, name: 'ada' }] });
  slack.addChannel({ name: 'incidents', creator: 'U_ADMIN', members: [botUserId, 'U_ADMIN'] });
  const pagerduty = await startPagerDutyFake({
    token: pagerdutyToken,
    latencyMs,
    services: SERVICES,
    users: [
      { id: MY_PAGERDUTY_ID, email: DECLARER, name: 'Ada Lovelace' },
      { id: TEAMMATE_PAGERDUTY_ID, email: 'grace@acme.dev', name: 'Grace Hopper' },
    ],
  });
  return {
    slack,
    pagerduty,
    env: {
      SLACK_TOKEN: slackToken,
      SLACK_API_URL: slack.url,
      SLACK_DIGEST_CHANNEL: '#incidents',
      PAGERDUTY_TOKEN: pagerdutyToken,
      PAGERDUTY_API_URL: pagerduty.restUrl,
      PAGERDUTY_EVENTS_URL: pagerduty.eventsUrl,
      PAGERDUTY_FROM_EMAIL: DECLARER,
    },
    async close() {
      await Promise.all([slack.close(), pagerduty.close()]);
    },
  };
}

/**
 * An incident that pages me (an alert on `serviceId` assigned to me by its escalation policy), opened
 * `minutesAgo` before PAGE_NOW so that its age reads the same on every run.
 */
export function pageMe(
  vendors: Vendors,
  page: { title: string; serviceId: string; minutesAgo: number; urgency?: 'high' | 'low' },
): PagerDutyIncident {
  return vendors.pagerduty.triggerIncident({
    title: page.title,
    serviceId: page.serviceId,
    assigneeIds: [MY_PAGERDUTY_ID],
    ...(page.urgency ? { urgency: page.urgency } : {}),
    at: minutesBefore(page.minutesAgo).toISOString(),
  });
}

/** An on-call shift of mine, in minutes from PAGE_NOW (negative: before it). */
export function putMeOnCall(vendors: Vendors, shift: { fromMinutes: number; toMinutes: number }): void {
  const at = (minutes: number) => new Date(PAGE_NOW.getTime() + minutes * 60_000).toISOString();
  vendors.pagerduty.addOnCallShift({ userId: MY_PAGERDUTY_ID, start: at(shift.fromMinutes), end: at(shift.toMinutes) });
}

export interface OpenOptions {
  view?: View;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** Overrides the token in the URL (to test a wrong one). */
  token?: string;
  /** The page's time zone (times of day are local); UTC unless told, so that pictures are stable. */
  timezoneId?: string;
  /** Runs before the page loads: routes, init scripts. */
  beforeNavigate?: (page: Page) => Promise<unknown>;
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** console errors and uncaught exceptions seen so far (CSP violations show up here). */
  problems: string[];
  /** The views the page asked main to show (`window.show`), in order. */
  shownViews: View[];
}

export async function openPage(browser: Browser, app: AppUnderTest, options: OpenOptions = {}): Promise<OpenedPage> {
  const view = options.view ?? 'popover';
  const context = await browser.newContext({
    viewport: options.viewport ?? (view === 'popover' ? POPOVER_VIEWPORT : WINDOW_VIEWPORT),
    colorScheme: options.colorScheme ?? 'light',
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
    timezoneId: options.timezoneId ?? 'UTC',
  });
  // Generous: a loaded machine (other suites, the first build of a file) is slow; nothing here is timed.
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  const shownViews: View[] = [];
  page.on('request', (request) => {
    if (!request.url().includes('/bridge/invoke/window.show')) return;
    const body = request.postDataJSON() as { input?: { view?: View } } | null;
    if (body?.input?.view) shownViews.push(body.input.view);
  });
  await page.clock.setFixedTime(PAGE_NOW);
  await options.beforeNavigate?.(page);
  const url = new URL(app.server.url);
  if (options.token !== undefined) url.searchParams.set('token', options.token);
  url.hash = `#/${view}`;
  await page.goto(url.toString());
  return { context, page, problems, shownViews };
}

/**
 * Declares through the core (as another client would) at `minutesAgo` before PAGE_NOW, and waits
 * until the run has ended (every step done, failed or waiting for the network).
 */
export async function declareAt(
  app: AppUnderTest,
  minutesAgo: number,
  request: { title: string; severity: Severity; service?: string; description?: string },
): Promise<DeclareProgress> {
  const previous = app.clock.current;
  app.clock.current = minutesBefore(minutesAgo);
  try {
    const started = await app.core.declare(request);
    return (await app.core.runDeclare(started.id)) ?? started;
  } finally {
    app.clock.current = previous;
  }
}

/**
 * Gives an incident what a real one has after a while (links, a commander, a status), through the
 * incident store as the incident window will, then re-reads the open list as the poller does.
 */
export async function enrichIncident(
  app: AppUnderTest,
  id: string,
  fields: { slack?: string; pagerduty?: string; commander?: string; status?: IncidentStatus },
): Promise<void> {
  const store = await app.core.incidentStore();
  const links = { ...(fields.slack ? { slack: fields.slack } : {}), ...(fields.pagerduty ? { pagerduty: fields.pagerduty } : {}) };
  await store.patchIncident(
    id,
    {
      ...(Object.keys(links).length > 0 ? { links } : {}),
      ...(fields.commander ? { commander: fields.commander } : {}),
      ...(fields.status ? { status: fields.status } : {}),
    },
    { ifMatch: '*' },
  );
  await app.core.refreshIncidents();
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
  let vendors: Vendors[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    // The fakes before the cores: a core closing waits for its runs, and a call a fake holds open
    // (a 'hang' fault) ends at once when the fake goes, rather than at the call's deadline.
    await Promise.all(vendors.map((v) => v.close()));
    await Promise.all(apps.map((a) => a.close()));
    contexts = [];
    apps = [];
    vendors = [];
  });
  afterAll(async () => {
    await browser?.close();
    await removeRendererBuild();
  });
  return {
    async vendors(options?: Parameters<typeof startVendors>[0]): Promise<Vendors> {
      const started = await startVendors(options);
      vendors.push(started);
      return started;
    },
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

/** The status label each step row shows, keyed by the step's label ("Slack channel": "Done"). */
export async function stepStatuses(page: Page): Promise<Record<string, string>> {
  const rows = await page.locator('.step').evaluateAll((items) =>
    items.map((item) => [item.querySelector('.step-name')?.textContent ?? '', item.querySelector('.step-status')?.textContent ?? '']),
  );
  return Object.fromEntries(rows);
}

/** The row of one declare step in the declare window. */
export const stepRow = (page: Page, step: DeclareProgress['steps'][number]['step']) => page.locator(`.step[data-step="${step}"]`);

/** Waits until the step's row shows `label` ("Done", "Failed", "Waiting for network", "Running"…). */
export async function waitForStep(page: Page, step: DeclareProgress['steps'][number]['step'], label: string): Promise<void> {
  await stepRow(page, step).locator('.step-status', { hasText: new RegExp(`^${label}$`) }).waitFor();
}
