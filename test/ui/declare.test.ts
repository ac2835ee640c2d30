// The declare form in Chromium against the real harness and core: validation, Enter, submitting once,
// errors from main, and the way back to the popover. With Slack and PagerDuty set up, the live steps
// are in declare-live.test.ts; the service picker in service-picker.test.ts.
import { describe, expect, it } from 'vitest';
import { incidentRows, stepStatuses, useUi, waitForStep } from './harness.js';

describe('declare', () => {
  const ui = useUi();

  it('refuses an empty title and a missing severity, inline, without declaring', async () => {
    const app = await ui.start();
    const { page } = await ui.open(app, { view: 'declare' });

    await page.getByRole('button', { name: 'Declare', exact: true }).click();
    await page.getByText('Title must not be empty.').waitFor();
    expect(await page.getByText('Choose a severity.').isVisible()).toBe(true);
    expect(await page.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    expect(app.core.snapshot().incidents).toEqual([]);

    // Fixing a field clears its error as you type.
    await page.getByLabel('Title').fill('Checkout down');
    await page.getByText('Title must not be empty.').waitFor({ state: 'detached' });
    expect(await page.getByText('Choose a severity.').isVisible()).toBe(true);
  });

  it('blocks a title over 200 characters and counts as you type', async () => {
    const app = await ui.start();
    const { page } = await ui.open(app, { view: 'declare' });
    const title = page.getByLabel('Title');

    await title.fill('x'.repeat(201));
    await page.getByText('Title must be at most 200 characters.').waitFor();
    expect(await page.locator('.counter').textContent()).toBe('201/200');
    await page.getByText('Minor', { exact: true }).click();
    await title.press('Enter');
    expect(await page.getByText('Title must be at most 200 characters.').isVisible()).toBe(true);
    expect(await page.locator('.result-name').count()).toBe(0);
    expect(app.core.snapshot().incidents).toEqual([]);

    await title.fill('x'.repeat(200));
    await page.getByText('Title must be at most 200 characters.').waitFor({ state: 'detached' });
    expect(await page.locator('.counter').textContent()).toBe('200/200');
  });

  it('declares a SEV2 with Enter and shows the name and every step', async () => {
    const app = await ui.start();
    const { page } = await ui.open(app, { view: 'declare' });

    // The title field has focus on arrival; its counter follows.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('declare-title');
    await page.keyboard.type('Checkout returns 5xx');
    expect(await page.locator('.counter').textContent()).toBe('20/200');
    await page.getByRole('radio', { name: /SEV2/ }).check();
    await page.getByLabel('Affected service').fill('checkout-api');
    await page.getByLabel('Description').fill('Since 14:10 UTC, about 30% of EU checkouts fail.');
    await page.getByLabel('Title').press('Enter');

    const name = page.locator('.result-name');
    await name.waitFor();
    expect(await name.textContent()).toBe('inc-20261124-checkout-returns-5xx');
    await page.getByRole('heading', { name: 'Incident declared' }).waitFor();
    expect(await stepStatuses(page)).toEqual({
      'Slack channel': 'Not configured',
      'Headline post': 'Not configured',
      'Digest post': 'Not configured',
      PagerDuty: 'Not configured',
      'Incident record': 'Done',
    });
    expect(await page.locator('.step-list').getAttribute('aria-live')).toBe('polite');
    expect(await page.locator('.step-fallback').count()).toBe(0);
    expect(await page.getByRole('status').filter({ hasText: 'Declared.' }).textContent()).toContain('Every step has finished.');
    expect(await page.getByRole('status').filter({ hasText: 'not set up' }).textContent()).toContain('Slack and PagerDuty are not set up');

    // The open list is re-read once the run ends, a moment after the last step's push.
    await expect.poll(() => app.core.snapshot().incidents.length, { timeout: 30_000 }).toBe(1);
    const [stored] = app.core.snapshot().incidents;
    expect(stored).toMatchObject({
      name: 'inc-20261124-checkout-returns-5xx',
      severity: 'SEV2',
      service: 'checkout-api',
      description: 'Since 14:10 UTC, about 30% of EU checkouts fail.',
    });

    // With the record written, the window's next step is running the incident: its detail.
    expect(await page.getByRole('button', { name: 'Back to incidents' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Open incident' }).click();
    await page.locator('.incident-detail').waitFor();
    expect(page.url()).toMatch(new RegExp(`#/incident/${stored?.id ?? 'missing'}$`));
    expect(await page.locator('.incident-detail').textContent()).toContain('Checkout returns 5xx');
    await page.getByRole('button', { name: 'Back to incidents' }).click();
    await page.locator('.incident-row').first().waitFor();
    expect(page.url()).toMatch(/#\/popover$/);
    expect(await incidentRows(page)).toEqual([
      { severity: 'SEV2', title: 'Checkout returns 5xx', age: 'just now', name: 'inc-20261124-checkout-returns-5xx' },
    ]);
  });

  it('takes emoji and CJK titles as they are', async () => {
    const app = await ui.start();
    const { page } = await ui.open(app, { view: 'declare' });
    const title = '🔥 決済が失敗しています 💳';

    await page.getByLabel('Title').fill(title);
    await page.getByRole('radio', { name: /SEV4/ }).check();
    await page.getByRole('button', { name: 'Declare', exact: true }).click();

    await page.locator('.result-name').waitFor();
    // Nothing Latin to make a channel name from: the severity stands in (a valid Slack name).
    expect(await page.locator('.result-name').textContent()).toBe('inc-20261124-sev4');
    expect(await page.locator('.result-title').textContent()).toBe(`SEV4${title}`);
    expect(app.core.snapshot().incidents[0]?.title).toBe(title);

    await page.keyboard.press('Escape');
    await page.locator('.incident-row').first().waitFor();
    expect((await incidentRows(page))[0]?.title).toBe(title);
  });

  it('declares once however often the form is submitted', async () => {
    const app = await ui.start();
    const { page } = await ui.open(app, { view: 'declare' });
    await page.getByLabel('Title').fill('Impatient clicking');
    await page.getByRole('radio', { name: /SEV1/ }).check();

    // Three submits in the same tick, before the first answer can arrive.
    await page.evaluate(() => {
      const form = document.querySelector('form');
      form?.requestSubmit();
      form?.requestSubmit();
      form?.requestSubmit();
    });
    await page.locator('.result-name').waitFor();
    expect(await page.locator('.result-name').textContent()).toBe('inc-20261124-impatient-clicking');
    await waitForStep(page, 'hub', 'Done');
    await expect.poll(() => app.core.snapshot().incidents.length, { timeout: 30_000 }).toBe(1);
    expect(app.core.snapshot().incidents.map((i) => i.name)).toEqual(['inc-20261124-impatient-clicking']);
    expect(app.core.outbox()).toEqual([]);
  });

  it("shows main's own refusal when the declare fails there", async () => {
    const app = await ui.start();
    const { page } = await ui.open(app, { view: 'declare' });
    await page.getByLabel('Title').fill('Disk full on db-1');
    await page.getByRole('radio', { name: /SEV1/ }).check();

    // Break the core for real: with its database closed, main answers { ok: false }.
    app.core.db.close();
    await page.getByRole('button', { name: 'Declare', exact: true }).click();

    const alert = page.getByRole('alert').filter({ hasText: 'Not declared.' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('declare failed');
    // The form keeps what was typed, ready for another try.
    expect(await page.getByLabel('Title').inputValue()).toBe('Disk full on db-1');
    expect(await page.getByRole('button', { name: 'Declare', exact: true }).isEnabled()).toBe(true);
  });
});
