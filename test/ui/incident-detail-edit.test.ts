// Editing an incident in the detail view (issue #7) with optimistic concurrency, against the real core:
// a teammate's change made behind the page's back is a conflict that shows what changed, and the
// person chooses to re-apply their edit on top or to discard it; nothing is overwritten silently.
// Bad input (an empty or 50,000-character update, an unknown severity) gets a clear error and loses
// nothing typed.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AppUnderTest } from './harness.js';
import { declareAt, PAGE_NOW, screenshot, useUi } from './harness.js';
import { invokeFromPage, openDetail } from './incident-detail-support.js';

/** A teammate's save through the store, a minute later (versions are stamped with main's clock). */
async function changeBehindItsBack(app: AppUnderTest, id: string, patch: { severity?: 'SEV1'; commander?: string; title?: string }, minutesLater: number) {
  app.clock.current = new Date(PAGE_NOW.getTime() + minutesLater * 60_000);
  const store = await app.core.incidentStore();
  await store.patchIncident(id, patch, { ifMatch: '*' });
}

const conflictRows = (page: Page) =>
  page.locator('.conflict-table tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent)));

describe('incident detail: editing', () => {
  const ui = useUi();

  it('a stale edit shows what changed; "Re-apply my changes" saves on top of the current version', async () => {
    const app = await ui.start();
    const declared = await declareAt(app, 15, { title: 'Checkout 5xx', severity: 'SEV2', service: 'checkout-api' });
    const { page, problems } = await ui.open(app);
    await openDetail(page, declared.id);

    await page.getByRole('button', { name: 'Edit' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('edit-title');
    await page.getByLabel('Title').fill('Checkout 5xx in EU');
    await page.getByLabel('Status', { exact: true }).selectOption('identified');

    // Meanwhile a teammate raises the severity and takes command; main's snapshot shows it at once.
    await changeBehindItsBack(app, declared.id, { severity: 'SEV1', commander: 'grace@acme.dev' }, 1);
    await app.core.refreshIncidents();
    // What was typed stays; the view says the incident changed instead of replacing it.
    await page.getByRole('status').filter({ hasText: 'Changed by someone else.' }).waitFor();
    expect(await page.getByLabel('Title').inputValue()).toBe('Checkout 5xx in EU');

    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('alert').filter({ hasText: 'Changed by someone else while you edited' }).waitFor();
    expect(await conflictRows(page)).toEqual([
      ['Title', 'Checkout 5xx', 'Checkout 5xx in EU'],
      ['Severitychanged', 'SEV1', 'not changed'],
      ['Status', 'Investigating', 'Identified'],
      ['Commanderchanged', 'grace@acme.dev', 'not changed'],
    ]);
    // Nothing of the edit was written.
    expect((await (await app.core.incidentStore()).getIncident(declared.id)).incident.title).toBe('Checkout 5xx');
    await screenshot(page, 'incident-detail-conflict-light');
    const dark = await ui.open(app, { colorScheme: 'dark' });
    await openDetail(dark.page, declared.id);
    await dark.page.getByRole('button', { name: 'Edit' }).click();
    await dark.page.getByLabel('Title').fill('Checkout 5xx in EU');
    await dark.page.getByLabel('Status', { exact: true }).selectOption('identified');
    await changeBehindItsBack(app, declared.id, { commander: 'linus@acme.dev' }, 2);
    await dark.page.getByRole('button', { name: 'Save changes' }).click();
    await dark.page.getByRole('alert').filter({ hasText: 'Changed by someone else while you edited' }).waitFor();
    await screenshot(dark.page, 'incident-detail-conflict-dark');

    // The dark window's teammate saved again since: the re-apply is a conflict too, and says so.
    await page.getByRole('button', { name: 'Re-apply my changes' }).click();
    await page.locator('.conflict-table tr[data-field="commander"] td', { hasText: 'linus@acme.dev' }).waitFor();
    expect(await conflictRows(page)).toEqual([
      ['Title', 'Checkout 5xx', 'Checkout 5xx in EU'],
      ['Status', 'Investigating', 'Identified'],
      ['Commanderchanged', 'linus@acme.dev', 'not changed'],
    ]);
    await page.getByRole('button', { name: 'Re-apply my changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(await page.locator('.detail-title').textContent()).toBe('Checkout 5xx in EU');
    expect(await page.locator('.detail-status').textContent()).toBe('Identified');
    expect(await page.locator('.detail-facts .sev-badge').textContent()).toBe('SEV1');
    // The re-apply carried this person's fields only: the commander of the latest version stays.
    const stored = (await (await app.core.incidentStore()).getIncident(declared.id)).incident;
    expect(stored).toMatchObject({ title: 'Checkout 5xx in EU', status: 'identified', severity: 'SEV1', commander: 'linus@acme.dev' });
    // Focus is back on Edit, where the edit started.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Edit');
    expect(problems).toEqual([]);
  });

  it('"Discard mine" keeps the teammate\'s version and drops the edit', async () => {
    const app = await ui.start();
    const declared = await declareAt(app, 15, { title: 'Search slow', severity: 'SEV3' });
    const { page } = await ui.open(app);
    await openDetail(page, declared.id);

    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Title').fill('Search slow for everyone');
    await changeBehindItsBack(app, declared.id, { title: 'Search slow in EU' }, 1);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('alert').filter({ hasText: 'Changed by someone else while you edited' }).waitFor();
    expect(await conflictRows(page)).toEqual([['Titlechanged', 'Search slow in EU', 'Search slow for everyone']]);

    await page.getByRole('button', { name: 'Discard mine' }).click();
    await page.locator('.detail-title', { hasText: 'Search slow in EU' }).waitFor();
    expect(await page.locator('.detail-conflict, .detail-edit').count()).toBe(0);
    expect((await (await app.core.incidentStore()).getIncident(declared.id)).incident.title).toBe('Search slow in EU');
  });

  it('refreshes by itself when the incident changes elsewhere and nobody is editing', async () => {
    const app = await ui.start();
    const declared = await declareAt(app, 15, { title: 'Login loops', severity: 'SEV3' });
    const { page } = await ui.open(app);
    await openDetail(page, declared.id);
    await page.locator('.detail-title', { hasText: 'Login loops' }).waitFor();

    await changeBehindItsBack(app, declared.id, { title: 'Login loops for SSO users', commander: 'grace@acme.dev' }, 1);
    await app.core.refreshIncidents();
    await page.locator('.detail-title', { hasText: 'Login loops for SSO users' }).waitFor();
    expect(await page.locator('.detail-meta').textContent()).toContain('grace@acme.dev');
    expect(await page.getByText('Changed by someone else').count()).toBe(0);
  });

  it('bad input: empty and 50,000-character updates and an unknown severity get clear errors, nothing typed is lost', async () => {
    const app = await ui.start();
    const declared = await declareAt(app, 15, { title: 'Checkout 5xx', severity: 'SEV3' });
    const { page, problems } = await ui.open(app);
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/bridge/invoke/incident.postUpdate')) posts.push(request.url());
    });
    await openDetail(page, declared.id);
    const update = page.getByLabel('Message', { exact: true });

    // Empty (blank is empty): said next to the field, nothing sent.
    await update.fill('   ');
    await page.getByRole('button', { name: 'Post update' }).click();
    const error = page.locator('#update-error[role="alert"]');
    expect(await error.textContent()).toBe('The update must not be empty.');
    expect(await update.getAttribute('aria-invalid')).toBe('true');

    // 50,000 characters: the counter is red before anything is sent; the text stays as typed.
    const long = `Timeline of the outage: ${'x'.repeat(50_000 - 24)}`;
    await update.fill(long);
    expect(await error.count()).toBe(0);
    expect(await page.locator('#update-count.is-over').textContent()).toBe('50,000 / 10,000 characters: 40,000 too many');
    await page.getByRole('button', { name: 'Post update' }).click();
    expect(await error.textContent()).toBe('The update must be at most 10,000 characters.');
    expect((await update.inputValue()).length).toBe(50_000);
    expect(posts).toEqual([]);

    // Main refuses the same things when they come anyway (another client, a tampered page).
    expect(await invokeFromPage(page, 'incident.postUpdate', { id: declared.id, message: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('the update must not be empty') },
    });
    expect(await invokeFromPage(page, 'incident.postUpdate', { id: declared.id, message: long })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('at most 10,000 characters') },
    });
    const { etag } = (await invokeFromPage(page, 'incident.get', { id: declared.id })).value as { etag: string };
    expect(await invokeFromPage(page, 'incident.edit', { id: declared.id, etag, patch: { severity: 'SEV9' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('severity must be one of SEV1, SEV2, SEV3, SEV4, SEV5') },
    });

    // An unknown severity smuggled into the form: the field says what is allowed; the title typed stays.
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Title').fill('Checkout 5xx for card payments');
    await page.locator('#edit-severity option[value="SEV5"]').evaluate((option) => {
      (option as HTMLOptionElement).value = 'SEV9';
    });
    await page.getByLabel('Severity').selectOption('SEV9');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const severityError = page.locator('#edit-severity-error[role="alert"]');
    expect(await severityError.textContent()).toBe('Severity must be one of SEV1, SEV2, SEV3, SEV4, SEV5 (got "SEV9").');
    expect(await page.getByLabel('Title').inputValue()).toBe('Checkout 5xx for card payments');
    // The update being written is still there too, and nothing reached the record.
    expect((await update.inputValue()).length).toBe(50_000);
    const stored = (await (await app.core.incidentStore()).getIncident(declared.id)).incident;
    expect(stored).toMatchObject({ title: 'Checkout 5xx', severity: 'SEV3' });
    expect(stored.lastUpdateAt).toBeUndefined();
    expect(problems).toEqual([]);
  });
});
