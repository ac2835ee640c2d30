// The declare form's service picker against the real core and the PagerDuty fake: an ARIA combobox
// that filters as you type (main is asked after a pause), is driven by ↓/↑/Enter/Escape, and is a
// plain text field that says why when PagerDuty is not set up.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useUi, waitForStep } from './harness.js';

const optionNames = (page: Page) => page.locator('.combobox-option-name').allTextContents();
const activeOption = (page: Page) =>
  page.evaluate(() => {
    const input = document.getElementById('declare-service');
    const id = input?.getAttribute('aria-activedescendant');
    const option = id ? document.getElementById(id) : null;
    return option ? `${option.querySelector('.combobox-option-name')?.textContent} ${option.getAttribute('aria-selected')}` : 'none';
  });

describe('service picker', () => {
  const ui = useUi();

  it('filters PagerDuty services as you type and picks one with the keyboard; Enter then declares', async () => {
    const vendors = await ui.vendors();
    const app = await ui.start({ env: vendors.env });
    const queries: string[] = [];
    const { page, problems } = await ui.open(app, {
      view: 'declare',
      beforeNavigate: async (p) =>
        p.on('request', (request) => {
          if (request.url().includes('/bridge/invoke/services.search')) queries.push((request.postDataJSON() as { input: { query: string } }).input.query);
        }),
    });
    await page.getByLabel('Title').fill('Checkout pages are blank');
    await page.getByRole('radio', { name: /SEV2/ }).check();

    const combobox = page.getByRole('combobox', { name: 'Affected service' });
    expect(await combobox.getAttribute('aria-expanded')).toBe('false');
    expect(await combobox.getAttribute('aria-autocomplete')).toBe('list');
    await combobox.focus();
    await page.keyboard.type('check');

    const listbox = page.getByRole('listbox', { name: 'PagerDuty services' });
    await listbox.waitFor();
    expect(await combobox.getAttribute('aria-expanded')).toBe('true');
    expect(await combobox.getAttribute('aria-controls')).toBe(await listbox.getAttribute('id'));
    await expect.poll(() => queries.at(-1), { timeout: 30_000 }).toBe('check');
    expect(await optionNames(page)).toEqual(['checkout-api', 'checkout-web']);
    // An option is the service's name (and its description under it, which the fake cannot hold).
    expect(await page.getByRole('option', { name: /checkout-web/ }).textContent()).toBe('checkout-web');
    expect(await activeOption(page)).toBe('none');

    // ↓ ↓ ↑ ↑ wraps round; the active option is the input's aria-activedescendant, aria-selected.
    await page.keyboard.press('ArrowDown');
    expect(await activeOption(page)).toBe('checkout-api true');
    await page.keyboard.press('ArrowDown');
    expect(await activeOption(page)).toBe('checkout-web true');
    await page.keyboard.press('ArrowDown');
    expect(await activeOption(page)).toBe('checkout-api true');
    await page.keyboard.press('ArrowUp');
    expect(await activeOption(page)).toBe('checkout-web true');
    expect(await page.getByRole('option', { selected: true }).count()).toBe(1);

    // Enter on an option picks it, and only picks it.
    await page.keyboard.press('Enter');
    expect(await combobox.inputValue()).toBe('checkout-web');
    expect(await combobox.getAttribute('aria-expanded')).toBe('false');
    expect(await combobox.getAttribute('aria-activedescendant')).toBeNull();
    expect(await page.locator('.result-name').count()).toBe(0);

    // With the list closed, Enter declares, and PagerDuty pages the picked service.
    await page.keyboard.press('Enter');
    await waitForStep(page, 'pagerduty', 'Done');
    expect(vendors.pagerduty.incidents.map((i) => i.service.id)).toEqual(['PCHKWEB']);
    expect(await page.locator('.result-service').textContent()).toBe('Service: checkout-web');
    expect(problems).toEqual([]);
  });

  it('picks with the mouse too, and Escape closes only the list', async () => {
    const vendors = await ui.vendors();
    const app = await ui.start({ env: vendors.env });
    const { page } = await ui.open(app, { view: 'declare' });
    const combobox = page.getByRole('combobox', { name: 'Affected service' });

    await combobox.click();
    await page.getByRole('listbox', { name: 'PagerDuty services' }).waitFor();
    // An empty query lists every service, by name.
    await expect.poll(() => optionNames(page), { timeout: 30_000 }).toEqual(['checkout-api', 'checkout-web', 'login-sso', 'payments-gateway', 'search']);
    await page.getByRole('option', { name: /^search/ }).click();
    expect(await combobox.inputValue()).toBe('search');
    expect(await combobox.getAttribute('aria-expanded')).toBe('false');

    await combobox.press('ArrowDown');
    expect(await combobox.getAttribute('aria-expanded')).toBe('true');
    await combobox.press('Escape');
    expect(await combobox.getAttribute('aria-expanded')).toBe('false');
    expect(page.url()).toMatch(/#\/declare$/);
    // The second Escape is the window's: back to the popover, nothing declared.
    await combobox.press('Escape');
    await page.getByRole('heading', { name: 'No open incidents. Quiet is good.' }).waitFor();
    expect(app.core.outbox()).toEqual([]);
  });

  it('says "couldn\'t reach PagerDuty" and keeps offering the cached list when PagerDuty is down', async () => {
    const vendors = await ui.vendors();
    const app = await ui.start({ env: vendors.env });
    const { page } = await ui.open(app, { view: 'declare' });
    const combobox = page.getByRole('combobox', { name: 'Affected service' });
    await combobox.click();
    await expect.poll(() => optionNames(page), { timeout: 30_000 }).toHaveLength(5);
    await combobox.press('Escape');

    // The cached list grows old and PagerDuty is down when main goes to refresh it.
    app.clock.current = new Date(app.clock.current.getTime() + 60 * 60_000);
    vendors.pagerduty.fail('GET /services', { kind: 'status', status: 503 }, 20);
    await combobox.fill('pay');
    const note = page.getByText("Couldn't reach PagerDuty, showing cached list.");
    await note.waitFor();
    expect(await optionNames(page)).toEqual(['payments-gateway']);
    expect(await combobox.getAttribute('aria-describedby')).toContain(await note.getAttribute('id'));
  });

  it('is a plain text field that says so when PagerDuty is not set up', async () => {
    const app = await ui.start();
    const { page } = await ui.open(app, { view: 'declare' });
    const hint = page.getByText('PagerDuty is not set up, so there is no list to pick from');
    await hint.waitFor();
    expect(await page.getByRole('combobox').count()).toBe(0);
    const field = page.getByRole('textbox', { name: 'Affected service' });
    expect(await field.getAttribute('aria-describedby')).toBe(await hint.getAttribute('id'));

    await page.getByLabel('Title').fill('Nightly export is late');
    await page.getByRole('radio', { name: /SEV4/ }).check();
    await field.fill('exporter');
    await field.press('ArrowDown');
    expect(await page.getByRole('listbox').count()).toBe(0);
    await field.press('Enter');
    await waitForStep(page, 'hub', 'Done');
    expect(await page.locator('.result-service').textContent()).toBe('Service: exporter');
  });
});
