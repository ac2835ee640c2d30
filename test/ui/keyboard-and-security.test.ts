// Keyboard use, accessible names, the harness token and the strict CSP, in the real renderer.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { declareAt, rendererDir, useUi } from './harness.js';

/** The accessible name of the focused element, roughly as a screen reader would announce it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el ? (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() : '';
  });

/** Form controls without a label, and buttons without a name, in the current view. */
const unnamedControls = (page: Page) =>
  page.evaluate(() => {
    const problems: string[] = [];
    for (const el of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select')) {
      if ((el.labels?.length ?? 0) === 0 && !el.getAttribute('aria-label')) problems.push(`${el.tagName} ${el.id || el.name}`);
    }
    for (const button of document.querySelectorAll('button')) {
      if (!(button.getAttribute('aria-label') ?? button.textContent ?? '').trim()) problems.push(`button ${button.outerHTML}`);
    }
    return problems;
  });

describe('keyboard', () => {
  const ui = useUi();

  it('reaches "Declare incident…" with Tab, opens the form with Enter and goes back with Escape', async () => {
    const app = await ui.start();
    const { page } = await ui.open(app);
    await page.getByRole('heading', { name: 'No open incidents. Quiet is good.' }).waitFor();

    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Settings');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Declare incident…');
    // The focus ring is visible (the button's focus style is a box-shadow ring).
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement as Element).boxShadow);
    expect(ring).not.toBe('none');

    await page.keyboard.press('Enter');
    await page.getByLabel('Title').waitFor();
    expect(page.url()).toMatch(/#\/declare$/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('declare-title');

    // Severity by keyboard: Tab into the radio group, arrows move the choice.
    await page.keyboard.type('Keyboard only');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: /SEV2/ }).isChecked()).toBe(true);

    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'No open incidents. Quiet is good.' }).waitFor();
    expect(page.url()).toMatch(/#\/popover$/);
    expect(app.core.snapshot().incidents).toEqual([]);
  });

  it('leaves settings with Escape as well', async () => {
    const app = await ui.start();
    const { page } = await ui.open(app, { view: 'settings' });
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'No open incidents. Quiet is good.' }).waitFor();
    expect(page.url()).toMatch(/#\/popover$/);
  });

  it('labels every control and names every button in every view', async () => {
    const app = await ui.start();
    const declared = await declareAt(app, 5, { title: 'Named controls', severity: 'SEV3' });
    expect(declared.name).not.toBe('');
    const { page } = await ui.open(app);
    await page.locator('.incident-row').first().waitFor();
    expect(await unnamedControls(page)).toEqual([]);

    await page.getByRole('button', { name: 'Declare incident…' }).click();
    await page.getByLabel('Title').waitFor();
    expect(await page.locator('input, textarea').count()).toBeGreaterThan(5);
    expect(await unnamedControls(page)).toEqual([]);

    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('region', { name: 'Slack' }).waitFor();
    expect(await page.locator('input').count()).toBeGreaterThan(15);
    expect(await unnamedControls(page)).toEqual([]);
  });
});

describe('harness token and content security policy', () => {
  const ui = useUi();

  it('says "Not authorised" when the page carries a wrong token', async () => {
    const app = await ui.start();
    await declareAt(app, 5, { title: 'Must stay hidden', severity: 'SEV1' });
    const { page } = await ui.open(app, { token: 'not-the-token' });

    await page.getByRole('heading', { name: 'Not authorised' }).waitFor();
    expect(await page.locator('.fatal-body').textContent()).toContain('incident-tray ui');
    expect(await page.getByText('Must stay hidden').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Declare incident…' }).count()).toBe(0);
  });

  it('says "Not authorised" when the page carries no token at all', async () => {
    const app = await ui.start();
    const { page } = await ui.open(app, { token: '' });
    await page.getByRole('heading', { name: 'Not authorised' }).waitFor();
  });

  it('builds without any inline script or style and runs without a CSP violation', async () => {
    const html = await readFile(join(await rendererDir(), 'index.html'), 'utf8');
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    expect(html).toContain("script-src 'self'");
    expect(html).not.toMatch(/<style/i);
    expect(html).not.toMatch(/\sstyle=/i);
    // Every <script> loads a file: none has a body.
    for (const script of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? []) {
      expect(script).toMatch(/\ssrc=/);
      expect(script.replace(/<script\b[^>]*>|<\/script>/gi, '').trim()).toBe('');
    }

    const app = await ui.start();
    await declareAt(app, 5, { title: 'CSP check', severity: 'SEV2' });
    const { page, problems } = await ui.open(app);
    await page.locator('.incident-row').first().waitFor();
    for (const view of ['declare', 'settings', 'popover'] as const) {
      await page.evaluate((v) => {
        window.location.hash = `#/${v}`;
      }, view);
      await page.locator(view === 'popover' ? '.incident-row' : '.view-title').first().waitFor();
      expect(await page.locator('[style]').count()).toBe(0);
    }
    expect(problems).toEqual([]);
  });
});
