// The popover's list of open incidents (issue #7) in Chromium against the real harness: ordering,
// the countdown to each incident's next status update (ticking on Playwright's fake clock, across
// the due time into overdue), the active incident's countdown, the filter (all / mine / severity,
// remembered), keyboard navigation and what a screen reader is told, and live updates.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DECLARER, declareAt, enrichIncident, PAGE_NOW, useUi, type AppUnderTest } from './harness.js';

type Ui = ReturnType<typeof useUi>;

/**
 * Opens the popover on Playwright's fake clock, paused at PAGE_NOW: the page's time moves only when
 * the test says so (`page.clock.fastForward`), timers included, so a countdown reads the same on
 * every run however loaded the machine is.
 */
async function openOnFakeClock(ui: Ui, app: AppUnderTest, options: Parameters<Ui['open']>[1] = {}) {
  return ui.open(app, {
    ...options,
    beforeNavigate: async (page) => {
      await page.clock.install({ time: PAGE_NOW.getTime() - 1_000 });
      await page.clock.pauseAt(PAGE_NOW);
      await options.beforeNavigate?.(page);
    },
  });
}

/** What a row shows, top to bottom: severity, title, countdown (or '' without one), overdue. */
async function rowSummaries(page: Page): Promise<string[]> {
  return page.locator('.incident-row').evaluateAll((rows) =>
    rows.map((row) => {
      const countdown = row.querySelector('.countdown');
      const parts = [row.querySelector('.sev-badge')?.textContent ?? '', row.querySelector('.incident-title')?.textContent ?? ''];
      if (row.querySelector('.stale-mark')) parts.push('[stale]');
      if (countdown) parts.push(`${countdown.textContent ?? ''}${countdown.classList.contains('is-overdue') ? ' [red]' : ''}`);
      return parts.join(' | ');
    }),
  );
}

