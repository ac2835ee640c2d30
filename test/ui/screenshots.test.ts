// Screenshots of every view in light and dark, written to test/ui/__screenshots__/ (committed, and
// overwritten on each run) so that a reviewer sees what the UI looks like without running it. Each
// test first asserts what it is about to capture, so a broken view fails rather than being pictured.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  declareAt,
  enrichIncident,
  incidentRows,
  MY_PAGERDUTY_ID,
  pageMe,
  putMeOnCall,
  POPOVER_VIEWPORT,
  screenshot,
  UI_RETRY_POLICY,
  useUi,
  stepRow,
  waitForStep,
  WINDOW_VIEWPORT,
  type AppUnderTest,
  type Vendors,
} from './harness.js';

const SCHEMES = ['light', 'dark'] as const;

/** Four open incidents, and two declares main could not finish: one refused, one waiting for the network. */
async function seedIncidents(app: AppUnderTest, vendors: Vendors): Promise<void> {
  const checkout = await declareAt(app, 94, {
    title: 'Checkout returns 5xx for EU customers',
    severity: 'SEV1',
    service: 'checkout-api',
  });
  await enrichIncident(app, checkout.id, {
    slack: 'https://acme.slack.com/archives/C07INC0001',
    pagerduty: 'https://acme.pagerduty.com/incidents/Q2CHK5XX',
    commander: 'ada@acme.dev',
    status: 'identified',
  });
  const login = await declareAt(app, 23, { title: 'Login latency above 2 s for SSO users', severity: 'SEV2', service: 'login-sso' });
  await enrichIncident(app, login.id, { slack: 'https://acme.slack.com/archives/C07INC0002', commander: 'grace@acme.dev' });
  const search = await declareAt(app, 184, { title: 'Search results stale after reindex', severity: 'SEV3' });
  await enrichIncident(app, search.id, { status: 'monitoring', commander: 'linus@acme.dev' });
  await declareAt(app, 6, { title: 'Typo in the status page footer', severity: 'SEV5' });
  vendors.slack.fail('conversations.create', { kind: 'status', status: 503 }, UI_RETRY_POLICY.attempts);
  await declareAt(app, 3, { title: 'CDN edge errors in Frankfurt and Amsterdam', severity: 'SEV3' });
  vendors.slack.fail('conversations.create', { kind: 'status', status: 400 }, 1);
  await declareAt(app, 1, { title: 'Payments webhook retries piling up', severity: 'SEV4' });
}

/** Fills the declare form, picks a service by typing and the keyboard, and declares with Enter. */
async function declareThroughForm(page: Page, fields: { title: string; severity: string; service?: string }): Promise<void> {
  await page.getByLabel('Title').fill(fields.title);
  await page.getByRole('radio', { name: new RegExp(fields.severity) }).check();
  if (fields.service) await page.getByRole('combobox', { name: 'Affected service' }).fill(fields.service);
  await page.getByLabel('Title').press('Enter');
  await page.locator('.result-name').waitFor();
}

/** Grows the window to the settings' full height so one picture shows every section. */
async function fitWindowToContent(page: Page): Promise<void> {
  const height = await page.evaluate(() => {
    const body = document.querySelector('.window-body');
    const header = document.querySelector('.view-header');
    const footer = document.querySelector('.window-footer');
    return (body?.scrollHeight ?? 0) + (header?.getBoundingClientRect().height ?? 0) + (footer?.getBoundingClientRect().height ?? 0);
  });
  await page.setViewportSize({ width: WINDOW_VIEWPORT.width, height: Math.ceil(height) });
}

