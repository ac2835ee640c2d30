// Fault test of issue #6: 1,000 incidents arriving at once. A real hub (src-hub, SQLite on a temp
// file), the app's core watching it over SSE as `HUB_TOKEN` (me), a teammate declaring 1,000 SEV1–SEV3
// incidents as fast as the hub takes them, and the popover in Chromium. Checked: the notifications
// are grouped (a few at once, the rest summarised, every one counted once), nothing is lost (core and
// popover end with all 1,000), and the popover answers a person while the burst is still arriving.
// How long the page's main thread and the core's event loop were blocked is printed, not asserted
// (DESIGN.md §6: timed thresholds belong in bench/).
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { assert, describe, expect, it } from 'vitest';
import type { Incident, Severity } from '../../src-shared/domain.js';
import { createToken } from '../../src-hub/http/auth.js';
import { startHub, type RunningHub } from '../../src-hub/server.js';
import { SqliteHubRepository } from '../../src-hub/storage/sqlite/sqlite-hub-repository.js';
import { createHubClient } from '../../src-main/core/hub-client/hub-client.js';
import type { NotificationRequest } from '../../src-main/core/ports.js';
import { startRecordingProxy, type RecordingProxy } from '../support/recording-proxy.js';
import { makeTempHome } from '../support/temp-home.js';
import { DECLARER, PAGE_NOW, useUi } from './harness.js';

const TEAMMATE = 'grace@acme.dev';
const BURST = 1_000;
const BATCH = 50;
const SEVERITIES_IN_BURST: readonly Severity[] = ['SEV1', 'SEV2', 'SEV3'];
/**
 * The notification center's defaults (notification-center.ts): in each window of GROUP_WINDOW_MS the
 * first GROUP_ABOVE are shown at once, the rest is gathered and shown when the window ends — as one
 * summary when more than GROUP_ABOVE, singly otherwise. A window thus tells at most 2 × GROUP_ABOVE.
 */
const GROUP_ABOVE = 3;
const GROUP_WINDOW_MS = 1_000;

const title = (i: number) => `Burst incident ${String(i).padStart(4, '0')}`;
const severityOf = (i: number): Severity => SEVERITIES_IN_BURST[i % SEVERITIES_IN_BURST.length] ?? 'SEV1';

/** Sorted as the popover sorts (sort-incidents.ts): most severe first, oldest first, then by name. */
const popoverOrder = (incidents: readonly Incident[]) =>
  [...incidents].sort(
    (a, b) =>
      SEVERITIES_IN_BURST.indexOf(a.severity) - SEVERITIES_IN_BURST.indexOf(b.severity) ||
      Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
      a.name.localeCompare(b.name),
  );

/** What main pushed to the page over the bridge's WebSocket (snapshot pushes). */
interface Pushes {
  frames: number;
  bytes: number;
}

interface PageTimings {
  longTasks: { start: number; duration: number }[];
  /** Event Timing entries of the person's input: from the input to the next paint after handling it. */
  events: { name: string; duration: number; inputDelay: number }[];
}

/**
 * Collects the page's long tasks and the timing of its input events from the start (installed before
 * the page's own scripts run), and counts the frames main pushes to it.
 */
async function recordPage(page: Page, pushes: Pushes): Promise<void> {
  page.on('websocket', (socket) =>
    socket.on('framereceived', (frame) => {
      pushes.frames += 1;
      pushes.bytes += frame.payload.length;
    }),
  );
  await page.addInitScript(() => {
    const timings: PageTimings = { longTasks: [], events: [] };
    (window as unknown as { timings: PageTimings }).timings = timings;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) timings.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceEventTiming[]) {
        timings.events.push({ name: entry.name, duration: entry.duration, inputDelay: entry.processingStart - entry.startTime });
      }
    }).observe({ type: 'event', buffered: true, durationThreshold: 16 } as PerformanceObserverInit);
  });
}
const pageTimings = (page: Page) =>
  page.evaluate(() => {
    const { longTasks, events } = (window as unknown as { timings: PageTimings }).timings;
    return { longTasks: longTasks.slice(), events: events.slice() };
  });

/** The number the "All n" chip shows (every open incident the popover has). */
async function allCount(page: Page): Promise<number> {
  const text = await page.locator('.filter-chip', { hasText: /^All/ }).locator('.filter-count').textContent();
  return Number(text);
}

