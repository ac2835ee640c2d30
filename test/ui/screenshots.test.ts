// Screenshots of every view in light and dark, written to test/ui/__screenshots__/ (committed, and
// overwritten on each run) so that a reviewer sees what the UI looks like without running it. Each
// test first asserts what it is about to capture, so a broken view fails rather than being pictured.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  addUnfinishedDeclare,
  declareAt,
  enrichIncident,
  incidentRows,
  POPOVER_VIEWPORT,
  screenshot,
  useUi,
  WINDOW_VIEWPORT,
  type AppUnderTest,
} from './harness.js';

const SCHEMES = ['light', 'dark'] as const;

function seedIncidents(app: AppUnderTest): void {
  const checkout = declareAt(app, 94, {
    title: 'Checkout returns 5xx for EU customers',
    severity: 'SEV1',
    service: 'checkout-api',
  });
  enrichIncident(app, checkout.id, {
    slack: 'https://acme.slack.com/archives/C07INC0001',
    pagerduty: 'https://acme.pagerduty.com/incidents/Q2CHK5XX',
    commander: 'ada@acme.dev',
    status: 'identified',
  });
  const login = declareAt(app, 23, { title: 'Login latency above 2 s for SSO users', severity: 'SEV2' });
  enrichIncident(app, login.id, { slack: 'https://acme.slack.com/archives/C07INC0002', commander: 'grace@acme.dev' });
  const search = declareAt(app, 184, { title: 'Search results stale after reindex', severity: 'SEV3' });
  enrichIncident(app, search.id, { status: 'monitoring', commander: 'linus@acme.dev' });
  declareAt(app, 6, { title: 'Typo in the status page footer', severity: 'SEV5' });
  addUnfinishedDeclare(app, 'inc-20261124-cdn-edge-errors');
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

      it('popover, with incidents', async () => {
        const app = await ui.start();
        seedIncidents(app);
        const { page, problems } = await ui.open(app, { colorScheme, viewport: POPOVER_VIEWPORT });
        await page.getByText('1 declare waiting for network.').waitFor();
        expect((await incidentRows(page)).map((r) => `${r.severity} ${r.age}`)).toEqual([
          'SEV1 1h 34m',
          'SEV2 23m',
          'SEV3 3h 4m',
          'SEV5 6m',
        ]);
        await screenshot(page, `popover-list-${colorScheme}`);
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

      it('declare result', async () => {
        const app = await ui.start();
        const { page, problems } = await ui.open(app, { view: 'declare', colorScheme, viewport: WINDOW_VIEWPORT });
        await page.getByLabel('Title').fill('Checkout returns 5xx for EU customers');
        await page.getByRole('radio', { name: /SEV2/ }).check();
        await page.getByLabel('Title').press('Enter');
        await page.locator('.result-name').waitFor();
        expect(await page.locator('.result-name').textContent()).toBe('inc-20261124-checkout-returns-5xx-for-eu-customers');
        expect(await page.locator('.step').count()).toBe(5);
        await screenshot(page, `declare-result-${colorScheme}`);
        expect(problems).toEqual([]);
      });

      it('declare result, with failed steps', async () => {
        const app = await ui.start({ env: { SLACK_TOKEN: 'xoxb-screenshot', SLACK_DIGEST_CHANNEL: '#incidents' } });
        const { page } = await ui.open(app, { view: 'declare', colorScheme, viewport: WINDOW_VIEWPORT });
        await page.getByLabel('Title').fill('Search is down');
        await page.getByRole('radio', { name: /SEV3/ }).check();
        await page.getByLabel('Title').press('Enter');
        await page.locator('.step-fallback').first().waitFor();
        expect(await page.locator('.step-failed').count()).toBe(3);
        await screenshot(page, `declare-result-failed-${colorScheme}`);
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
