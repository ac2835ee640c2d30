// Environment variables of DESIGN.md §5 override the settings file (and the secret store) so that a
// team can configure the CLI or a packaged app from its own secret manager.
import type { SecretName, Settings } from '../../../src-shared/settings.js';

type SettingPath = 'slack.apiUrl' | 'slack.digestChannel' | 'pagerduty.apiUrl' | 'pagerduty.eventsUrl' | 'pagerduty.fromEmail' | 'hub.url';

export const SETTING_VARIABLES: Record<string, SettingPath> = {
  SLACK_API_URL: 'slack.apiUrl',
  SLACK_DIGEST_CHANNEL: 'slack.digestChannel',
  PAGERDUTY_API_URL: 'pagerduty.apiUrl',
  PAGERDUTY_EVENTS_URL: 'pagerduty.eventsUrl',
  PAGERDUTY_FROM_EMAIL: 'pagerduty.fromEmail',
  HUB_URL: 'hub.url',
};

export const SECRET_VARIABLES: Record<string, SecretName> = {
  SLACK_TOKEN: 'slackToken',
  PAGERDUTY_TOKEN: 'pagerdutyToken',
  PAGERDUTY_ROUTING_KEY: 'pagerdutyRoutingKey',
  HUB_TOKEN: 'hubToken',
};

/** Settings with environment values laid over them, and the paths that were overridden. */
export function applyEnvironment(settings: Settings, env: NodeJS.ProcessEnv): { settings: Settings; overridden: string[] } {
  const next: Settings = structuredClone(settings);
  const overridden: string[] = [];
  for (const [variable, path] of Object.entries(SETTING_VARIABLES)) {
    const value = env[variable]?.trim();
    if (!value) continue;
    const [section, key] = path.split('.') as [keyof Settings, string];
    (next[section] as Record<string, unknown>)[key] = value;
    overridden.push(path);
  }
  return { settings: next, overridden };
}

export function secretFromEnvironment(name: SecretName, env: NodeJS.ProcessEnv): string | undefined {
  const variable = Object.entries(SECRET_VARIABLES).find(([, n]) => n === name)?.[0];
  const value = variable ? env[variable]?.trim() : undefined;
  return value ? value : undefined;
}
