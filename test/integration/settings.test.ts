import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src-shared/settings.js';
import { createFileSecretStore } from '../../src-main/core/settings/file-secret-store.js';
import { createNodeSettingsFile } from '../../src-main/core/settings/node-settings-file.js';
import { SettingsService } from '../../src-main/core/settings/settings-service.js';
import { makeTempHome } from '../support/temp-home.js';

describe('settings service', () => {
  let temp: ReturnType<typeof makeTempHome>;
  const service = (env: NodeJS.ProcessEnv = {}) =>
    new SettingsService(createNodeSettingsFile(temp.home), createFileSecretStore(temp.home), env);
  beforeEach(() => {
    temp = makeTempHome();
  });
  afterEach(() => temp.cleanup());

  it('starts from the defaults of the design (SEV1/SEV2 page, 30 then 25 minutes, stale after 7 days)', () => {
    const s = service().effective();
    expect(s).toEqual(DEFAULT_SETTINGS);
    expect(s.routing.SEV1.page && s.routing.SEV2.page && !s.routing.SEV3.page).toBe(true);
    expect(s.cadence.perSeverity.SEV1).toEqual({ firstReminderMinutes: 30, repeatEveryMinutes: 25 });
    expect(s.cadence.staleAfterDays).toBe(7);
  });

  it('saves to the settings file and reads it back', () => {
    const settings = { ...DEFAULT_SETTINGS, user: { email: 'ana@example.com' } };
    service().save({ settings });
    expect(service().stored().user.email).toBe('ana@example.com');
  });

  it('refuses an invalid save with a readable message and keeps the old file', () => {
    service().save({ settings: { ...DEFAULT_SETTINGS, user: { email: 'ana@example.com' } } });
    expect(() => service().save({ settings: { ...DEFAULT_SETTINGS, slack: { apiUrl: 'https://slack.com/api' } } })).toThrow(/slack.apiUrl: must end in \/api\//);
    expect(service().stored().user.email).toBe('ana@example.com');
  });

  it('lets environment variables override the file and says which ones did', () => {
    const view = service({ SLACK_API_URL: 'http://127.0.0.1:9/api/', HUB_URL: 'https://hub.example.com', SLACK_TOKEN: 'xoxb-env' }).view();
    expect(view.settings.slack.apiUrl).toBe('http://127.0.0.1:9/api/');
    expect(view.environmentOverrides.sort()).toEqual(['hub.url', 'slack.apiUrl']);
    expect(view.secrets.slackToken).toEqual({ set: true, fromEnvironment: true });
  });

  it('saving from a window that shows environment values keeps them out of the file', () => {
    const env = { SLACK_API_URL: 'http://127.0.0.1:9/api/' };
    const s = service(env);
    s.save({ settings: { ...DEFAULT_SETTINGS, hub: { url: 'https://hub.example.com' } } });
    const view = s.view();
    s.save({ settings: { ...view.settings, user: { email: 'ana@example.com' } } });
    const file = createNodeSettingsFile(temp.home).read() as { slack: { apiUrl: string }; user: { email: string } };
    expect(file.slack.apiUrl).toBe('https://slack.com/api/');
    expect(file.user.email).toBe('ana@example.com');
    expect(service(env).effective().slack.apiUrl).toBe('http://127.0.0.1:9/api/');
    expect(service({}).effective().slack.apiUrl).toBe('https://slack.com/api/');
  });

  it('an overridden optional field that the file never had stays absent from the file', () => {
    const s = service({ HUB_URL: 'https://hub.example.com' });
    s.save({ settings: s.view().settings });
    expect((createNodeSettingsFile(temp.home).read() as { hub: { url?: string } }).hub.url).toBeUndefined();
  });

  it('never puts a secret value into the view the renderer gets', () => {
    const s = service();
    s.save({ secrets: { pagerdutyToken: 'pd-super-secret' } });
    const view = s.view();
    expect(JSON.stringify(view)).not.toContain('pd-super-secret');
    expect(view.secrets.pagerdutyToken).toEqual({ set: true, fromEnvironment: false });
    expect(s.secret('pagerdutyToken')).toBe('pd-super-secret');
    s.save({ secrets: { pagerdutyToken: null } });
    expect(s.secret('pagerdutyToken')).toBeUndefined();
  });

  it('keeps the plain secrets file owner-only and warns about it', () => {
    const s = service();
    s.save({ secrets: { hubToken: 'it_token_value_123456' } });
    const file = join(temp.home, 'secrets.json');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('hubToken');
    expect(s.view().secretStorageWarning).toMatch(/unencrypted/);
  });

  it('falls back to defaults when the settings file is garbage, and says so', () => {
    const file = createNodeSettingsFile(temp.home);
    writeFileSync(file.path, JSON.stringify({ settings: { routing: 'nonsense' } }));
    const s = service();
    expect(s.stored()).toEqual(DEFAULT_SETTINGS);
    expect(s.view().secretStorageWarning).toMatch(/settings file .* is invalid/);
  });

  it('refuses an invalid environment value with the variable in the message', () => {
    expect(() => service({ HUB_URL: 'not a url' }).effective()).toThrow(/hub.url/);
  });
});
