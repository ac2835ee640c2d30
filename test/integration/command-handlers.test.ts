// The command map over a real core: errors come back as the right Result codes, never as throws.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCommandHandlers } from '../../src-main/core/command-handlers.js';
import type { Core } from '../../src-main/core/create-core.js';
import { createNodeCore } from '../../src-main/core/create-node-core.js';
import { SecretStorageUnavailableError, type SecretStore } from '../../src-main/core/ports.js';
import { makeTempHome } from '../support/temp-home.js';

const refusingSecrets: SecretStore = {
  get: () => undefined,
  set: () => {
    throw new SecretStorageUnavailableError('this OS offers only plain-text storage; set SLACK_TOKEN instead');
  },
  delete: () => undefined,
  protection: () => ({ backend: 'none', warning: 'plain text only' }),
};

describe('command handlers', () => {
  let temp: ReturnType<typeof makeTempHome>;
  let core: Core;
  const opened: string[] = [];
  const handlers = () =>
    createCommandHandlers(core, { openExternal: async (url) => void opened.push(url), showWindow: async () => undefined });
  beforeEach(() => {
    temp = makeTempHome();
    core = createNodeCore({ home: temp.home, env: {}, secrets: refusingSecrets });
    opened.length = 0;
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });

  it('a secret store that cannot protect secrets answers unavailable with its reason', async () => {
    const result = await handlers()['settings.save']({ secrets: { slackToken: 'xoxb-1' } });
    expect(result).toEqual({ ok: false, error: { code: 'unavailable', message: 'this OS offers only plain-text storage; set SLACK_TOKEN instead' } });
  });

  it('invalid settings answer invalid_input and keep the file as it was', async () => {
    const view = await handlers()['settings.get'](null);
    if (!view.ok) throw new Error('settings.get failed');
    const bad = { ...view.value.settings, slack: { apiUrl: 'ftp://x/api/' } };
    const result = await handlers()['settings.save']({ settings: bad });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid_input');
    expect(core.settings.stored().slack.apiUrl).toBe('https://slack.com/api/');
  });

  it('opens allowed links and refuses the rest', async () => {
    expect(await handlers()['link.open']({ url: 'https://acme.pagerduty.com/incidents/P1' })).toEqual({ ok: true, value: null });
    expect((await handlers()['link.open']({ url: 'https://example.com' })).ok).toBe(false);
    expect(opened).toEqual(['https://acme.pagerduty.com/incidents/P1']);
  });

  it('a declare with bad input answers invalid_input', async () => {
    const result = await handlers()['incident.declare']({ title: '', severity: 'SEV1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
