// The renderer's two bridges: the harness's WebSocket reconnecting after a drop, and the Electron
// preload's `window.incidentTray` taking precedence over the harness when it exists.
import type { Page, WebSocketRoute } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { declareAt, PAGE_NOW, useUi } from './harness.js';

describe('bridge', () => {
  const ui = useUi();

  it('reconnects the event socket after a drop and catches up on what it missed', async () => {
    const app = await ui.start();
    const connections: WebSocketRoute[] = [];
    let dropping = false;
    let dropped = 0;
    const { page } = await ui.open(app, {
      beforeNavigate: (p) =>
        p.routeWebSocket(/\/bridge\/events/, (ws) => {
          const server = ws.connectToServer();
          connections.push(ws);
          server.onMessage((message) => {
            if (dropping && connections.length === 1) dropped += 1;
            else ws.send(message);
          });
        }),
    });
    await page.getByRole('heading', { name: 'No open incidents. Quiet is good.' }).waitFor();
    await expect.poll(() => connections.length).toBe(1);

    // The push of this declare is lost on the way, as if the network had gone.
    dropping = true;
    await declareAt(app, 8, { title: 'Pushed while the socket was down', severity: 'SEV2' });
    // Its snapshots and step progress, however many there were.
    await expect.poll(() => dropped).toBeGreaterThan(0);
    expect(await page.getByText('Pushed while the socket was down').count()).toBe(0);

    // The connection drops; the page reconnects by itself and the harness sends the current state.
    await connections[0]?.close({ code: 4000, reason: 'network gone' });
    await page.getByText('Pushed while the socket was down').waitFor();
    expect(connections.length).toBe(2);
  });

  it('uses window.incidentTray (the Electron preload) when it exists, and not the http harness', async () => {
    const app = await ui.start();
    const harnessRequests: string[] = [];
    const { page } = await ui.open(app, {
      beforeNavigate: async (p) => {
        p.on('request', (request) => {
          if (request.url().includes('/bridge/')) harnessRequests.push(request.url());
        });
        await p.addInitScript(installFakePreload, PAGE_NOW.toISOString());
      },
    });

    await page.getByText('Served by the preload bridge').waitFor();
    expect(await page.locator('.store-badge').textContent()).toBe('Hub');
    expect(await page.locator('.incident-age').textContent()).toBe('42m');

    // In the app, showing another view is main's business (another window): this page stays put.
    await page.getByRole('button', { name: 'Declare incident…' }).click();
    await expect.poll(() => recorded(page)).toEqual([
      'snapshot.get null',
      'window.show {"view":"declare"}',
    ]);
    expect(page.url()).toMatch(/#\/popover$/);
    expect(harnessRequests).toEqual([]);
  });

  it('closes an app window on Escape instead of navigating', async () => {
    const app = await ui.start();
    const { page } = await ui.open(app, {
      view: 'declare',
      beforeNavigate: (p) => p.addInitScript(installFakePreload, PAGE_NOW.toISOString()),
    });
    await page.getByLabel('Title').waitFor();
    // App windows have a native frame: no in-page back button.
    expect(await page.getByRole('button', { name: 'Back' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    // The form also asks for the PagerDuty services on arrival (to know whether to offer a picker);
    // how often depends on StrictMode (the test build is React's development build), so apart.
    const withoutSearches = async () => (await recorded(page)).filter((call) => !call.startsWith('services.search'));
    await expect.poll(withoutSearches).toEqual(['snapshot.get null', 'window.close']);
    expect(await recorded(page)).toContain('services.search {"query":""}');
    expect(page.url()).toMatch(/#\/declare$/);
  });
});

/** What the page asked of the fake preload bridge (and window.close), in order. */
const recorded = (page: Page) => page.evaluate(() => (window as unknown as { preloadCalls: string[] }).preloadCalls);

/**
 * Runs in the page before its scripts: a stand-in for what src-main/preload exposes, answering
 * snapshot.get with one incident and recording every call.
 */
function installFakePreload(now: string): void {
  const calls: string[] = [];
  const snapshot = {
    incidents: [
      {
        id: '0193a0c0-0000-7000-8000-000000000001',
        name: 'inc-20261124-from-preload',
        title: 'Served by the preload bridge',
        severity: 'SEV1',
        status: 'investigating',
        declaredBy: 'ada@acme.dev',
        createdAt: new Date(Date.parse(now) - 42 * 60_000).toISOString(),
        updatedAt: now,
        links: {},
      },
    ],
    store: 'hub',
    configured: { slack: true, pagerduty: true, hub: true },
    pendingDeclares: 0,
    outbox: [],
    me: { email: 'ada@acme.dev' },
    generatedAt: now,
  };
  Object.assign(window, {
    preloadCalls: calls,
    close: () => calls.push('window.close'),
    incidentTray: {
      async invoke(command: string, input: unknown) {
        calls.push(`${command} ${JSON.stringify(input)}`);
        if (command === 'snapshot.get') return { ok: true, value: snapshot };
        if (command === 'services.search') return { ok: true, value: { services: [], configured: false } };
        return { ok: true, value: null };
      },
      on() {
        return () => undefined;
      },
    },
  });
}