describe('incident list', () => {
  const ui = useUi();

  it('sorts by severity then age and shows each incident’s time to its next update, red when overdue, stale when old', async () => {
    const app = await ui.start();
    await declareAt(app, 10, { title: 'Checkout returns 5xx', severity: 'SEV1' });
    await declareAt(app, 42.5, { title: 'Payments failing in EU', severity: 'SEV1' });
    await declareAt(app, 3, { title: 'Login slow for SSO users', severity: 'SEV2' });
    await declareAt(app, 30, { title: 'Search results stale', severity: 'SEV3' });
    await declareAt(app, 8 * 24 * 60, { title: 'Flaky nightly export', severity: 'SEV4' });

    const { page, problems } = await openOnFakeClock(ui, app);
    await page.locator('.incident-row').nth(4).waitFor();

    expect(await rowSummaries(page)).toEqual([
      'SEV1 | Payments failing in EU | overdue 12:30 [red]',
      'SEV1 | Checkout returns 5xx | next update in 20:00',
      'SEV2 | Login slow for SSO users | next update in 27:00',
      // SEV3 and below have no reminder by default: no countdown at all rather than a made-up one.
      'SEV3 | Search results stale',
      'SEV4 | Flaky nightly export | [stale]',
    ]);
    expect(problems).toEqual([]);
  });

  it('counts down every second and turns red when the update falls due, in the row and for the active incident', async () => {
    const app = await ui.start();
    const mine = await declareAt(app, 29, { title: 'Checkout returns 5xx', severity: 'SEV1' });
    await enrichIncident(app, mine.id, { commander: DECLARER });
    await declareAt(app, 5, { title: 'Login slow for SSO users', severity: 'SEV2' });

    const { page, problems } = await openOnFakeClock(ui, app);
    const row = page.locator('.incident-row', { hasText: 'Checkout returns 5xx' });
    const rowCountdown = row.locator('.countdown');
    const activeCountdown = page.locator('.active-incident-countdown');
    await activeCountdown.waitFor();
    expect(await page.locator('.active-incident-name').textContent()).toBe(mine.name);
    expect(await rowCountdown.textContent()).toBe('next update in 1:00');
    expect(await activeCountdown.textContent()).toBe('next update in 1:00');

    await page.clock.fastForward(1_000);
    await activeCountdown.filter({ hasText: 'next update in 0:59' }).waitFor();
    expect(await rowCountdown.textContent()).toBe('next update in 0:59');
    // The other row counts on its own schedule, from the same tick.
    expect(await page.locator('.incident-row', { hasText: 'Login slow' }).locator('.countdown').textContent()).toBe('next update in 24:59');

    await page.clock.fastForward(58_000);
    await activeCountdown.filter({ hasText: 'next update in 0:01' }).waitFor();
    expect(await rowCountdown.getAttribute('class')).not.toContain('is-overdue');
    const calmColour = await rowCountdown.evaluate((element) => getComputedStyle(element).color);

    await page.clock.fastForward(2_000);
    await activeCountdown.filter({ hasText: 'overdue 0:01' }).waitFor();
    expect(await rowCountdown.textContent()).toBe('overdue 0:01');
    expect(await rowCountdown.getAttribute('class')).toContain('is-overdue');
    // Red: the theme's failure colour, on the row's edge and behind the active incident too.
    const fail = await page.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.color = 'var(--fail)';
      document.body.append(probe);
      const colour = getComputedStyle(probe).color;
      probe.remove();
      return colour;
    });
    expect(await rowCountdown.evaluate((element) => getComputedStyle(element).color)).toBe(fail);
    expect(await activeCountdown.evaluate((element) => getComputedStyle(element).color)).toBe(fail);
    expect(calmColour).not.toBe(fail);
    expect(await row.evaluate((element) => getComputedStyle(element).boxShadow)).toContain('inset');

    await page.clock.fastForward(3 * 60_000);
    await activeCountdown.filter({ hasText: 'overdue 3:01' }).waitFor();
    expect(await rowCountdown.textContent()).toBe('overdue 3:01');
    expect(problems).toEqual([]);
  });

  it('keeps counting on a clock that runs by itself (no fake timers), many rows at once', async () => {
    // Regression: a ticker that re-subscribed on every render moved its time on each re-subscribe,
    // re-rendering forever ("Maximum update depth exceeded") as soon as real time went by.
    const app = await ui.start();
    for (let i = 0; i < 20; i++) await declareAt(app, 5 + i, { title: `Checkout errors in region ${i}`, severity: i % 2 === 0 ? 'SEV1' : 'SEV2' });
    const { page, problems } = await ui.open(app, {
      beforeNavigate: async (p) => {
        await p.clock.install({ time: PAGE_NOW });
      },
    });
    const first = page.locator('.incident-row .countdown').first();
    await page.locator('.incident-row').nth(19).waitFor();
    const before = await first.textContent();
    await expect.poll(() => first.textContent(), { timeout: 10_000 }).not.toBe(before);
    expect(await page.locator('.incident-row').count()).toBe(20);
    expect(problems).toEqual([]);
  });

  it('ticks only the countdowns in view; one scrolled back into view shows the right time at once', async () => {
    const app = await ui.start();
    for (let i = 0; i < 15; i++) await declareAt(app, 19 - i, { title: `Checkout errors in region ${i}`, severity: 'SEV1' });
    const { page, problems } = await openOnFakeClock(ui, app);
    const rows = page.locator('.incident-row');
    await rows.nth(14).waitFor();
    expect(await rows.first().locator('.countdown').textContent()).toBe('next update in 11:00');
    expect(await rows.nth(14).locator('.countdown').textContent()).toBe('next update in 25:00');

    await page.clock.fastForward(10_000);
    await rows.first().locator('.countdown', { hasText: 'next update in 10:50' }).waitFor();
    // Out of view it stands still (it costs nothing per second)…
    expect(await rows.nth(14).locator('.countdown').textContent()).toBe('next update in 25:00');
    // …and in view it is right straight away, without waiting for the next tick.
    await rows.nth(14).scrollIntoViewIfNeeded();
    await rows.nth(14).locator('.countdown', { hasText: 'next update in 24:50' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('filters to mine, all or one severity, with counts, remembers the choice, and says what a filter hides', async () => {
    const app = await ui.start();
    // Mine: what I command (whoever declares commands until someone takes over); the rest is teammates'.
    await declareAt(app, 50, { title: 'Checkout returns 5xx', severity: 'SEV1' });
    const theirs = await declareAt(app, 40, { title: 'Payments failing in EU', severity: 'SEV1' });
    await enrichIncident(app, theirs.id, { commander: 'grace@acme.dev' });
    const commanded = await declareAt(app, 30, { title: 'Login slow for SSO users', severity: 'SEV2' });
    await enrichIncident(app, commanded.id, { commander: DECLARER });
    const search = await declareAt(app, 20, { title: 'Search results stale', severity: 'SEV3' });
    await enrichIncident(app, search.id, { commander: 'linus@acme.dev' });

    const { page, problems } = await ui.open(app);
    const titles = () => page.locator('.incident-row .incident-title').allTextContents();
    const all = page.getByRole('button', { name: 'All 4' });
    const mine = page.getByRole('button', { name: 'Mine 2' });
    const severity = page.getByRole('combobox', { name: 'Only one severity' });
    await all.waitFor();
    expect(await all.getAttribute('aria-pressed')).toBe('true');
    expect(await mine.getAttribute('aria-pressed')).toBe('false');
    expect(await severity.locator('option').allTextContents()).toEqual(['Severity', 'SEV1 (2)', 'SEV2 (1)', 'SEV3 (1)', 'SEV4 (0)', 'SEV5 (0)']);
    expect(await titles()).toEqual(['Checkout returns 5xx', 'Payments failing in EU', 'Login slow for SSO users', 'Search results stale']);

    await mine.click();
    await page.locator('.incident-row').nth(1).waitFor();
    expect(await titles()).toEqual(['Checkout returns 5xx', 'Login slow for SSO users']);
    expect(await mine.getAttribute('aria-pressed')).toBe('true');
    expect(await all.getAttribute('aria-pressed')).toBe('false');

    await severity.selectOption('SEV1');
    await page.locator('.incident-row', { hasText: 'Payments failing in EU' }).waitFor();
    expect(await titles()).toEqual(['Checkout returns 5xx', 'Payments failing in EU']);
    expect(await mine.getAttribute('aria-pressed')).toBe('false');

    // Remembered on this computer: the popover opens again with the same filter.
    await page.reload();
    await page.locator('.incident-row').first().waitFor();
    expect(await severity.inputValue()).toBe('SEV1');
    expect(await titles()).toEqual(['Checkout returns 5xx', 'Payments failing in EU']);

    // A filter that hides everything says so, and how many, and offers the way back.
    await severity.selectOption('SEV4');
    await page.getByRole('heading', { name: 'No SEV4 incidents open' }).waitFor();
    expect(await page.getByText('The SEV4 filter hides 4 open incidents of other severities.').isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'No open incidents. Quiet is good.' }).count()).toBe(0);
    // A SEV4 declared meanwhile shows up under the filter by itself.
    await declareAt(app, 1, { title: 'Typo in the status page footer', severity: 'SEV4' });
    await page.locator('.incident-row', { hasText: 'Typo in the status page footer' }).waitFor();
    expect(await titles()).toEqual(['Typo in the status page footer']);
    await severity.selectOption('SEV5');
    await page.getByRole('button', { name: 'Show all 5' }).click();
    await page.locator('.incident-row').nth(4).waitFor();
    expect(await page.getByRole('button', { name: 'All 5' }).getAttribute('aria-pressed')).toBe('true');
    expect(await severity.inputValue()).toBe('');
    expect(await page.evaluate(() => localStorage.getItem('incident-tray.popover.filter'))).toBe('all');
    expect(problems).toEqual([]);
  });

  it('is one Tab stop moved through with the arrow keys; Enter opens the incident', async () => {
    const app = await ui.start();
    const first = await declareAt(app, 50, { title: 'Checkout returns 5xx', severity: 'SEV1' });
    await enrichIncident(app, first.id, { slack: 'https://acme.slack.com/archives/C0INC1', pagerduty: 'https://acme.pagerduty.com/incidents/Q1ABC' });
    const second = await declareAt(app, 30, { title: 'Login slow for SSO users', severity: 'SEV2' });
    await declareAt(app, 20, { title: 'Search results stale', severity: 'SEV3' });

    const { page, problems } = await ui.open(app);
    await page.locator('.incident-row').nth(2).waitFor();
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement;
        return element?.getAttribute('aria-label') ?? element?.textContent ?? '';
      });

    // Tab reaches the header, the filter, Declare, then the list once: the first row and its links.
    const order: string[] = [];
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      order.push(await focused());
    }
    expect(order).toEqual([
      'Settings',
      // Whoever declares commands until someone takes over: the SEV1 is mine, and active.
      'You command: SEV1 Checkout returns 5xx',
      'All 3',
      'Mine 3',
      'Only one severity',
      'Declare incident…',
      'SEV1 Checkout returns 5xx',
      `Slack channel of ${first.name}`,
      `PagerDuty incident of ${first.name}`,
      // Past the list: back to the top of the page (nothing else takes focus).
      order[9] ?? '',
    ]);
    expect(order[9]).not.toMatch(/^SEV/);

    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('SEV1 Checkout returns 5xx');
    // The focused row is marked (a ring inside the row, a tinted background).
    const ring = await page.locator('.incident-open').first().evaluate((element) => getComputedStyle(element, '::after').boxShadow);
    expect(ring).toContain('inset');

    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('SEV2 Login slow for SSO users');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('SEV3 Search results stale');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('SEV3 Search results stale');
    await page.keyboard.press('Home');
    expect(await focused()).toBe('SEV1 Checkout returns 5xx');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe(`Slack channel of ${first.name}`);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('End');
    expect(await focused()).toBe('SEV3 Search results stale');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('SEV2 Login slow for SSO users');
    // Only the current row is in the Tab order, and the list remembers it when Tab comes back.
    expect(await page.locator('.incident-row [tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('Declare incident…');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('SEV2 Login slow for SSO users');

    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/incident/${encodeURIComponent(second.id)}`);
    expect(problems).toEqual([]);
  });

  it('keeps the keyboard focus in the list when the focused incident leaves it', async () => {
    const app = await ui.start();
    await declareAt(app, 50, { title: 'Checkout returns 5xx', severity: 'SEV1' });
    const leaving = await declareAt(app, 30, { title: 'Login slow for SSO users', severity: 'SEV2' });
    await declareAt(app, 20, { title: 'Search results stale', severity: 'SEV3' });

    const { page, problems } = await ui.open(app);
    await page.locator('.incident-row').nth(2).waitFor();
    await page.getByRole('button', { name: 'SEV1 Checkout returns 5xx', exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName);
    expect(await focusedName()).toBe('SEV2 Login slow for SSO users');

    // Resolved elsewhere: the row goes, and the focus goes to the row that took its place rather
    // than to the top of the page.
    await enrichIncident(app, leaving.id, { status: 'resolved' });
    await page.locator('.incident-row', { hasText: 'Login slow for SSO users' }).waitFor({ state: 'detached' });
    await expect.poll(focusedName).toBe('SEV3 Search results stale');
    expect(await page.locator('.incident-row [tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('ArrowUp');
    expect(await focusedName()).toBe('SEV1 Checkout returns 5xx');
    expect(problems).toEqual([]);
  });

  it('opens an incident far down a long list with the keyboard, and Escape from its detail returns focus to its row', async () => {
    const app = await ui.start();
    const declared = [];
    for (let i = 0; i < 30; i++) declared.push(await declareAt(app, 100 - i, { title: `Queue backlog on shard ${i}`, severity: 'SEV4' }));
    const last = declared.at(-1);
    if (!last) throw new Error('nothing declared');

    const { page, problems } = await ui.open(app);
    await page.locator('.incident-row').nth(29).waitFor();
    await page.getByRole('button', { name: 'SEV4 Queue backlog on shard 0', exact: true }).focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/incident/${encodeURIComponent(last.id)}`);
    await page.locator('.incident-row').first().waitFor({ state: 'detached' });

    await page.keyboard.press('Escape');
    await page.locator('.incident-row').first().waitFor();
    // The row is the 30th, past what the list draws first; it is drawn at once all the same.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('SEV4 Queue backlog on shard 29');
    expect(await page.locator('.incident-row [tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('SEV4 Queue backlog on shard 28');
    expect(problems).toEqual([]);
  });

  it('tells a screen reader what each row is, and what its details are', async () => {
    const app = await ui.start();
    const linked = await declareAt(app, 40, { title: 'Checkout returns 5xx', severity: 'SEV1' });
    await enrichIncident(app, linked.id, { slack: 'https://acme.slack.com/archives/C0INC1', commander: 'grace@acme.dev', status: 'identified' });
    await declareAt(app, 20, { title: 'Search results stale', severity: 'SEV3' });

    const { page, problems } = await ui.open(app);
    await page.locator('.incident-row').nth(1).waitFor();
    // A list of two items, each a button named by severity and title (its parts are its content,
    // not separate stops), then the row's links; the countdown is text a reader finds in the row.
    const tree = await page.getByRole('list', { name: 'Open incidents' }).ariaSnapshot();
    expect(tree.split('\n').filter((line) => line.trim() === '- listitem:')).toHaveLength(2);
    expect(tree).toContain('- list "Open incidents":');
    expect(tree).toContain('- button "SEV1 Checkout returns 5xx"');
    expect(tree).toContain(`- button "Slack channel of ${linked.name}": Slack`);
    expect(tree).toContain('- button "SEV3 Search results stale"');
    expect(tree).toContain('- text: overdue 10:00');
    const description = await page.getByRole('button', { name: 'SEV1 Checkout returns 5xx' }).evaluate((button) =>
      (button.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? `missing #${id}`)
        .join(', '),
    );
    // The SEV3 is mine (I declared it) but has no cadence: no countdown, so no header line for it.
    expect(await page.locator('.active-incident').count()).toBe(0);
    expect(description).toBe(`${linked.name}, 40m, Identified · Commander: grace@acme.dev, overdue 10:00`);
    expect(problems).toEqual([]);
  });

  it('follows the pushed snapshots: a new declare takes its place, a change shows, my incident and a pin lead the header', async () => {
    const app = await ui.start();
    const search = await declareAt(app, 60, { title: 'Search results stale', severity: 'SEV3' });
    await enrichIncident(app, search.id, { commander: 'linus@acme.dev' });
    const login = await declareAt(app, 10, { title: 'Login slow for SSO users', severity: 'SEV2' });
    await enrichIncident(app, login.id, { commander: 'grace@acme.dev' });

    const { page, problems } = await openOnFakeClock(ui, app);
    await page.locator('.incident-row').nth(1).waitFor();
    expect(await page.locator('.active-incident').count()).toBe(0);

    const checkout = await declareAt(app, 5, { title: 'Checkout returns 5xx', severity: 'SEV1' });
    await page.locator('.incident-row').nth(2).waitFor();
    expect(await rowSummaries(page)).toEqual([
      'SEV1 | Checkout returns 5xx | next update in 25:00',
      'SEV2 | Login slow for SSO users | next update in 20:00',
      'SEV3 | Search results stale',
    ]);
    expect(await page.getByRole('button', { name: 'All 3' }).isVisible()).toBe(true);

    // I declared it, so I command it: it is the active incident, whose countdown leads the popover.
    await page.locator('.active-incident-countdown', { hasText: 'next update in 25:00' }).waitFor();
    expect(await page.locator('.active-incident-name').textContent()).toBe(checkout.name);
    expect(await page.locator('.active-incident-whose').textContent()).toBe('You command');
    await enrichIncident(app, checkout.id, { status: 'identified' });
    await page.locator('.incident-row').first().locator('.incident-status', { hasText: 'Identified' }).waitFor();

    // A pin wins over the one I command.
    app.core.pinIncident(search.id);
    await page.locator('.active-incident-name', { hasText: search.name }).waitFor();
    expect(await page.locator('.active-incident-whose').textContent()).toBe('Pinned');
    expect(await page.locator('.active-incident-countdown').textContent()).toBe('No update due');

    // The header opens its incident.
    await page.locator('.active-incident-open').click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/incident/${encodeURIComponent(search.id)}`);
    expect(problems).toEqual([]);
  });
});
