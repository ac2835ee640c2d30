// "Test connection" in the settings window and `incident-tray doctor`: one cheap authenticated call
// per service, with a deadline, turned into one sentence a person can act on.
import type { ConnectionCheck, ConnectionTarget, Settings } from '../../src-shared/settings.js';
import { withTimeout } from './http-timeout.js';
import type { Http, HttpResponse } from './ports.js';

export interface ConnectionCheckInput {
  settings: Settings;
  secret: (name: 'slackToken' | 'pagerdutyToken' | 'hubToken') => string | undefined;
  http: Http;
}

const describeFailure = (error: unknown): string =>
  error instanceof Error ? (error.name === 'TimeoutError' ? 'timed out' : error.message) : String(error);

async function readJson(response: HttpResponse): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`answered HTTP ${response.status} with something that is not JSON`);
  }
}

async function checkSlack({ settings, secret, http }: ConnectionCheckInput): Promise<ConnectionCheck> {
  const token = secret('slackToken');
  if (!token) return { target: 'slack', state: 'not-configured', message: 'No Slack token set.' };
  const response = await http(
    new URL('auth.test', settings.slack.apiUrl),
    withTimeout({ method: 'POST', headers: { authorization: `Bearer ${token}` } }),
  );
  const body = (await readJson(response)) as { ok?: boolean; error?: string; team?: string; user?: string };
  if (body.ok) return { target: 'slack', state: 'ok', message: `Connected to ${body.team ?? 'Slack'} as ${body.user ?? 'the bot'}.` };
  const fix = body.error === 'invalid_auth' || body.error === 'token_revoked' ? ' Paste a new bot token.' : '';
  return { target: 'slack', state: 'failed', message: `Slack refused the token (${body.error ?? `HTTP ${response.status}`}).${fix}` };
}

async function checkPagerDuty({ settings, secret, http }: ConnectionCheckInput): Promise<ConnectionCheck> {
  const token = secret('pagerdutyToken');
  if (!token) return { target: 'pagerduty', state: 'not-configured', message: 'No PagerDuty API token set.' };
  const response = await http(
    new URL('/abilities', settings.pagerduty.apiUrl),
    withTimeout({ headers: { authorization: `Token token=${token}`, accept: 'application/vnd.pagerduty+json;version=2' } }),
  );
  if (response.ok) return { target: 'pagerduty', state: 'ok', message: 'PagerDuty accepted the token.' };
  const hint = response.status === 401 || response.status === 403 ? ' Create a new API key in PagerDuty.' : '';
  return { target: 'pagerduty', state: 'failed', message: `PagerDuty answered HTTP ${response.status}.${hint}` };
}

async function checkHub({ settings, secret, http }: ConnectionCheckInput): Promise<ConnectionCheck> {
  if (!settings.hub.url) return { target: 'hub', state: 'not-configured', message: 'No hub URL: incidents stay in the local store.' };
  const token = secret('hubToken');
  if (!token) return { target: 'hub', state: 'failed', message: 'A hub URL is set but no hub token: run `incident-tray hub token create --user EMAIL` on the hub.' };
  const response = await http(
    new URL('v1/incidents?status=open&limit=1', settings.hub.url.endsWith('/') ? settings.hub.url : `${settings.hub.url}/`),
    withTimeout({ headers: { authorization: `Bearer ${token}` } }),
  );
  if (response.ok) return { target: 'hub', state: 'ok', message: `Connected to the hub at ${settings.hub.url}.` };
  const hint = response.status === 401 ? ' The hub token is wrong or revoked.' : '';
  return { target: 'hub', state: 'failed', message: `The hub answered HTTP ${response.status}.${hint}` };
}

const CHECKS: Record<ConnectionTarget, (input: ConnectionCheckInput) => Promise<ConnectionCheck>> = {
  slack: checkSlack,
  pagerduty: checkPagerDuty,
  hub: checkHub,
};

export async function checkConnection(target: ConnectionTarget, input: ConnectionCheckInput): Promise<ConnectionCheck> {
  try {
    return await CHECKS[target](input);
  } catch (error) {
    return { target, state: 'failed', message: `Could not reach ${target}: ${describeFailure(error)}.` };
  }
}
