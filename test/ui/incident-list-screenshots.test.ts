// Pictures of the popover's incident list (issue #7) in light and dark, written to
// test/ui/__screenshots__/: countdowns to the next status update with the active incident under the
// header, the same list once updates are overdue, and the filter hiding every open incident. Each
// test asserts what it is about to capture, so a broken view fails rather than being pictured.
import { describe, expect, it } from 'vitest';
import { DECLARER, declareAt, enrichIncident, PAGE_NOW, POPOVER_VIEWPORT, screenshot, useUi, type AppUnderTest } from './harness.js';

const SCHEMES = ['light', 'dark'] as const;

/** Five open incidents as a team has them mid-afternoon: I command the SEV1. */
async function seedTeamIncidents(app: AppUnderTest, options: { mine: boolean }): Promise<void> {
  const checkout = await declareAt(app, 12, { title: 'Checkout returns 5xx for EU customers', severity: 'SEV1', service: 'checkout-api' });
  await enrichIncident(app, checkout.id, {
    slack: 'https://acme.slack.com/archives/C07INC0001',
    pagerduty: 'https://acme.pagerduty.com/incidents/Q2CHK5XX',
    commander: options.mine ? DECLARER : 'grace@acme.dev',
    status: 'identified',
  });
  const login = await declareAt(app, 23, { title: 'Login latency above 2 s for SSO users', severity: 'SEV2', service: 'login-sso' });
  await enrichIncident(app, login.id, { slack: 'https://acme.slack.com/archives/C07INC0002', commander: 'grace@acme.dev' });
  const search = await declareAt(app, 184, { title: 'Search results stale after reindex', severity: 'SEV3' });
  await enrichIncident(app, search.id, { status: 'monitoring', commander: 'linus@acme.dev' });
  const exportJob = await declareAt(app, 9 * 24 * 60 + 125, { title: 'Nightly export to the warehouse flaky', severity: 'SEV4' });
  await enrichIncident(app, exportJob.id, { commander: 'linus@acme.dev', status: 'identified' });
  const typo = await declareAt(app, 6, { title: 'Typo in the status page footer', severity: 'SEV5' });
  await enrichIncident(app, typo.id, { commander: 'grace@acme.dev' });
}

describe('incident list screenshots', () => {
  const ui = useUi();

  for (const colorScheme of SCHEMES) {
    describe(colorScheme, () => {
      it('countdowns, then overdue', async () => {
        const app = await ui.start();
        await seedTeamIncidents(app, { mine: true });
        const { page, problems } = await ui.open(app, {
          colorScheme,
          viewport: POPOVER_VIEWPORT,
          beforeNavigate: async (p) => {
            await p.clock.install({ time: PAGE_NOW.getTime() - 1_000 });
            await p.clock.pauseAt(PAGE_NOW);
          },
        });
        await page.locator('.active-incident').waitFor();
        expect(await page.locator('.active-incident-countdown').textContent()).toBe('next update in 18:00');
        expect(await page.locator('.incident-row .countdown').allTextContents()).toEqual(['next update in 18:00', 'next update in 7:00']);
        expect(await page.locator('.stale-mark').count()).toBe(1);
        await screenshot(page, `popover-countdowns-${colorScheme}`);

        await page.clock.fastForward(18 * 60_000 + 25_000);
        await page.locator('.active-incident-countdown', { hasText: 'overdue 0:25' }).waitFor();
        expect(await page.locator('.incident-row .countdown.is-overdue').allTextContents()).toEqual(['overdue 0:25', 'overdue 11:25']);
        // Scrolled to the SEV2, so that the picture also shows the stale SEV4 further down.
        await page.locator('.incident-row').nth(1).evaluate((row) => row.scrollIntoView({ block: 'start' }));
        expect(await page.locator('.stale-mark').isVisible()).toBe(true);
        await screenshot(page, `popover-overdue-${colorScheme}`);
        expect(problems).toEqual([]);
      });

      it('the filter hides every open incident', async () => {
        const app = await ui.start();
        await seedTeamIncidents(app, { mine: false });
        const { page, problems } = await ui.open(app, { colorScheme, viewport: POPOVER_VIEWPORT });
        await page.locator('.incident-row').nth(4).waitFor();
        await page.getByRole('button', { name: /^Mine/ }).click();
        await page.getByRole('heading', { name: 'Nothing open is yours' }).waitFor();
        expect(await page.getByText('The “Mine” filter hides 5 open incidents that you do not command.').isVisible()).toBe(true);
        expect(await page.getByRole('button', { name: 'Show all 5' }).isVisible()).toBe(true);
        await screenshot(page, `popover-filtered-empty-${colorScheme}`);
        expect(problems).toEqual([]);
      });
    });
  }
});
