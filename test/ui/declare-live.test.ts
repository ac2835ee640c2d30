// The declare window live, with Slack and PagerDuty set up (the spec-validating fakes on 127.0.0.1):
// the reserved name at once, then each step as main reports it, links opened through main, failures
// with what to do by hand, Retry. Every wait is on something visible; no step is timed.
import { describe, expect, it } from 'vitest';
import { DECLARER, stepRow, stepStatuses, UI_RETRY_POLICY, useUi, waitForStep } from './harness.js';

describe('declare, live', () => {
  const ui = useUi();

  it('takes every step to done with Slack and PagerDuty set up, each with its link', async () => {
    const vendors = await ui.vendors();
    const app = await ui.start({ env: vendors.env });
    const { page, problems } = await ui.open(app, { view: 'declare' });

    // Typing starts once the title has focus (on a loaded machine the page may still be settling).
    await page.waitForFunction(() => document.activeElement?.id === 'declare-title');
    await page.keyboard.type('Checkout returns 5xx');
    await page.getByRole('radio', { name: /SEV1/ }).check();
    await page.getByRole('combobox', { name: 'Affected service' }).fill('checkout-api');
    await page.getByLabel('Title').press('Enter');

    // The name first: it is reserved the moment main has the intent.
    await page.locator('.result-name', { hasText: 'inc-20261124-checkout-returns-5xx' }).waitFor();
    expect(await page.locator('.result-kicker').textContent()).toBe('Name reserved');
    await page.getByRole('heading', { name: 'Incident declared' }).waitFor();
    expect(await stepStatuses(page)).toEqual({
      'Slack channel': 'Done',
      'Headline post': 'Done',
      'Digest post': 'Done',
      PagerDuty: 'Done',
      'Incident record': 'Done',
    });
    expect(await page.getByRole('status').filter({ hasText: 'Declared.' }).isVisible()).toBe(true);
    expect(await page.locator('.step-fallback, .step-error').count()).toBe(0);

    // The links are the vendors' own, opened by main (never by the page).
    const channel = vendors.slack.channels.find((c) => c.name === 'inc-20261124-checkout-returns-5xx');
    const [paged] = vendors.pagerduty.incidents;
    expect(channel).toBeDefined();
    expect(paged?.service.id).toBe('PCHKAPI');
    await stepRow(page, 'slack.channel').getByRole('button', { name: 'Open Slack channel' }).click();
    await stepRow(page, 'pagerduty').getByRole('button', { name: 'Open PagerDuty' }).click();
    await expect.poll(() => app.openedLinks.length, { timeout: 30_000 }).toBe(2);
    expect(app.openedLinks[0]).toContain(channel?.id);
    expect(app.openedLinks[1]).toBe(paged?.html_url);
    for (const step of ['slack.headline', 'slack.digest'] as const) {
      expect(await stepRow(page, step).getByRole('button', { name: /^Open / }).count()).toBe(1);
    }

    expect(vendors.slack.violations()).toEqual([]);
    expect(vendors.pagerduty.violations()).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('shows a refused step with its error and what to do by hand, and Retry finishes it once the fault is gone', async () => {
    const vendors = await ui.vendors();
    // One refusal (HTTP 400 is not worth retrying by itself), so the next try goes through.
    vendors.slack.fail('conversations.create', { kind: 'status', status: 400 }, 1);
    const app = await ui.start({ env: vendors.env });
    const { page, problems } = await ui.open(app, { view: 'declare' });

    await page.getByLabel('Title').fill('Search is down');
    await page.getByRole('radio', { name: /SEV3/ }).check();
    await page.getByLabel('Title').press('Enter');

    await waitForStep(page, 'slack.channel', 'Failed');
    const channel = stepRow(page, 'slack.channel');
    expect(await channel.locator('.step-error').textContent()).toContain('HTTP 400');
    expect(await channel.locator('.step-fallback').textContent()).toBe(
      `Do this by hand meanwhile: Create #inc-20261124-search-is-down in Slack and invite ${DECLARER}.`,
    );
    // The posts need the channel, so main did not try them (and says so); the record went through.
    await waitForStep(page, 'hub', 'Done');
    await waitForStep(page, 'slack.headline', 'Not tried yet');
    const headline = stepRow(page, 'slack.headline');
    expect(await headline.locator('.step-error').textContent()).toMatch(/^not tried yet: it needs/);
    // One Retry, on the step that failed: the posts go when the channel does.
    expect(await headline.getByRole('button', { name: /^Retry/ }).count()).toBe(0);
    const attention = page.getByRole('status').filter({ hasText: 'did not go through' });
    await attention.waitFor();
    expect(await attention.textContent()).toContain('1 step did not go through (2 more wait for it).');
    expect(await page.getByRole('heading', { name: 'Declaring incident' }).isVisible()).toBe(true);

    await channel.getByRole('button', { name: 'Retry Slack channel' }).click();
    await page.getByRole('heading', { name: 'Incident declared' }).waitFor();
    expect(await stepStatuses(page)).toMatchObject({ 'Slack channel': 'Done', 'Headline post': 'Done', 'Digest post': 'Done' });
    // Two tries in all, and one channel: nothing was done twice.
    expect(await channel.locator('.step-attempts').textContent()).toBe('2 attempts');
    expect(vendors.slack.channels.filter((c) => c.name.startsWith('inc-20261124-search-is-down'))).toHaveLength(1);
    expect(await page.locator('.step-fallback').count()).toBe(0);
    expect(vendors.slack.violations()).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('says "Waiting for network" rather than failed when the vendor is down, and Retry finishes it', async () => {
    const vendors = await ui.vendors();
    // Slack's side fails every try of one run: the network's fault, which main would retry by itself.
    vendors.slack.fail('conversations.create', { kind: 'status', status: 503 }, UI_RETRY_POLICY.attempts);
    const app = await ui.start({ env: vendors.env });
    const { page } = await ui.open(app, { view: 'declare' });

    await page.getByLabel('Title').fill('Login loops for SSO users');
    await page.getByRole('radio', { name: /SEV3/ }).check();
    await page.getByLabel('Title').press('Enter');

    await waitForStep(page, 'slack.channel', 'Waiting for network');
    const channel = stepRow(page, 'slack.channel');
    expect(await channel.locator('.step-attempts').textContent()).toBe(`${UI_RETRY_POLICY.attempts} attempts`);
    expect(await channel.locator('.step-fallback').textContent()).toMatch(/^Do this by hand meanwhile: Create #inc-20261124-login-loops-for-sso-users/);
    // Calm, not alarming: an amber status, a grey error, no "did not go through".
    expect(await channel.locator('.step-error').getAttribute('class')).toContain('is-quiet');
    const waiting = page.getByRole('status').filter({ hasText: 'Waiting for network — will finish by itself' });
    await waiting.waitFor();
    expect(await page.getByText('did not go through').count()).toBe(0);

    await channel.getByRole('button', { name: 'Retry Slack channel' }).click();
    await page.getByRole('heading', { name: 'Incident declared' }).waitFor();
    expect(await stepStatuses(page)).toMatchObject({ 'Slack channel': 'Done', 'Digest post': 'Done' });
    expect(await page.getByText('Waiting for network').count()).toBe(0);
  });

  it('can be closed while main works on the declare; reopening shows an empty form', async () => {
    const vendors = await ui.vendors();
    // The page call hangs for as long as the test runs: the declare stays unfinished in main.
    vendors.pagerduty.fail('POST /incidents', { kind: 'hang' });
    const app = await ui.start({ env: vendors.env, httpTimeoutMs: 120_000 });
    const { page } = await ui.open(app, { view: 'declare' });

    await page.getByLabel('Title').fill('Payments failing in EU');
    await page.getByRole('radio', { name: /SEV1/ }).check();
    await page.getByRole('combobox', { name: 'Affected service' }).fill('payments-gateway');
    await page.getByLabel('Title').press('Enter');
    await waitForStep(page, 'pagerduty', 'Running');
    await page.getByRole('status').filter({ hasText: 'Declaring…' }).waitFor();
    expect(await page.locator('.footer-hint').textContent()).toBe('You can close this window.');

    await page.keyboard.press('Escape');
    // The popover counts it among the unfinished declares: main is still on it.
    await page.getByRole('status').filter({ hasText: '1 declare in progress' }).waitFor();
    expect(app.core.outbox().map((d) => d.name)).toEqual(['inc-20261124-payments-failing-in-eu']);

    await page.getByRole('button', { name: 'Declare incident…' }).click();
    await page.getByRole('heading', { name: 'Declare incident' }).waitFor();
    expect(await page.getByLabel('Title').inputValue()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('declare-title');
    expect(await page.locator('.result-name').count()).toBe(0);
  });
});
