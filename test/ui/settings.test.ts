// The settings window in Chromium against the real harness: saving, write-only secrets, environment
// overrides, validation and "Test connection" against a real local HTTP server.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { json, startVendorServer } from '../fakes/vendor-server.js';
import { useUi } from './harness.js';

const SLACK_SECRET = 'xoxb-4242-very-secret-token-value';

/** Everything the page holds as text: its markup plus every form control's live value. */
async function everythingOnThePage(page: Page): Promise<string> {
  const values = await page.evaluate(() =>
    [...document.querySelectorAll('input, textarea')].map((el) => (el as HTMLInputElement).value).join('\n'),
  );
  return `${await page.content()}\n${values}`;
}

const secretStatus = (page: Page, name: string) => page.locator(`[data-secret-status="${name}"]`);

describe('settings', () => {
  const ui = useUi();

  it('saves who you are, and it is still there after a reload', async () => {
    const app = await ui.start();
    const { page } = await ui.open(app, { view: 'settings' });

    await page.getByLabel(/^Email/).fill('ada@example.com');
    await page.getByLabel('Display name').fill('Ada Lovelace');
    expect(await page.locator('.save-status').textContent()).toBe('Unsaved changes');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();

    expect(app.core.settings.view().settings.user).toEqual({ email: 'ada@example.com', displayName: 'Ada Lovelace' });
    expect(app.core.snapshot().me).toEqual({ email: 'ada@example.com', displayName: 'Ada Lovelace' });

    await page.reload();
    await page.getByLabel(/^Email/).waitFor();
    expect(await page.getByLabel(/^Email/).inputValue()).toBe('ada@example.com');
  });

  it('keeps secrets write-only: "set" after saving, and the value never in the page', async () => {
    const app = await ui.start();
    const { page } = await ui.open(app, { view: 'settings' });
    const token = page.getByLabel('Bot token');
    await token.waitFor();
    expect(await secretStatus(page, 'slackToken').textContent()).toBe('not set');
    expect(await token.getAttribute('type')).toBe('password');

    await token.fill(SLACK_SECRET);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();

    expect(await secretStatus(page, 'slackToken').textContent()).toBe('set');
    expect(app.core.settings.secret('slackToken')).toBe(SLACK_SECRET);
    expect(await everythingOnThePage(page)).not.toContain(SLACK_SECRET);
    expect(await everythingOnThePage(page)).not.toContain('4242');
    expect(app.core.snapshot().configured.slack).toBe(true);

    await page.reload();
    await secretStatus(page, 'slackToken').waitFor();
    expect(await secretStatus(page, 'slackToken').textContent()).toBe('set');
    expect(await everythingOnThePage(page)).not.toContain(SLACK_SECRET);

    // Clear, then save: gone.
    await page.getByRole('button', { name: 'Clear Bot token' }).click();
    expect(await secretStatus(page, 'slackToken').textContent()).toBe('will be cleared on save');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    expect(await secretStatus(page, 'slackToken').textContent()).toBe('not set');
    expect(app.core.settings.secret('slackToken')).toBeUndefined();
  });

  it('shows settings the environment overrides as read-only, with the variable named', async () => {
    const app = await ui.start({ env: { SLACK_API_URL: 'http://127.0.0.1:9/api/', SLACK_TOKEN: 'xoxb-from-env-1234' } });
    const { page } = await ui.open(app, { view: 'settings' });
    const section = page.getByRole('region', { name: 'Slack' });
    const apiUrl = section.getByLabel('API URL');
    await apiUrl.waitFor();

    expect(await apiUrl.inputValue()).toBe('http://127.0.0.1:9/api/');
    expect(await apiUrl.getAttribute('readonly')).not.toBeNull();
    expect(await section.locator('.env-note').first().textContent()).toBe('Set by the environment variable SLACK_API_URL; read-only here.');
    expect(await secretStatus(page, 'slackToken').textContent()).toBe('set by environment (SLACK_TOKEN)');
    expect(await section.getByRole('button', { name: /Clear/ }).count()).toBe(0);
    expect(await everythingOnThePage(page)).not.toContain('xoxb-from-env-1234');
    // What the environment does not set stays editable.
    expect(await section.getByLabel('Digest channel').getAttribute('readonly')).toBeNull();
    expect(await page.getByRole('region', { name: 'PagerDuty' }).getByLabel('API URL').getAttribute('readonly')).toBeNull();
  });

  it('refuses an invalid URL with a clear error and saves nothing', async () => {
    const app = await ui.start();
    const { page } = await ui.open(app, { view: 'settings' });
    const hubUrl = page.getByRole('region', { name: 'Hub' }).getByLabel('URL');
    await hubUrl.waitFor();

    await hubUrl.fill('not a url');
    await page.getByRole('region', { name: 'Slack' }).getByLabel('API URL').fill('https://slack.example.com/');
    await page.getByRole('button', { name: 'Save' }).click();

    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Hub URL: must be an http(s) URL');
    expect(await summary.textContent()).toContain('Slack API URL: must end in /api/');
    expect(await hubUrl.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#setting-hub-url-error').textContent()).toBe('URL: must be an http(s) URL');
    expect(app.core.settings.view().settings.hub.url).toBeUndefined();
    expect(app.core.settings.view().settings.slack.apiUrl).toBe('https://slack.com/api/');

    // Fixed: the error goes and the save goes through.
    await hubUrl.fill('https://incidents.example.com');
    await page.locator('#setting-hub-url-error').waitFor({ state: 'detached' });
    await page.getByRole('region', { name: 'Slack' }).getByLabel('API URL').fill('https://slack.com/api/');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    expect(app.core.settings.view().settings.hub.url).toBe('https://incidents.example.com');
    expect(app.core.snapshot().store).toBe('hub');
  });

  it('pages PagerDuty only for the severities checked, and keeps quiet when asked', async () => {
    const app = await ui.start();
    const { page } = await ui.open(app, { view: 'settings' });
    const sev2 = page.getByRole('checkbox', { name: /SEV2/ });
    await sev2.waitFor();
    expect(await sev2.isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /SEV3/ }).isChecked()).toBe(false);

    await sev2.uncheck();
    await page.getByRole('checkbox', { name: /SEV3/ }).check();
    await page.getByRole('switch', { name: /Quiet/ }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();

    const saved = app.core.settings.view().settings;
    expect(saved.routing.SEV2.page).toBe(false);
    expect(saved.routing.SEV3.page).toBe(true);
    expect(saved.routing.SEV1.page).toBe(true);
    expect(saved.notifications.quiet).toBe(true);
    // What the form does not show is kept as it was.
    expect(saved.cadence.perSeverity.SEV1.firstReminderMinutes).toBe(30);
  });

  it('tests a connection and says what it found', async () => {
    const slack = await startVendorServer((request, response) =>
      request.url === '/api/auth.test' && request.headers.authorization === 'Bearer xoxb-good'
        ? json(response, 200, { ok: true, team: 'Acme', user: 'incident-bot' })
        : json(response, 200, { ok: false, error: 'invalid_auth' }),
    );
    try {
      const app = await ui.start({ env: { SLACK_API_URL: `${slack.url}/api/`, SLACK_TOKEN: 'xoxb-good' } });
      const { page } = await ui.open(app, { view: 'settings' });

      await page.getByRole('button', { name: 'Test Slack connection' }).click();
      await page.getByText('Connected to Acme as incident-bot.').waitFor();
      expect(slack.requests).toHaveLength(1);

      await page.getByRole('button', { name: 'Test PagerDuty connection' }).click();
      await page.getByText('No PagerDuty API token set.').waitFor();
      expect(await page.locator('#check-pagerduty').getAttribute('class')).toContain('is-not-configured');
    } finally {
      await slack.close();
    }
  });

  it('says plainly how secrets are stored when that is weaker than a keychain', async () => {
    const app = await ui.start();
    const { page } = await ui.open(app, { view: 'settings' });
    const warning = page.locator('.secret-storage-warning');
    await warning.waitFor();
    expect(await warning.isVisible()).toBe(true);
    expect(await warning.textContent()).toContain(app.core.settings.view().secretStorageWarning);
  });
});
