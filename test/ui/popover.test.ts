// The tray popover in Chromium against the real harness: empty state, ordering, ages, live pushes,
// links. The outbox line has tests of its own (outbox.test.ts).
import { describe, expect, it } from 'vitest';
import { DECLARER, declareAt, enrichIncident, incidentRows, useUi } from './harness.js';

describe('popover', () => {
  const ui = useUi();

  it('says clearly that nothing is open and offers to declare', async () => {
    const app = await ui.start();
    const { page } = await ui.open(app);

    await page.getByRole('heading', { name: 'No open incidents. Quiet is good.' }).waitFor();
    expect(await page.locator('.store-badge').textContent()).toBe('Local store');
    expect(await page.getByRole('button', { name: 'Declare incident…' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Settings' }).isVisible()).toBe(true);
    expect(await page.locator('.incident-row').count()).toBe(0);
    expect(await page.locator('.outbox').count()).toBe(0);
  });

  it('lists incidents by severity, the oldest first within a severity, with readable ages', async () => {
    const app = await ui.start();
    await declareAt(app, 30, { title: 'Search results stale', severity: 'SEV3' });
    await declareAt(app, 5, { title: 'Payments failing in EU', severity: 'SEV1' });
    await declareAt(app, 200, { title: 'Slow admin dashboard', severity: 'SEV2' });
    await declareAt(app, 90, { title: 'Checkout returns 5xx', severity: 'SEV1' });
    await declareAt(app, 1, { title: 'Typo on status page', severity: 'SEV5' });
    await declareAt(app, 3 * 24 * 60 + 125, { title: 'Flaky nightly export', severity: 'SEV4' });

    const { page } = await ui.open(app);
    await page.locator('.incident-row').first().waitFor();

    expect(await incidentRows(page)).toEqual([
      { severity: 'SEV1', title: 'Checkout returns 5xx', age: '1h 30m', name: 'inc-20261124-checkout-returns-5xx' },
      { severity: 'SEV1', title: 'Payments failing in EU', age: '5m', name: 'inc-20261124-payments-failing-in-eu' },
      { severity: 'SEV2', title: 'Slow admin dashboard', age: '3h 20m', name: 'inc-20261124-slow-admin-dashboard' },
      { severity: 'SEV3', title: 'Search results stale', age: '30m', name: 'inc-20261124-search-results-stale' },
      { severity: 'SEV4', title: 'Flaky nightly export', age: '3d 2h', name: 'inc-20261121-flaky-nightly-export' },
      { severity: 'SEV5', title: 'Typo on status page', age: '1m', name: 'inc-20261124-typo-on-status-page' },
    ]);
    // The filter's "All" choice counts what is open.
    expect(await page.getByRole('button', { name: 'All 6' }).getAttribute('aria-pressed')).toBe('true');
    // Status and commander are on every row; whoever declares commands until someone takes over.
    const first = page.locator('.incident-row').first();
    expect(await first.locator('.incident-status').textContent()).toBe('Investigating');
    expect(await first.locator('.incident-commander').textContent()).toBe(`Commander: ${DECLARER}`);
  });

  it('updates live from the snapshot pushed over the WebSocket, without a reload', async () => {
    const app = await ui.start();
    const { page } = await ui.open(app);
    await page.getByRole('heading', { name: 'No open incidents. Quiet is good.' }).waitFor();
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });

    const declared = await declareAt(app, 12, { title: 'Login loops for SSO users', severity: 'SEV2' });
    await page.getByText('Login loops for SSO users').waitFor();
    expect(await incidentRows(page)).toEqual([
      { severity: 'SEV2', title: 'Login loops for SSO users', age: '12m', name: declared.name },
    ]);

    await enrichIncident(app, declared.id, { commander: 'ada@example.com', status: 'identified' });
    await page.getByText('Commander: ada@example.com').waitFor();
    expect(await page.locator('.incident-status').textContent()).toBe('Identified');
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  it('offers Slack and PagerDuty links only where they exist, and opens them through main', async () => {
    const app = await ui.start();
    const linked = await declareAt(app, 40, { title: 'Checkout returns 5xx', severity: 'SEV1' });
    await enrichIncident(app, linked.id, {
      slack: 'https://acme.slack.com/archives/C0INC1',
      pagerduty: 'https://acme.pagerduty.com/incidents/Q1ABC',
    });
    await declareAt(app, 10, { title: 'Queue backlog growing', severity: 'SEV3' });

    const { page } = await ui.open(app);
    const linkedRow = page.locator('.incident-row', { hasText: 'Checkout returns 5xx' });
    const plainRow = page.locator('.incident-row', { hasText: 'Queue backlog growing' });
    await linkedRow.waitFor();
    expect(await linkedRow.getByRole('button', { name: /Slack/ }).count()).toBe(1);
    expect(await linkedRow.getByRole('button', { name: /PagerDuty/ }).count()).toBe(1);
    expect(await plainRow.getByRole('button', { name: /Slack|PagerDuty/ }).count()).toBe(0);

    await linkedRow.getByRole('button', { name: /PagerDuty/ }).click();
    await linkedRow.getByRole('button', { name: /Slack/ }).click();
    await expect.poll(() => app.openedLinks).toEqual([
      'https://acme.pagerduty.com/incidents/Q1ABC',
      'https://acme.slack.com/archives/C0INC1',
    ]);
    expect(await page.locator('.link-error').count()).toBe(0);
  });

});
