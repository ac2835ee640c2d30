import { afterEach, describe, expect, it } from 'vitest';
import { nodeHttp } from '../../src-main/core/node-http.js';
import { checkConnection } from '../../src-main/core/connection-check.js';
import { DEFAULT_SETTINGS, type Settings } from '../../src-shared/settings.js';
import { json, startVendorServer } from '../fakes/vendor-server.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const settingsFor = (url: string): Settings => ({
  ...DEFAULT_SETTINGS,
  slack: { apiUrl: `${url}/api/` },
  pagerduty: { apiUrl: url, eventsUrl: url },
  hub: { url },
});
const secrets = (values: Record<string, string>) => (name: string) => values[name];

describe('connection checks against real local servers', () => {
  it('Slack: ok names the team; a revoked token says what to do', async () => {
    let answer: unknown = { ok: true, team: 'Acme', user: 'incident-bot' };
    const server = await startVendorServer((_req, res) => json(res, 200, answer));
    close = server.close;
    const input = { settings: settingsFor(server.url), secret: secrets({ slackToken: 'xoxb-1' }), http: nodeHttp };
    expect(await checkConnection('slack', input)).toEqual({ target: 'slack', state: 'ok', message: 'Connected to Acme as incident-bot.' });
    expect(server.requests[0]).toMatchObject({ method: 'POST', url: '/api/auth.test' });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer xoxb-1');
    answer = { ok: false, error: 'token_revoked' };
    const revoked = await checkConnection('slack', input);
    expect(revoked.state).toBe('failed');
    expect(revoked.message).toBe('Slack refused the token (token_revoked). Paste a new bot token.');
  });

  it('garbage JSON is a clear failure, not a crash', async () => {
    const server = await startVendorServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('<html>proxy error</html>');
    });
    close = server.close;
    const result = await checkConnection('slack', { settings: settingsFor(server.url), secret: secrets({ slackToken: 'x' }), http: nodeHttp });
    expect(result).toMatchObject({ state: 'failed' });
    expect(result.message).toContain('not JSON');
  });

  it('PagerDuty 401 names the fix; the token goes in the PagerDuty header form', async () => {
    const server = await startVendorServer((_req, res) => json(res, 401, { error: { message: 'Unauthorized' } }));
    close = server.close;
    const result = await checkConnection('pagerduty', { settings: settingsFor(server.url), secret: secrets({ pagerdutyToken: 'pd' }), http: nodeHttp });
    expect(result).toEqual({ target: 'pagerduty', state: 'failed', message: 'PagerDuty answered HTTP 401. Create a new API key in PagerDuty.' });
    expect(server.requests[0]?.headers.authorization).toBe('Token token=pd');
  });

  it('a hub that is down is a clear failure', async () => {
    const server = await startVendorServer((_req, res) => json(res, 200, {}));
    const url = server.url;
    await server.close();
    const result = await checkConnection('hub', { settings: settingsFor(url), secret: secrets({ hubToken: 'it_x' }), http: nodeHttp });
    expect(result.state).toBe('failed');
    expect(result.message).toMatch(/^Could not reach hub/);
  });

  it('not configured is not a failure', async () => {
    const result = await checkConnection('pagerduty', { settings: DEFAULT_SETTINGS, secret: secrets({}), http: nodeHttp });
    expect(result.state).toBe('not-configured');
  });
});
