// What the watchers put in the popover (issue #6), against the real core in background mode and the
// spec-validating PagerDuty fake: my pages with Acknowledge / Resolve, the on-call line, a refused
// key with its fix, and what the quiet setting held back. Every wait is on something visible.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DECLARER,
  MY_PAGERDUTY_ID,
  pageMe,
  putMeOnCall,
  TEAMMATE_PAGERDUTY_ID,
  useUi,
  type AppUnderTest,
} from './harness.js';

const pageRow = (page: Page, title: string) => page.locator('.page-row', { hasText: title });
const badge = (row: Locator) => row.locator('.page-badge');

/** The watchers have asked PagerDuty who I am: the baseline is taken, what comes next is news. */
async function watching(app: AppUnderTest): Promise<void> {
  await expect.poll(() => app.core.snapshot().watch?.onCall !== undefined).toBe(true);
}

describe('pages and on call in the popover', () => {
  const ui = useUi();

  it('shows a page assigned to me; Acknowledge acknowledges it at PagerDuty, Resolve removes the row', async () => {
    const vendors = await ui.vendors();
    const app = await ui.start({ env: vendors.env, watch: true });
    const { page, problems } = await ui.open(app);
    await page.getByRole('heading', { name: 'No open incidents. Quiet is good.' }).waitFor();
    await watching(app);
    expect(await page.locator('.paged').count()).toBe(0);

    const incident = pageMe(vendors, { title: 'Checkout API error rate above 5%', serviceId: 'PCHKAPI', minutesAgo: 4 });
    const row = pageRow(page, 'Checkout API error rate above 5%');
    await row.waitFor();
    expect(await page.getByRole('heading', { name: /^Paged/ }).textContent()).toBe('Paged1');
    expect(await badge(row).textContent()).toBe('Triggered');
    expect(await row.locator('.page-service').textContent()).toBe('checkout-api');
    expect(await row.locator('.page-age').textContent()).toBe('4m');
    expect(await row.getByRole('button').allTextContents()).toEqual(['Acknowledge', 'Resolve', 'Open in PagerDuty']);
    // Being paged is told natively once, whatever the quiet setting.
    await expect.poll(() => app.notifications.filter((n) => n.kind === 'paged').map((n) => n.title)).toEqual(['Paged: Checkout API error rate above 5%']);

    await row.getByRole('button', { name: 'Acknowledge' }).click();
    await badge(row).filter({ hasText: /^Acked$/ }).waitFor();
    const atPagerDuty = vendors.pagerduty.incidents.find((i) => i.id === incident.id);
    expect(atPagerDuty?.status).toBe('acknowledged');
    expect(atPagerDuty?.acknowledgements.map((a) => a.acknowledger.id)).toEqual([MY_PAGERDUTY_ID]);
    expect(await row.getByRole('button').allTextContents()).toEqual(['Resolve', 'Open in PagerDuty']);

    await row.getByRole('button', { name: /^Open .* in PagerDuty$/ }).click();
    await expect.poll(() => app.openedLinks).toEqual([incident.html_url]);

    await row.getByRole('button', { name: 'Resolve' }).click();
    await row.waitFor({ state: 'detached' });
    expect(vendors.pagerduty.incidents.find((i) => i.id === incident.id)?.status).toBe('resolved');
    expect(await page.locator('.paged').count()).toBe(0);
    expect(await page.locator('.page-error').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('keeps the buttons disabled while the call runs, and shows a refusal next to the row', async () => {
    const vendors = await ui.vendors();
    pageMe(vendors, { title: 'Search indexer stuck', serviceId: 'PSEARCH', minutesAgo: 12 });
    const app = await ui.start({ env: vendors.env, watch: true, httpTimeoutMs: 1_500 });
    const { page } = await ui.open(app);
    const row = pageRow(page, 'Search indexer stuck');
    await row.waitFor();

    // PagerDuty does not answer the acknowledge: both buttons wait, the one pressed says so. They
    // are aria-disabled (a disabled button would drop the keyboard focus) and a press does nothing.
    vendors.pagerduty.fail('PUT /incidents/{id}', { kind: 'hang' });
    await row.getByRole('button', { name: 'Acknowledge' }).click();
    const busy = row.getByRole('button', { name: 'Acknowledging…' });
    await busy.waitFor();
    expect(await busy.isDisabled()).toBe(true);
    expect(await row.getByRole('button', { name: 'Resolve' }).isDisabled()).toBe(true);
    // Pressed anyway (force: past Playwright's own wait for an enabled button).
    await row.getByRole('button', { name: 'Resolve' }).click({ force: true });
    await busy.click({ force: true });
    const puts = () => vendors.pagerduty.calls.filter((c) => c.operation === 'PUT /incidents/{id}').length;
    await expect.poll(puts).toBe(1);

    // The call's deadline passes: the reason shows in the row, the buttons are back.
    const error = row.getByRole('alert');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/^PagerDuty could not acknowledge .*did not answer within 1500 ms$/);
    // The presses made while it waited did nothing (no second PUT, no resolve).
    expect(puts()).toBe(1);
    expect(await badge(row).textContent()).toBe('Triggered');
    expect(await row.getByRole('button', { name: 'Acknowledge' }).isEnabled()).toBe(true);

    // A refusal (PagerDuty answers 400 to the resolve) says what PagerDuty said.
    vendors.pagerduty.fail('PUT /incidents/{id}', { kind: 'status', status: 400 });
    await row.getByRole('button', { name: 'Resolve' }).click();
    await row.getByRole('alert').filter({ hasText: /could not resolve .*HTTP 400/ }).waitFor();

    // Trying again clears the message and goes through.
    await row.getByRole('button', { name: 'Acknowledge' }).click();
    await badge(row).filter({ hasText: /^Acked$/ }).waitFor();
    expect(await row.getByRole('alert').count()).toBe(0);
  });

  it('reaches every control of a page with Tab, with a visible ring, and keeps the focus in the row after Acknowledge', async () => {
    const vendors = await ui.vendors();
    pageMe(vendors, { title: 'Login SSO callback failing', serviceId: 'PLOGIN', minutesAgo: 2 });
    const app = await ui.start({ env: vendors.env, watch: true });
    const { page } = await ui.open(app);
    const row = pageRow(page, 'Login SSO callback failing');
    await row.waitFor();

    const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');
    const seen: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      await page.keyboard.press('Tab');
      seen.push(await focusedName());
    }
    expect(seen).toEqual([
      'Settings',
      'Acknowledge Login SSO callback failing',
      'Resolve Login SSO callback failing',
      'Open Login SSO callback failing in PagerDuty',
      'Declare incident…',
    ]);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedName()).toBe('Acknowledge Login SSO callback failing');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement as Element).boxShadow)).not.toBe('none');

    await page.keyboard.press('Enter');
    await badge(row).filter({ hasText: /^Acked$/ }).waitFor();
    // The button pressed is gone; the focus went to the row's next control, not to the page's top.
    expect(await focusedName()).toBe('Resolve Login SSO callback failing');
    expect(vendors.pagerduty.incidents[0]?.status).toBe('acknowledged');
  });

  it('says "On call until …" in local time during a shift', async () => {
    const vendors = await ui.vendors();
    // 12:30 to 18:00 UTC; the page is in Berlin (UTC+1 in November).
    putMeOnCall(vendors, { fromMinutes: -120, toMinutes: 210 });
    const app = await ui.start({ env: vendors.env, watch: true });
    const { page, problems } = await ui.open(app, { timezoneId: 'Europe/Berlin' });
    await page.locator('.on-call').waitFor();
    expect(await page.locator('.on-call').textContent()).toBe('On call until 19:00');
    expect(await page.locator('.on-call').getAttribute('class')).toContain('is-now');
    expect(await page.locator('.held-while-quiet').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('says "Next on call Wed 09:00" for a shift to come, and nothing where PagerDuty is not set up', async () => {
    const vendors = await ui.vendors();
    // Tomorrow (a Wednesday) 09:00 to 17:00 UTC.
    putMeOnCall(vendors, { fromMinutes: 18 * 60 + 30, toMinutes: 26 * 60 + 30 });
    const app = await ui.start({ env: vendors.env, watch: true });
    const { page } = await ui.open(app);
    await page.locator('.on-call').waitFor();
    expect(await page.locator('.on-call').textContent()).toBe('Next on call Wed 09:00');
    expect(await page.locator('.on-call').getAttribute('class')).not.toContain('is-now');

    const bare = await ui.start({ watch: true });
    const { page: barePage } = await ui.open(bare);
    await barePage.getByRole('heading', { name: 'No open incidents. Quiet is good.' }).waitFor();
    expect(bare.core.snapshot().watch?.onCall).toBeUndefined();
    expect(await barePage.locator('.watch-status').count()).toBe(0);
    expect(await barePage.locator('.paged, .problems').count()).toBe(0);
  });

  it('names a revoked PagerDuty key and its fix, once, and "Open Settings" opens settings', async () => {
    const vendors = await ui.vendors();
    vendors.pagerduty.revokeToken();
    const app = await ui.start({ env: vendors.env, watch: true });
    const { page, problems, shownViews } = await ui.open(app);
    const banner = page.getByRole('alert').filter({ has: page.locator('.problems-list') });
    await banner.waitFor();
    const lines = await banner.locator('.problems-list li').allTextContents();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^PagerDuty refused the API key \(HTTP 401.*\): update the PagerDuty API key in Settings$/);
    // Not a storm: however many polls have failed, one notification says it.
    expect(app.notifications.filter((n) => n.kind === 'token-failed')).toHaveLength(1);

    await banner.getByRole('button', { name: 'Open Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(shownViews).toEqual(['settings']);
    expect(page.url()).toMatch(/#\/settings$/);
    expect(problems).toEqual([]);
  });

  it('says how many updates the quiet setting held back', async () => {
    const vendors = await ui.vendors();
    const incident = pageMe(vendors, { title: 'Payments gateway timeouts', serviceId: 'PPAYGW', minutesAgo: 30 });
    const app = await ui.start({ env: vendors.env, watch: true });
    app.core.settings.save({ settings: { ...app.core.settings.stored(), user: { email: DECLARER }, notifications: { quiet: true } } });
    app.core.refresh();
    const { page } = await ui.open(app);
    const row = pageRow(page, 'Payments gateway timeouts');
    await row.waitFor();

    // A teammate resolves my page in PagerDuty: news, but not urgent, so it waits while quiet.
    vendors.pagerduty.setIncidentStatus(incident.id, 'resolved', TEAMMATE_PAGERDUTY_ID);
    await row.waitFor({ state: 'detached' });
    await page.locator('.held-while-quiet').filter({ hasText: /^1 update held while quiet$/ }).waitFor();
    expect(app.notifications.filter((n) => n.kind === 'page-changed')).toEqual([]);
  });
});
