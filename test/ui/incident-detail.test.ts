// The incident detail view (issue #7) in the popover window, against the real core and the
// spec-validating Slack and PagerDuty fakes: the facts and timeline, the update countdown running out
// and starting again when an update is posted, and resolving (hub, PagerDuty, Slack, digest).
import { describe, expect, it } from 'vitest';
import { declareAt, PAGE_NOW, screenshot, stepStatuses, useUi } from './harness.js';
import { countdownText, openDetail } from './incident-detail-support.js';

const minutesAfter = (minutes: number) => new Date(PAGE_NOW.getTime() + minutes * 60_000);

describe('incident detail', () => {
  const ui = useUi();

  it('shows the incident, its countdown and timeline; a posted update goes to Slack and restarts the countdown', async () => {
    const vendors = await ui.vendors();
    const app = await ui.start({ env: vendors.env });
    // SEV1 declared 20 minutes ago: the first update is due 30 minutes after the declare.
    const declared = await declareAt(app, 20, { title: 'Checkout returns 5xx', severity: 'SEV1', service: 'checkout-api', description: 'Error rate above 20% since the 14:05 deploy.' });
    const { page, problems } = await ui.open(app);
    await openDetail(page, declared.id);

    await page.getByRole('heading', { level: 1, name: declared.name }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.locator('.detail-title').textContent()).toBe('Checkout returns 5xx');
    expect(await page.locator('.detail-facts .sev-badge').textContent()).toBe('SEV1');
    expect(await page.locator('.detail-status').textContent()).toBe('Investigating');
    expect(await page.locator('.detail-age').textContent()).toBe('open 20m');
    expect(await page.locator('.detail-description').textContent()).toBe('Error rate above 20% since the 14:05 deploy.');
    expect(await page.getByRole('button', { name: `Slack channel of ${declared.name}` }).count()).toBe(1);
    expect(await page.getByRole('button', { name: `PagerDuty incident of ${declared.name}` }).count()).toBe(1);
    expect(await countdownText(page)).toBe('Next update in 10:00');
    // I declared it and nobody else commands it: it is the active incident.
    expect(await page.locator('.detail-active').textContent()).toBe('Active');
    // Newest first: the links the declare added, then the declare itself at the bottom.
    expect(await page.locator('.timeline-entry').evaluateAll((items) => items.map((i) => i.getAttribute('data-kind')))).toEqual(['edited', 'declared']);
    expect(await page.locator('.timeline-declared .timeline-change').textContent()).toBe('SEV1');
    await screenshot(page, 'incident-detail-light');
    const dark = await ui.open(app, { colorScheme: 'dark' });
    await openDetail(dark.page, declared.id);
    await dark.page.locator('.detail-countdown').waitFor();
    await screenshot(dark.page, 'incident-detail-dark');

    // Thirteen minutes on, in the page and in main: the update is 3 minutes late.
    await page.clock.setFixedTime(minutesAfter(13));
    app.clock.current = minutesAfter(13);
    await page.locator('.detail-countdown.is-overdue', { hasText: 'Overdue 3:00' }).waitFor();

    await page.getByLabel('Message', { exact: true }).fill('Rolled back the 14:05 deploy; 5xx dropping.');
    expect(await page.locator('#update-count').textContent()).toBe('43 / 10,000');
    await page.getByLabel('New status').selectOption('monitoring');
    await page.getByRole('button', { name: 'Post update' }).click();

    await page.getByRole('status').filter({ hasText: 'Update posted.' }).waitFor();
    expect(await stepStatuses(page)).toEqual({ 'Incident record': 'Done', 'Slack channel post': 'Done', 'Digest post': 'Done' });
    // The countdown starts again from the update (main's clock), 30 minutes for a SEV1.
    await page.locator('.detail-countdown:not(.is-overdue)', { hasText: 'Next update in 30:00' }).waitFor();
    await page.locator('.detail-status', { hasText: 'Monitoring' }).waitFor();
    expect(await page.getByLabel('Message', { exact: true }).inputValue()).toBe('');
    await page.locator('.timeline-entry[data-kind="update_posted"]').waitFor();
    expect(await page.locator('.timeline-entry').first().getAttribute('data-kind')).toMatch(/^(update_posted|status_changed)$/);
    expect(await page.locator('.timeline-entry[data-kind="update_posted"] .timeline-message').textContent()).toBe('Rolled back the 14:05 deploy; 5xx dropping.');
    expect(await page.locator('.timeline-entry[data-kind="status_changed"] .timeline-change').textContent()).toBe('Investigating → Monitoring');

    const channel = vendors.slack.channelByName(declared.name);
    expect(JSON.stringify(vendors.slack.messagesIn(channel?.id ?? '').at(-1)?.blocks)).toContain('Rolled back the 14:05 deploy');
    expect(vendors.slack.messagesIn('incidents').at(-1)?.text).toContain(`${declared.name} update`);
    expect(vendors.slack.violations()).toEqual([]);

    await page.locator('.action-result').scrollIntoViewIfNeeded();
    await screenshot(page, 'incident-detail-update-posted-light');
    await dark.page.clock.setFixedTime(minutesAfter(13));
    await dark.page.getByLabel('Message', { exact: true }).fill('Second update from the dark window.');
    await dark.page.getByRole('button', { name: 'Post update' }).click();
    await dark.page.getByRole('status').filter({ hasText: 'Update posted.' }).waitFor();
    await dark.page.locator('.action-result').scrollIntoViewIfNeeded();
    await screenshot(dark.page, 'incident-detail-update-posted-dark');
    expect(problems).toEqual([]);
    expect(dark.problems).toEqual([]);
  });

  it('a Slack failure is a warning with what to post by hand; the update still counts', async () => {
    const vendors = await ui.vendors();
    const app = await ui.start({ env: vendors.env });
    const declared = await declareAt(app, 5, { title: 'Search is slow', severity: 'SEV2', service: 'search' });
    const { page } = await ui.open(app);
    await openDetail(page, declared.id);
    vendors.slack.fail('chat.postMessage', { kind: 'status', status: 400 }, 20);

    await page.getByLabel('Message', { exact: true }).fill('Index rebuild started.');
    await page.getByLabel('Message', { exact: true }).press('Control+Enter');
    await page.getByRole('status').filter({ hasText: 'Update posted.' }).waitFor();
    expect(await page.locator('.alert-warning').textContent()).toContain('2 steps did not go through');
    expect(await stepStatuses(page)).toEqual({ 'Incident record': 'Done', 'Slack channel post': 'Failed', 'Digest post': 'Failed' });
    expect(await page.locator('.step[data-step="slack.channel"] .step-error').textContent()).toContain(`#${declared.name}`);
    expect(await page.locator('.step[data-step="slack.channel"]').getByRole('button', { name: 'Open Slack channel' }).count()).toBe(1);
    // Recorded: the text is said and the timeline has it.
    expect(await page.getByLabel('Message', { exact: true }).inputValue()).toBe('');
    await page.locator('.timeline-entry[data-kind="update_posted"]', { hasText: 'Index rebuild started.' }).waitFor();
  });

  it('resolves: hub resolved, PagerDuty incident resolved, Slack channel and digest told; it leaves the open list', async () => {
    const vendors = await ui.vendors();
    const app = await ui.start({ env: vendors.env });
    const declared = await declareAt(app, 42, { title: 'Payments failing in EU', severity: 'SEV1', service: 'payments-gateway' });
    const paged = vendors.pagerduty.incidents.find((i) => i.incident_key === declared.id);
    expect(paged?.status).toBe('triggered');
    const { page, problems } = await ui.open(app);
    await openDetail(page, declared.id);

    await page.getByRole('button', { name: 'Resolve…' }).click();
    const closing = page.getByLabel(/Closing message/);
    // Focus starts in the closing words; Escape closes the confirmation only.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('resolve-message');
    await closing.fill('Card processor recovered; retries drained.');
    await page.keyboard.press('Escape');
    await page.locator('.detail-resolve').waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Resolve…');
    expect(await page.locator('.incident-detail').count()).toBe(1);
    // The words are still there when it opens again.
    await page.keyboard.press('Enter');
    expect(await closing.inputValue()).toBe('Card processor recovered; retries drained.');
    await page.getByRole('button', { name: 'Resolve incident' }).click();

    await page.getByRole('status').filter({ hasText: 'Incident resolved.' }).waitFor();
    // The confirmation and its button are gone: focus is on the outcome, not lost to the page's top.
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('action-result');
    expect(await stepStatuses(page)).toEqual({ 'Incident record': 'Done', PagerDuty: 'Done', 'Slack channel post': 'Done', 'Digest post': 'Done' });
    await page.locator('.detail-status', { hasText: 'Resolved' }).waitFor();
    await page.locator('.timeline-entry[data-kind="resolved"]').waitFor();
    // Nothing left to count down, post or resolve.
    expect(await page.locator('.detail-cadence, #update-message').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Resolve…' }).count()).toBe(0);

    expect(vendors.pagerduty.incidents.find((i) => i.incident_key === declared.id)?.status).toBe('resolved');
    const channel = vendors.slack.channelByName(declared.name);
    expect(JSON.stringify(vendors.slack.messagesIn(channel?.id ?? '').at(-1)?.blocks)).toContain('Card processor recovered');
    expect(vendors.slack.messagesIn('incidents').at(-1)?.text).toContain(`${declared.name} resolved`);
    expect(vendors.slack.violations()).toEqual([]);
    expect(vendors.pagerduty.violations()).toEqual([]);
    expect(app.core.snapshot().incidents.map((i) => i.id)).not.toContain(declared.id);

    await page.getByRole('button', { name: 'Back to incidents' }).click();
    await page.getByRole('heading', { name: 'No open incidents. Quiet is good.' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('pins, unpins and snoozes through main; the snapshot shows it', async () => {
    const app = await ui.start();
    const mine = await declareAt(app, 10, { title: 'Mine and active', severity: 'SEV2' });
    const other = await declareAt(app, 3, { title: 'Another one', severity: 'SEV2' });
    const { page } = await ui.open(app);
    await openDetail(page, other.id);
    expect(app.core.snapshot().active?.incidentId).not.toBe(other.id);

    await page.getByRole('button', { name: 'Pin as active' }).click();
    await page.locator('.detail-active', { hasText: 'Pinned' }).waitFor();
    expect(app.core.snapshot().active).toEqual({ incidentId: other.id, pinned: true });

    await page.getByRole('button', { name: 'Snooze' }).click();
    // The durations open with focus on the first; Escape closes them and stays in the view.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Snooze reminders for 5 minutes');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('group', { name: 'Snooze reminders for' }).count()).toBe(0);
    expect(await page.locator('.incident-detail').count()).toBe(1);
    await page.getByRole('button', { name: 'Snooze' }).click();
    await page.getByRole('button', { name: 'Snooze reminders for 15 minutes' }).click();
    await page.locator('.detail-cadence-note', { hasText: 'Reminders snoozed until 14:45' }).waitFor();
    await page.getByRole('button', { name: 'End snooze' }).click();
    await page.getByRole('button', { name: 'Snooze' }).waitFor();
    expect(app.core.snapshot().tracking.find((t) => t.incidentId === other.id)?.snoozedUntil).toBeUndefined();

    await page.getByRole('button', { name: 'Unpin' }).click();
    await page.getByRole('button', { name: 'Pin as active' }).waitFor();
    expect(app.core.snapshot().active?.incidentId).toBe(mine.id);
    expect(await page.locator('.detail-active').count()).toBe(0);
  });

  it('shows a clear not-found state for an unknown incident, with a way back', async () => {
    const app = await ui.start();
    const { page, problems } = await ui.open(app);
    await openDetail(page, 'no-such-incident');
    const missing = page.getByRole('alert').filter({ hasText: 'Incident not found' });
    await missing.waitFor();
    await page.getByRole('button', { name: 'Back to incidents' }).last().click();
    await page.getByRole('heading', { name: 'No open incidents. Quiet is good.' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('works from the keyboard alone: Tab walks the view in reading order, an update is posted without a mouse', async () => {
    const vendors = await ui.vendors();
    const app = await ui.start({ env: vendors.env });
    const declared = await declareAt(app, 10, { title: 'Checkout slow', severity: 'SEV2', service: 'checkout-api' });
    const { page } = await ui.open(app);
    await openDetail(page, declared.id);
    await page.locator('.detail-countdown').waitFor();

    const focused = () =>
      page.evaluate(() => {
        const active = document.activeElement;
        return active?.getAttribute('aria-label') ?? (active?.id ? `#${active.id}` : (active?.textContent ?? ''));
      });
    const seen: string[] = [];
    for (let i = 0; i < 9; i += 1) {
      await page.keyboard.press('Tab');
      seen.push(await focused());
    }
    expect(seen).toEqual([
      `Slack channel of ${declared.name}`,
      `PagerDuty incident of ${declared.name}`,
      'Pin as active',
      'Snooze',
      'Edit',
      'Resolve…',
      '#update-message',
      '#update-status',
      'Post update',
    ]);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('Mitigated by scaling out; watching latency.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Update posted.' }).waitFor();
    // Focus stays on the button that posted (nothing under it went away).
    expect(await focused()).toBe('Post update');
  });

  it('goes back with Escape, focus on the incident\'s row', async () => {
    const app = await ui.start();
    const declared = await declareAt(app, 10, { title: 'Login loops', severity: 'SEV3' });
    const { page } = await ui.open(app);
    await openDetail(page, declared.id);
    await page.locator('.detail-title').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.incident-row').first().waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.incident-row')?.getAttribute('data-incident'))).toBe(declared.name);
  });
});
