// The settings window's "Update reminders" section in Chromium against the real harness: per-severity
// reminders and the stale period saved into the core, the schema's limits as inline errors, nothing
// lost when a save is refused, keyboard-only use, and the countdown a saved rule gives an incident.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import type { Severity } from '../../src-shared/domain.js';
import { DEFAULT_SETTINGS } from '../../src-shared/settings.js';
import { declareAt, DECLARER, enrichIncident, screenshot, useUi, WINDOW_VIEWPORT } from './harness.js';

const SCHEMES = ['light', 'dark'] as const;

const remindSwitch = (page: Page, severity: Severity) => page.getByRole('switch', { name: `Remind me about ${severity}` });
const firstAfter = (page: Page, severity: Severity) => page.getByLabel(`${severity} first reminder after (minutes)`);
const thenEvery = (page: Page, severity: Severity) => page.getByLabel(`${severity} then every (minutes)`);
const staleDays = (page: Page) => page.getByLabel('Stale reminder after (days)');
const inlineError = (page: Page, id: string) => page.locator(`#${id}-error`);

const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Saved.').waitFor();
}

/** Scrolls the window body so that the section's heading sits at the top, as someone scrolling to it sees it. */
async function scrollToCadence(page: Page): Promise<void> {
  await page.getByRole('region', { name: 'Update reminders' }).evaluate((section) => section.scrollIntoView({ block: 'start' }));
}