/** The row the keyboard focus is in, as its index among the list's rows (-1: not in a row). */
const focusedRowIndex = (page: Page) =>
  page.evaluate(() => {
    const row = document.activeElement?.closest('[data-row-key]');
    return row ? [...document.querySelectorAll('.incident-list > [data-row-key]')].indexOf(row) : -1;
  });

describe('1,000 incidents arriving at once (issue #6)', () => {
  const ui = useUi();

  it('groups the notifications, loses none, and the popover answers while they arrive', async () => {
    const temp = makeTempHome('incident-tray-burst-');
    let hub: RunningHub | undefined;
    let appProxy: RecordingProxy | undefined;
    let burst: Promise<void> | undefined;
    const loop = monitorEventLoopDelay({ resolution: 10 });
    try {
      const dbPath = join(temp.home, 'hub.db');
      const repository = SqliteHubRepository.open(dbPath);
      // The hub's default rate limit stays (600 requests a minute per token): the burst comes from two
      // teammates' tokens, 500 each, and my app's token must not need more than a few requests for it
      // (it used to re-read the open list after every change: 1,000+ reads, 670 of them refused, and
      // the popover stuck at half the incidents).
      const tokens = {
        me: await createToken(repository, DECLARER, new Date()),
        teammates: [await createToken(repository, TEAMMATE, new Date()), await createToken(repository, 'linus@acme.dev', new Date())],
      };
      await repository.close();
      // Incidents are stamped from five minutes before the page's fixed "now" on a clock that runs, so
      // that ages read sensibly and the order of creation is the order of `createdAt`.
      const offset = Date.now() - (PAGE_NOW.getTime() - 5 * 60_000);
      hub = await startHub({
        dbPath,
        host: '127.0.0.1',
        port: 0,
        now: () => new Date(Date.now() - offset),
      });

      // My app reaches the hub through a proxy that counts its requests.
      appProxy = await startRecordingProxy(hub.url);
      const app = await ui.start({ env: { HUB_URL: appProxy.url, HUB_TOKEN: tokens.me }, watch: true });
      const pushes: Pushes = { frames: 0, bytes: 0 };
      const { page, problems } = await ui.open(app, { beforeNavigate: (p) => recordPage(p, pushes) });
      await page.getByRole('heading', { name: 'No open incidents. Quiet is good.' }).waitFor();
      const before = await pageTimings(page);
      const pushesBefore = { ...pushes };

      // The teammate declares 1,000 incidents, 50 at a time in parallel, batch after batch.
      const hubUrl = hub.url;
      const teammates = tokens.teammates.map((token) => createHubClient({ baseUrl: hubUrl, token, timeoutMs: 30_000 }));
      const declareAs = (i: number) => teammates[i % teammates.length] ?? teammates[0] ?? assert.fail('no teammate');
      const appCallsBefore = appProxy.calls.length;
      const created: Incident[] = [];
      let burstEnded = 0;
      loop.enable();
      const burstStarted = performance.now();
      burst = (async () => {
        for (let from = 0; from < BURST; from += BATCH) {
          const batch = await Promise.all(
            Array.from({ length: BATCH }, (_, k) => from + k).map((i) =>
              declareAs(i).createIncident({ title: title(i), severity: severityOf(i) }, { idempotencyKey: `burst-${i}` }).then((r) => r.incident),
            ),
          );
          created.push(...batch);
        }
        burstEnded = performance.now();
      })();
      // Awaited below; a failure meanwhile must fail there, not as an unhandled rejection.
      burst.catch(() => undefined);

      // While they arrive, a person uses the popover: a severity filter and back, then the keyboard
      // through the rows. Each step waits for its effect to be on screen.
      const rows = page.locator('.incident-list > .incident-row');
      await rows.first().waitFor();
      const shownWhenStarting = await allCount(page);
      const createdWhenStarting = created.length;

      // How long each action took until its effect showed, as the test saw it (which includes this
      // process's own stalls: Playwright's client shares the event loop with the core and the hub).
      const steps: { name: string; ms: number }[] = [];
      const step = async (name: string, action: () => Promise<unknown>) => {
        const start = performance.now();
        await action();
        steps.push({ name, ms: performance.now() - start });
      };

      const severity = page.getByRole('combobox', { name: 'Only one severity' });
      await step('filter SEV2', async () => {
        await severity.selectOption('SEV2');
        await rows.first().locator('.sev-badge', { hasText: /^SEV2$/ }).waitFor();
      });
      expect(await severity.inputValue()).toBe('SEV2');
      expect(await page.locator('.incident-list .sev-badge', { hasText: /^SEV[13]$/ }).count()).toBe(0);
      const shownWhileFiltered = await allCount(page);

      const all = page.getByRole('button', { name: /^All \d+$/ });
      await step('back to All', async () => {
        await all.click();
        await rows.first().locator('.sev-badge', { hasText: /^SEV1$/ }).waitFor();
      });
      expect(await all.getAttribute('aria-pressed')).toBe('true');
      expect(await severity.inputValue()).toBe('');

      await rows.first().locator('[data-row-primary]').focus();
      for (const expected of [1, 2, 3]) {
        await step('↓', async () => {
          await page.keyboard.press('ArrowDown');
          await expect.poll(() => focusedRowIndex(page)).toBe(expected);
        });
      }
      await step('Home', async () => {
        await page.keyboard.press('Home');
        await expect.poll(() => focusedRowIndex(page)).toBe(0);
      });
      const shownAfterKeyboard = await allCount(page);
      const createdAfterKeyboard = created.length;
      const interactionsEnded = performance.now();

      await burst;
      // Nothing lost: the core's open list and the popover end with every one of them.
      await expect.poll(() => app.core.snapshot().incidents.length, { timeout: 30_000 }).toBe(BURST);
      const snapshotComplete = performance.now();
      expect(new Set(app.core.snapshot().incidents.map((i) => i.id))).toEqual(new Set(created.map((i) => i.id)));
      await page.getByRole('button', { name: `All ${BURST}` }).waitFor({ timeout: 30_000 });
      await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(BURST);
      const popoverComplete = performance.now();
      // Four-digit counts still leave the toolbar in one piece: the severity menu ends before Declare.
      const [menu, declare] = await Promise.all([page.locator('.filter-select-wrap').boundingBox(), page.locator('.declare-compact').boundingBox()]);
      expect((menu?.x ?? 0) + (menu?.width ?? 0)).toBeLessThanOrEqual(declare?.x ?? 0);
      const expectedOrder = popoverOrder(created);
      expect(await rows.locator('.incident-title').allTextContents()).toEqual(expectedOrder.map((i) => i.title));
      // The keyboard reaches the end of the list, which scrolls into view with the newest SEV3.
      await page.keyboard.press('End');
      await expect.poll(() => focusedRowIndex(page)).toBe(BURST - 1);
      const lastRow = rows.last();
      expect(await lastRow.locator('.incident-title').textContent()).toBe(expectedOrder.at(-1)?.title);
      const lastRowInView = await lastRow.evaluate((row) => {
        const box = row.getBoundingClientRect();
        return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
      });
      expect(lastRowInView).toBe(true);

      // Grouped: a few shown at once, the rest summarised; together they tell every declare once.
      const summaryCount = (n: NotificationRequest) => Number(/^(\d+) incident updates$/.exec(n.title)?.[1] ?? Number.NaN);
      const told = () =>
        app.notifications.filter((n) => n.kind === 'teammate-declared').length +
        app.notifications.filter((n) => n.kind === 'summary').reduce((sum, n) => sum + summaryCount(n), 0);
      await expect.poll(told, { timeout: 10_000 }).toBe(BURST);
      const allTold = performance.now();
      loop.disable();
      const notifications = [...app.notifications];
      const singles = notifications.filter((n) => n.kind === 'teammate-declared');
      const summaries = notifications.filter((n) => n.kind === 'summary');

      const seconds = (from: number, to: number) => `${((to - from) / 1000).toFixed(2)} s`;
      const ms = (ns: number) => `${(ns / 1e6).toFixed(1)} ms`;
      const after = await pageTimings(page);
      const tasks = after.longTasks.slice(before.longTasks.length);
      const events = after.events.slice(before.events.length);
      const worstOf = (list: typeof events) => list.reduce<(typeof events)[number] | undefined>((worst, e) => (!worst || e.duration > worst.duration ? e : worst), undefined);
      const slowest = worstOf(events);
      const slowestKey = worstOf(events.filter((e) => e.name === 'keydown'));
      console.log(
        [
          `burst: ${BURST} declares accepted by the hub in ${seconds(burstStarted, burstEnded)}`,
          `all ${BURST} in the core's snapshot after ${seconds(burstStarted, snapshotComplete)}, in the popover after ${seconds(burstStarted, popoverComplete)}`,
          `interactions done after ${seconds(burstStarted, interactionsEnded)}; shown in the popover / accepted by the hub: ` +
            `at the start ${shownWhenStarting}/${createdWhenStarting}, filtered ${shownWhileFiltered}, after the keyboard ${shownAfterKeyboard}/${createdAfterKeyboard}`,
          `snapshot pushes to the page: ${pushes.frames - pushesBefore.frames} frames, ${((pushes.bytes - pushesBefore.bytes) / 1e6).toFixed(1)} MB`,
          `page long tasks: ${tasks.length}, longest ${Math.max(0, ...tasks.map((t) => t.duration)).toFixed(0)} ms, total ${tasks.reduce((sum, t) => sum + t.duration, 0).toFixed(0)} ms`,
          `page input events slower than 16 ms: ${events.length}` +
            (slowest ? `; slowest ${slowest.name} ${slowest.duration.toFixed(0)} ms to the next paint (input delay ${slowest.inputDelay.toFixed(0)} ms)` : '') +
            (slowestKey ? `; slowest keydown ${slowestKey.duration.toFixed(0)} ms` : ''),
          `test-side wall time of each action until its effect showed: ${steps.map((s) => `${s.name} ${s.ms.toFixed(0)} ms`).join(', ')}`,
          `core (test process) event loop delay: p50 ${ms(loop.percentile(50))}, p99 ${ms(loop.percentile(99))}, max ${ms(loop.max)}`,
          `notifications: ${notifications.length} within ${seconds(burstStarted, allTold)}: ${singles.length} single, summaries ${summaries.map((s) => `"${s.title}"`).join(', ')}`,
        ].join('\n'),
      );

      // The person began while the burst was still arriving, not after it.
      expect(shownWhenStarting).toBeLessThan(BURST);

      expect(notifications.filter((n) => n.kind !== 'teammate-declared' && n.kind !== 'summary')).toEqual([]);
      // The first of a window are shown as they come (a teammate's declare must not wait)…
      expect(notifications.slice(0, GROUP_ABOVE).map((n) => n.kind)).toEqual(Array(GROUP_ABOVE).fill('teammate-declared'));
      // …each single one is a declare of the burst, told once, as the teammate's…
      const byId = new Map(created.map((i) => [i.id, i]));
      expect(new Set(singles.map((n) => n.incidentId)).size).toBe(singles.length);
      for (const single of singles) {
        const incident = byId.get(single.incidentId ?? '');
        expect(single).toMatchObject({ title: `${incident?.severity} declared: ${incident?.title}`, body: `${incident?.declaredBy} declared ${incident?.name}` });
      }
      // …the rest is summarised (never a summary of so few that they would be shown singly), and the
      // singles and the summaries' counts add up to the burst exactly: none lost, none twice.
      expect(summaries.length).toBeGreaterThanOrEqual(1);
      for (const summary of summaries) expect(summaryCount(summary)).toBeGreaterThan(GROUP_ABOVE);
      expect(singles.length + summaries.reduce((sum, n) => sum + summaryCount(n), 0)).toBe(BURST);
      // A handful, not a storm: no more than the rule allows in the windows the burst could span (a
      // window lasts at least GROUP_WINDOW_MS; a late timer only makes fewer of them).
      const windows = Math.ceil((allTold - burstStarted) / GROUP_WINDOW_MS) + 1;
      expect(notifications.length).toBeLessThanOrEqual(2 * GROUP_ABOVE * windows);
      expect(problems).toEqual([]);

      // My app took the burst from the event stream, incident by incident: a few reads of the open
      // list at most, none refused by the rate limit.
      const appCalls = appProxy.calls.slice(appCallsBefore);
      const listReads = appCalls.filter((c) => c.method === 'GET' && c.path === '/v1/incidents');
      console.log(`my app's requests to the hub during the burst: ${appCalls.length}, of them open-list reads: ${listReads.length}`);
      expect(appCalls.filter((c) => c.status === 429)).toEqual([]);
      expect(listReads.length).toBeLessThan(BURST / 10);
    } finally {
      loop.disable();
      await burst?.catch(() => undefined);
      await appProxy?.close();
      await hub?.close();
      temp.cleanup();
    }
  }, 120_000);
});