describe('screenshots', () => {
  const ui = useUi();

  for (const colorScheme of SCHEMES) {
    describe(colorScheme, () => {
      it('popover, empty', async () => {
        const app = await ui.start();
        const { page, problems } = await ui.open(app, { colorScheme, viewport: POPOVER_VIEWPORT });
        await page.getByRole('heading', { name: 'No open incidents. Quiet is good.' }).waitFor();
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
        await screenshot(page, `popover-empty-${colorScheme}`);
        expect(problems).toEqual([]);
      });

      it('popover, with incidents and the outbox line', async () => {
        const vendors = await ui.vendors();
        const app = await ui.start({ env: vendors.env });
        await seedIncidents(app, vendors);
        const { page, problems } = await ui.open(app, { colorScheme, viewport: POPOVER_VIEWPORT });
        await page.locator('.outbox-text', { hasText: '1 declare needs attention · 1 waiting for network' }).waitFor();
        // The two unfinished declares have their records already (the hub step went through).
        expect((await incidentRows(page)).map((r) => `${r.severity} ${r.age}`)).toEqual([
          'SEV1 1h 34m',
          'SEV2 23m',
          'SEV3 3h 4m',
          'SEV3 3m',
          'SEV4 1m',
          'SEV5 6m',
        ]);
        await screenshot(page, `popover-list-${colorScheme}`);

        await page.getByRole('button', { name: 'Show unfinished declares' }).click();
        await page.locator('.outbox-entry').nth(1).waitFor();
        expect(await page.locator('.outbox-entry-name').allTextContents()).toEqual([
          'inc-20261124-cdn-edge-errors-in-frankfurt-and-amsterdam',
          'inc-20261124-payments-webhook-retries-piling-up',
        ]);
        await screenshot(page, `popover-outbox-${colorScheme}`);
        expect(problems).toEqual([]);
      });

      it('popover, paged and on call', async () => {
        const vendors = await ui.vendors();
        // A long title (two lines at most), and a page I acknowledged in PagerDuty earlier.
        pageMe(vendors, { title: 'Checkout API error rate above 5% in eu-west-1 since the 14:05 deploy of payments-gateway v2.31.0', serviceId: 'PCHKAPI', minutesAgo: 4 });
        const acked = pageMe(vendors, { title: 'Search indexer lagging 40 minutes behind', serviceId: 'PSEARCH', minutesAgo: 52, urgency: 'low' });
        vendors.pagerduty.setIncidentStatus(acked.id, 'acknowledged', MY_PAGERDUTY_ID);
        putMeOnCall(vendors, { fromMinutes: -150, toMinutes: 210 });
        const app = await ui.start({ env: vendors.env, watch: true });
        const incident = await declareAt(app, 18, { title: 'Checkout returns 5xx for EU customers', severity: 'SEV3', service: 'checkout-api' });
        await enrichIncident(app, incident.id, {
          slack: 'https://acme.slack.com/archives/C07INC0001',
          pagerduty: 'https://acme.pagerduty.com/incidents/Q2CHK5XX',
          commander: 'ada@acme.dev',
          status: 'identified',
        });
        const { page, problems } = await ui.open(app, { colorScheme, viewport: POPOVER_VIEWPORT });
        await page.locator('.page-row').nth(1).waitFor();
        await page.locator('.on-call', { hasText: 'On call until 18:00' }).waitFor();
        expect(await page.locator('.page-badge').allTextContents()).toEqual(['Triggered', 'Acked']);
        expect((await incidentRows(page)).map((r) => `${r.severity} ${r.age}`)).toEqual(['SEV3 18m']);
        // Everything fits: the pages do not push the incident out of the popover.
        expect(await page.locator('.incident-row').isVisible()).toBe(true);
        await screenshot(page, `popover-paged-${colorScheme}`);
        expect(problems).toEqual([]);
      });

      it('popover, a refused PagerDuty key', async () => {
        const vendors = await ui.vendors();
        vendors.pagerduty.revokeToken();
        const app = await ui.start({ env: vendors.env, watch: true });
        await declareAt(app, 7, { title: 'Login latency above 2 s for SSO users', severity: 'SEV3', service: 'login-sso' });
        const { page, problems } = await ui.open(app, { colorScheme, viewport: POPOVER_VIEWPORT });
        await page.locator('.problems-list li').waitFor();
        await page.locator('.incident-row').waitFor();
        expect(await page.getByRole('button', { name: 'Open Settings' }).isVisible()).toBe(true);
        await screenshot(page, `popover-attention-${colorScheme}`);
        expect(problems).toEqual([]);
      });

      it('declare form', async () => {
        const app = await ui.start();
        const { page, problems } = await ui.open(app, { view: 'declare', colorScheme, viewport: WINDOW_VIEWPORT });
        await page.getByLabel('Title').fill('Checkout returns 5xx for EU customers');
        await page.getByRole('radio', { name: /SEV2/ }).check();
        await page.getByLabel('Affected service').fill('checkout-api');
        await page.getByLabel('Description').fill('Since 14:10 UTC about 30% of EU checkouts fail with 503.');
        expect(await page.locator('.severity-option.is-selected').textContent()).toContain('SEV2');
        await page.getByLabel('Title').focus();
        await screenshot(page, `declare-form-${colorScheme}`);
        expect(problems).toEqual([]);
      });

      it('declare form, with errors', async () => {
        const app = await ui.start();
        const { page } = await ui.open(app, { view: 'declare', colorScheme, viewport: WINDOW_VIEWPORT });
        await page.getByLabel('Title').fill('x'.repeat(205));
        await page.getByRole('button', { name: 'Declare', exact: true }).click();
        await page.getByText('Choose a severity.').waitFor();
        expect(await page.getByText('Title must be at most 200 characters.').isVisible()).toBe(true);
        await screenshot(page, `declare-errors-${colorScheme}`);
      });

      it('service picker, open', async () => {
        const vendors = await ui.vendors();
        const app = await ui.start({ env: vendors.env });
        const { page, problems } = await ui.open(app, { view: 'declare', colorScheme, viewport: WINDOW_VIEWPORT });
        await page.getByLabel('Title').fill('Checkout returns 5xx for EU customers');
        await page.getByRole('radio', { name: /SEV2/ }).check();
        await page.getByRole('combobox', { name: 'Affected service' }).focus();
        await page.keyboard.type('check');
        await page.locator('.combobox-option-name', { hasText: 'checkout-web' }).waitFor();
        await page.keyboard.press('ArrowDown');
        expect(await page.getByRole('option', { selected: true }).textContent()).toBe('checkout-api');
        await screenshot(page, `service-picker-${colorScheme}`);

        // PagerDuty is down when the cached list is due a refresh: the picker says so and keeps it.
        await page.keyboard.press('Escape');
        app.clock.current = new Date(app.clock.current.getTime() + 60 * 60_000);
        vendors.pagerduty.fail('GET /services', { kind: 'status', status: 503 }, 20);
        await page.getByRole('combobox', { name: 'Affected service' }).fill('');
        await page.getByText("Couldn't reach PagerDuty, showing cached list.").waitFor();
        await page.locator('.combobox-option').nth(4).waitFor();
        await screenshot(page, `service-picker-cached-${colorScheme}`);
        expect(problems).toEqual([]);
      });

      it('declare in progress', async () => {
        const vendors = await ui.vendors();
        // The page call hangs: PagerDuty stays "Running" for as long as the picture takes.
        vendors.pagerduty.fail('POST /incidents', { kind: 'hang' });
        const app = await ui.start({ env: vendors.env, httpTimeoutMs: 120_000 });
        const { page, problems } = await ui.open(app, { view: 'declare', colorScheme, viewport: WINDOW_VIEWPORT });
        await declareThroughForm(page, { title: 'Checkout returns 5xx for EU customers', severity: 'SEV1', service: 'checkout-api' });
        await waitForStep(page, 'pagerduty', 'Running');
        await waitForStep(page, 'slack.digest', 'Done');
        await waitForStep(page, 'hub', 'Done');
        expect(await page.getByRole('heading', { name: 'Declaring incident' }).isVisible()).toBe(true);
        await screenshot(page, `declare-in-progress-${colorScheme}`);
        expect(problems).toEqual([]);
      });

      it('declare done', async () => {
        const vendors = await ui.vendors();
        const app = await ui.start({ env: vendors.env });
        const { page, problems } = await ui.open(app, { view: 'declare', colorScheme, viewport: WINDOW_VIEWPORT });
        await declareThroughForm(page, { title: 'Checkout returns 5xx for EU customers', severity: 'SEV1', service: 'checkout-api' });
        await page.getByRole('heading', { name: 'Incident declared' }).waitFor();
        expect(await page.locator('.result-name').textContent()).toBe('inc-20261124-checkout-returns-5xx-for-eu-customers');
        expect(await page.locator('.step-done').count()).toBe(5);
        await screenshot(page, `declare-done-${colorScheme}`);
        expect(problems).toEqual([]);
      });

      it('declare with a failed step and Retry', async () => {
        const vendors = await ui.vendors();
        // The channel is refused once (needs attention); PagerDuty is down for the whole run (waiting).
        vendors.slack.fail('conversations.create', { kind: 'status', status: 400 }, 1);
        vendors.pagerduty.fail('POST /incidents', { kind: 'status', status: 503 }, UI_RETRY_POLICY.attempts);
        const app = await ui.start({ env: vendors.env });
        const { page, problems } = await ui.open(app, { view: 'declare', colorScheme, viewport: WINDOW_VIEWPORT });
        await declareThroughForm(page, { title: 'Search is down', severity: 'SEV2', service: 'search' });
        await waitForStep(page, 'slack.channel', 'Failed');
        await waitForStep(page, 'pagerduty', 'Waiting for network');
        await waitForStep(page, 'hub', 'Done');
        // Retry on the two steps that failed; the posts that need the channel were not tried.
        expect(await page.getByRole('button', { name: /^Retry / }).count()).toBe(2);
        await screenshot(page, `declare-failed-${colorScheme}`);
        // Every step is reachable: the body scrolls to the last one rather than the list being cut.
        await stepRow(page, 'hub').scrollIntoViewIfNeeded();
        expect(await stepRow(page, 'hub').isVisible()).toBe(true);
        expect(await page.evaluate(() => document.querySelector('.window-body')?.scrollTop ?? 0)).toBeGreaterThan(0);
        await fitWindowToContent(page);
        await screenshot(page, `declare-failed-full-${colorScheme}`);
        expect(problems).toEqual([]);
      });

      it('settings', async () => {
        const app = await ui.start({ env: { SLACK_API_URL: 'http://127.0.0.1:9/api/' } });
        app.core.settings.save({
          settings: { ...app.core.settings.stored(), user: { email: 'ada@acme.dev', displayName: 'Ada Lovelace' } },
          secrets: { pagerdutyToken: 'pd-screenshot-token' },
        });
        const { page, problems } = await ui.open(app, { view: 'settings', colorScheme, viewport: WINDOW_VIEWPORT });
        await page.getByRole('button', { name: 'Test Slack connection' }).click();
        await page.getByText('No Slack token set.').waitFor();
        expect(await page.locator('[data-secret-status="pagerdutyToken"]').textContent()).toBe('set');
        expect(await page.locator('.env-note').count()).toBe(1);
        await screenshot(page, `settings-top-${colorScheme}`);
        await fitWindowToContent(page);
        await screenshot(page, `settings-${colorScheme}`);
        expect(problems).toEqual([]);
      });

      it('not authorised', async () => {
        const app = await ui.start();
        const { page } = await ui.open(app, { colorScheme, viewport: POPOVER_VIEWPORT, token: 'wrong' });
        await page.getByRole('heading', { name: 'Not authorised' }).waitFor();
        await screenshot(page, `not-authorised-${colorScheme}`);
      });
    });
  }
});