describe('settings: update reminders', () => {
  const ui = useUi();

  it('saves reminders per severity and the stale period; a reload shows them', async () => {
    const app = await ui.start();
    const { page, problems } = await ui.open(app, { view: 'settings' });
    await remindSwitch(page, 'SEV3').waitFor();

    // The defaults of issue #7: SEV1/SEV2 after 30, then every 25; SEV3 and below off; stale after 7 days.
    expect(await remindSwitch(page, 'SEV1').isChecked()).toBe(true);
    expect(await firstAfter(page, 'SEV1').inputValue()).toBe('30');
    expect(await thenEvery(page, 'SEV1').inputValue()).toBe('25');
    expect(await remindSwitch(page, 'SEV3').isChecked()).toBe(false);
    expect(await firstAfter(page, 'SEV3').count()).toBe(0);
    expect(await page.getByRole('group', { name: 'SEV3 reminders' }).textContent()).toContain('No reminder');
    expect(await staleDays(page).inputValue()).toBe('7');

    await remindSwitch(page, 'SEV3').check();
    await firstAfter(page, 'SEV3').fill('45');
    await thenEvery(page, 'SEV3').fill('30');

    // Off hides the minutes and keeps them: on again brings back what was there, edits included.
    await firstAfter(page, 'SEV2').fill('20');
    await remindSwitch(page, 'SEV2').uncheck();
    expect(await firstAfter(page, 'SEV2').count()).toBe(0);
    await remindSwitch(page, 'SEV2').check();
    expect(await firstAfter(page, 'SEV2').inputValue()).toBe('20');
    expect(await thenEvery(page, 'SEV2').inputValue()).toBe('25');
    await remindSwitch(page, 'SEV2').uncheck();

    await staleDays(page).fill('3');
    await save(page);

    const cadence = app.core.settings.effective().cadence;
    expect(cadence.perSeverity.SEV3).toEqual({ firstReminderMinutes: 45, repeatEveryMinutes: 30 });
    expect(cadence.perSeverity.SEV2).toEqual({ firstReminderMinutes: null, repeatEveryMinutes: 25 });
    expect(cadence.perSeverity.SEV1).toEqual({ firstReminderMinutes: 30, repeatEveryMinutes: 25 });
    expect(cadence.perSeverity.SEV4).toEqual(DEFAULT_SETTINGS.cadence.perSeverity.SEV4);
    expect(cadence.staleAfterDays).toBe(3);
    // The other sections are as they were.
    expect(app.core.settings.effective().routing).toEqual(DEFAULT_SETTINGS.routing);
    expect(app.core.settings.effective().user.email).toBe(DECLARER);

    await page.reload();
    await remindSwitch(page, 'SEV3').waitFor();
    expect(await remindSwitch(page, 'SEV3').isChecked()).toBe(true);
    expect(await firstAfter(page, 'SEV3').inputValue()).toBe('45');
    expect(await thenEvery(page, 'SEV3').inputValue()).toBe('30');
    expect(await remindSwitch(page, 'SEV2').isChecked()).toBe(false);
    expect(await staleDays(page).inputValue()).toBe('3');
    // The saved "every 25" of SEV2 comes back when it is turned on again after the reload.
    await remindSwitch(page, 'SEV2').check();
    expect(await thenEvery(page, 'SEV2').inputValue()).toBe('25');
    expect(problems).toEqual([]);
  });

  it('refuses 0, 5000 and empty with the schema\'s range inline, and saves nothing', async () => {
    const app = await ui.start();
    const { page, problems } = await ui.open(app, { view: 'settings' });
    await firstAfter(page, 'SEV1').waitFor();
    await page.getByLabel('Display name').fill('Ada Lovelace');

    await firstAfter(page, 'SEV1').fill('0');
    await thenEvery(page, 'SEV1').fill('5000');
    await staleDays(page).fill('');
    await page.getByRole('button', { name: 'Save' }).click();

    await inlineError(page, 'cadence-sev1-firstReminderMinutes').waitFor();
    expect(await inlineError(page, 'cadence-sev1-firstReminderMinutes').textContent()).toBe('First reminder: must be 1 to 1,440 minutes');
    expect(await inlineError(page, 'cadence-sev1-repeatEveryMinutes').textContent()).toBe('Then every: must be 1 to 1,440 minutes');
    expect(await inlineError(page, 'cadence-stale-after-days').textContent()).toBe('Stale reminder after: must be 1 to 365 days');
    expect(await firstAfter(page, 'SEV1').getAttribute('aria-invalid')).toBe('true');
    expect(await firstAfter(page, 'SEV1').getAttribute('aria-describedby')).toBe('cadence-sev1-firstReminderMinutes-error');
    const summary = await page.locator('.error-summary').textContent();
    expect(summary).toContain('SEV1 first reminder after: must be 1 to 1,440 minutes');
    expect(summary).toContain('SEV1 then every: must be 1 to 1,440 minutes');
    expect(summary).toContain('Stale reminder after: must be 1 to 365 days');

    // Nothing reached the core, and nothing typed was lost.
    expect(app.core.settings.effective().cadence).toEqual(DEFAULT_SETTINGS.cadence);
    expect(app.core.settings.effective().user.displayName).toBeUndefined();
    expect(await firstAfter(page, 'SEV1').inputValue()).toBe('0');
    expect(await thenEvery(page, 'SEV1').inputValue()).toBe('5000');
    expect(await page.getByLabel('Display name').inputValue()).toBe('Ada Lovelace');

    // A fixed field loses its error as it is typed; the rest keep theirs until fixed.
    await firstAfter(page, 'SEV1').fill('20');
    await inlineError(page, 'cadence-sev1-firstReminderMinutes').waitFor({ state: 'detached' });
    expect(await inlineError(page, 'cadence-sev1-repeatEveryMinutes').isVisible()).toBe(true);
    await thenEvery(page, 'SEV1').fill('15');
    await staleDays(page).fill('5');
    await save(page);
    expect(app.core.settings.effective().cadence.perSeverity.SEV1).toEqual({ firstReminderMinutes: 20, repeatEveryMinutes: 15 });
    expect(app.core.settings.effective().cadence.staleAfterDays).toBe(5);
    expect(app.core.settings.effective().user.displayName).toBe('Ada Lovelace');
    expect(problems).toEqual([]);
  });

  it('does not block a save on a bad value hidden behind a switch turned off', async () => {
    const app = await ui.start();
    const { page } = await ui.open(app, { view: 'settings' });
    await thenEvery(page, 'SEV2').waitFor();
    await thenEvery(page, 'SEV2').fill('0');
    await remindSwitch(page, 'SEV2').uncheck();
    await save(page);
    // Off: no reminder; the interval nobody can see stays the saved one.
    expect(app.core.settings.effective().cadence.perSeverity.SEV2).toEqual({ firstReminderMinutes: null, repeatEveryMinutes: 25 });
    expect(await page.locator('.error-summary').count()).toBe(0);
  });

  it('keeps every edit when main refuses the save, and saves it on the next try', async () => {
    const app = await ui.start();
    const { page } = await ui.open(app, { view: 'settings' });
    await remindSwitch(page, 'SEV4').waitFor();
    await remindSwitch(page, 'SEV4').check();
    await firstAfter(page, 'SEV4').fill('90');
    await remindSwitch(page, 'SEV1').uncheck();
    await staleDays(page).fill('14');

    // Main's own refusal (a settings file it cannot write), through the real handler and harness.
    const refusal = vi.spyOn(app.core.settings, 'save').mockImplementationOnce(() => {
      throw new Error('EROFS: read-only file system');
    });
    try {
      await page.getByRole('button', { name: 'Save' }).click();
      await page.locator('.error-summary', { hasText: 'settings not saved: EROFS: read-only file system' }).waitFor();
    } finally {
      refusal.mockRestore();
    }
    expect(await remindSwitch(page, 'SEV4').isChecked()).toBe(true);
    expect(await firstAfter(page, 'SEV4').inputValue()).toBe('90');
    expect(await remindSwitch(page, 'SEV1').isChecked()).toBe(false);
    expect(await staleDays(page).inputValue()).toBe('14');
    // SEV1's minutes are still remembered behind its switch.
    await remindSwitch(page, 'SEV1').check();
    expect(await firstAfter(page, 'SEV1').inputValue()).toBe('30');
    await remindSwitch(page, 'SEV1').uncheck();

    await save(page);
    const cadence = app.core.settings.effective().cadence;
    expect(cadence.perSeverity.SEV4).toEqual({ firstReminderMinutes: 90, repeatEveryMinutes: 120 });
    expect(cadence.perSeverity.SEV1.firstReminderMinutes).toBeNull();
    expect(cadence.staleAfterDays).toBe(14);
  });

  it('works from the keyboard alone: Tab through the rows, Space switches, arrows step, Enter saves', async () => {
    const app = await ui.start();
    const { page, problems } = await ui.open(app, { view: 'settings' });
    const lastPagingBox = page.getByRole('checkbox', { name: /SEV5/ });
    await lastPagingBox.waitFor();
    // Where Tab from the paging section lands next: the reminders, severity by severity.
    await lastPagingBox.focus();
    await page.keyboard.press('Tab');
    expect(await isFocused(remindSwitch(page, 'SEV1'))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await isFocused(firstAfter(page, 'SEV1'))).toBe(true);
    await page.keyboard.press('ArrowUp');
    expect(await firstAfter(page, 'SEV1').inputValue()).toBe('31');
    await page.keyboard.press('Tab');
    expect(await isFocused(thenEvery(page, 'SEV1'))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await isFocused(remindSwitch(page, 'SEV2'))).toBe(true);
    await page.keyboard.press('Space');
    expect(await remindSwitch(page, 'SEV2').isChecked()).toBe(false);
    // SEV2's minutes are gone from the tab order with it.
    await page.keyboard.press('Tab');
    expect(await isFocused(remindSwitch(page, 'SEV3'))).toBe(true);
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await isFocused(firstAfter(page, 'SEV3'))).toBe(true);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('45');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('30');
    await page.keyboard.press('Tab');
    expect(await isFocused(remindSwitch(page, 'SEV4'))).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await isFocused(staleDays(page))).toBe(true);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await page.getByText('Saved.').waitFor();

    const cadence = app.core.settings.effective().cadence;
    expect(cadence.perSeverity.SEV1).toEqual({ firstReminderMinutes: 31, repeatEveryMinutes: 25 });
    expect(cadence.perSeverity.SEV2.firstReminderMinutes).toBeNull();
    expect(cadence.perSeverity.SEV3).toEqual({ firstReminderMinutes: 45, repeatEveryMinutes: 30 });
    expect(cadence.staleAfterDays).toBe(3);

    // Enter with the field emptied: refused, its error shows, and the keyboard stays where it was.
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await inlineError(page, 'cadence-stale-after-days').waitFor();
    expect(await isFocused(staleDays(page))).toBe(true);
    expect(app.core.settings.effective().cadence.staleAfterDays).toBe(3);
    expect(problems).toEqual([]);
  });

  it('gives an open SEV3 incident I command a due time once SEV3 reminds', async () => {
    const app = await ui.start();
    const incident = await declareAt(app, 10, { title: 'Search results stale after reindex', severity: 'SEV3' });
    await enrichIncident(app, incident.id, { commander: DECLARER });
    const tracking = () => app.core.snapshot().tracking.find((entry) => entry.incidentId === incident.id);
    expect(tracking()?.mine).toBe(true);
    expect(tracking()?.nextUpdateDueAt).toBeUndefined();

    const { page, problems } = await ui.open(app, { view: 'settings' });
    await remindSwitch(page, 'SEV3').waitFor();
    await remindSwitch(page, 'SEV3').check();
    await firstAfter(page, 'SEV3').fill('45');
    await thenEvery(page, 'SEV3').fill('30');
    await save(page);

    // Declared 10 minutes before the page's now, so due 45 minutes after the declare: 35 minutes to go.
    const declaredAt = Date.parse(app.core.snapshot().incidents.find((i) => i.id === incident.id)?.createdAt ?? '');
    expect(tracking()?.nextUpdateDueAt).toBe(new Date(declaredAt + 45 * 60_000).toISOString());
    expect(app.core.snapshot().active).toEqual({ incidentId: incident.id, pinned: false });

    // And the popover counts down to it.
    await page.goto(page.url().replace('#/settings', '#/popover'));
    await page.locator('.incident-row .countdown', { hasText: 'next update in 35:00' }).waitFor();
    expect(problems).toEqual([]);
  });

  for (const colorScheme of SCHEMES) {
    it(`pictures the section (${colorScheme})`, async () => {
      const app = await ui.start();
      const { page, problems } = await ui.open(app, { view: 'settings', colorScheme, viewport: WINDOW_VIEWPORT });
      await remindSwitch(page, 'SEV3').waitFor();
      await remindSwitch(page, 'SEV3').check();
      await firstAfter(page, 'SEV3').fill('45');
      await thenEvery(page, 'SEV3').fill('30');
      await remindSwitch(page, 'SEV2').uncheck();
      await staleDays(page).fill('3');
      await scrollToCadence(page);
      // Only the window's body scrolls: the header and the Save bar stay in the window.
      expect(await page.evaluate(() => document.scrollingElement?.scrollTop)).toBe(0);
      expect(await page.locator('.save-status').textContent()).toBe('Unsaved changes');
      await screenshot(page, `settings-cadence-${colorScheme}`);

      await firstAfter(page, 'SEV1').fill('0');
      await thenEvery(page, 'SEV3').fill('5000');
      await staleDays(page).fill('');
      await page.getByRole('button', { name: 'Save' }).click();
      await inlineError(page, 'cadence-stale-after-days').waitFor();
      await scrollToCadence(page);
      await screenshot(page, `settings-cadence-errors-${colorScheme}`);
      expect(problems).toEqual([]);
    });
  }
});
