// The popover's outbox line against the real core and the Slack fake: declares main has not finished
// are summed up in one line ("2 declares waiting for network", "1 declare needs attention"), which
// opens to the list of them with what is stuck and a Retry that finishes them.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { declareAt, incidentRows, UI_RETRY_POLICY, useUi } from './harness.js';

const outboxLine = (page: Page) => page.locator('.outbox-text');

describe('outbox line', () => {
  const ui = useUi();

  it('says "1 declare needs attention" for a refused step, lists what failed, and Retry finishes it', async () => {
    const vendors = await ui.vendors();
    vendors.slack.fail('conversations.create', { kind: 'status', status: 400 }, 1);
    const app = await ui.start({ env: vendors.env });
    const { page, problems } = await ui.open(app);
    await page.getByRole('heading', { name: 'No open incidents. Quiet is good.' }).waitFor();
    expect(await page.locator('.outbox').count()).toBe(0);

    const declared = await declareAt(app, 2, { title: 'CDN edge errors', severity: 'SEV3' });
    await outboxLine(page).filter({ hasText: '1 declare needs attention' }).waitFor();
    expect(await outboxLine(page).getAttribute('role')).toBe('status');

    // Collapsed until asked: the popover is small and the list is for whoever wants to act.
    const toggle = page.getByRole('button', { name: 'Show unfinished declares' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('.outbox-entry').isVisible()).toBe(false);
    await toggle.click();
    expect(await page.getByRole('button', { name: 'Hide unfinished declares' }).getAttribute('aria-expanded')).toBe('true');
    const entry = page.locator('.outbox-entry', { hasText: declared.name });
    expect(await entry.locator('.outbox-entry-name').textContent()).toBe('inc-20261124-cdn-edge-errors');
    const failing = await entry.locator('.outbox-entry-steps li').allTextContents();
    expect(failing).toHaveLength(2);
    expect(failing[0]).toMatch(/^Slack channel failed: .*HTTP 400/);
    expect(failing[1]).toBe('Headline post and Digest post: not tried yet');

    await entry.getByRole('button', { name: `Retry ${declared.name}` }).click();
    await page.locator('.outbox').waitFor({ state: 'detached' });
    expect(app.core.outbox()).toEqual([]);
    await page.locator('.incident-row').first().waitFor();
    expect((await incidentRows(page)).map((r) => r.name)).toEqual([declared.name]);
    expect(problems).toEqual([]);
  });

  it('says "2 declares waiting for network", sums up a mix, and Retry from the list finishes each', async () => {
    const vendors = await ui.vendors();
    const app = await ui.start({ env: vendors.env });
    const { page } = await ui.open(app);
    await page.getByRole('heading', { name: 'No open incidents. Quiet is good.' }).waitFor();

    // Slack's side fails every try of two runs (SEV3 and SEV4 page nobody, so Slack is all there is).
    vendors.slack.fail('conversations.create', { kind: 'status', status: 503 }, UI_RETRY_POLICY.attempts * 2);
    const first = await declareAt(app, 9, { title: 'Login loops for SSO users', severity: 'SEV4' });
    const second = await declareAt(app, 4, { title: 'Queue backlog growing', severity: 'SEV3' });
    await outboxLine(page).filter({ hasText: /^2 declares waiting for network$/ }).waitFor();
    // Calm colours for the network's trouble: the line is not an error.
    expect(await page.locator('.outbox').getAttribute('class')).toContain('outbox-network');

    vendors.slack.fail('conversations.create', { kind: 'status', status: 400 }, 1);
    const refused = await declareAt(app, 1, { title: 'Search is down', severity: 'SEV3' });
    await outboxLine(page).filter({ hasText: '1 declare needs attention · 2 waiting for network' }).waitFor();

    await page.getByRole('button', { name: 'Show unfinished declares' }).click();
    // Oldest first, as main keeps them.
    expect(await page.locator('.outbox-entry-name').allTextContents()).toEqual([first.name, second.name, refused.name]);
    expect(await page.locator('.outbox-entry', { hasText: first.name }).locator('.outbox-entry-steps li').first().textContent()).toBe(
      'Slack channel: waiting for network',
    );

    await page.getByRole('button', { name: `Retry ${refused.name}` }).click();
    await outboxLine(page).filter({ hasText: /^2 declares waiting for network$/ }).waitFor();
    await page.getByRole('button', { name: `Retry ${first.name}` }).click();
    await outboxLine(page).filter({ hasText: /^1 declare waiting for network$/ }).waitFor();
    await page.getByRole('button', { name: `Retry ${second.name}` }).click();
    await page.locator('.outbox').waitFor({ state: 'detached' });
    expect(await page.locator('.incident-row').count()).toBe(3);
    expect(vendors.slack.channels.filter((c) => c.name.startsWith('inc-'))).toHaveLength(3);
  });
});
