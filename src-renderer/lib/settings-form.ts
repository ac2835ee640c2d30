// The settings window's form model: which fields exist, what they are called, which environment
// variable can override each (DESIGN.md §5), and the conversion between the Settings of the
// contract and the strings a form edits.
import { SEVERITIES, type Severity } from '../../src-shared/domain.js';
import {
  SECRET_ENVIRONMENT_VARIABLES,
  SETTING_ENVIRONMENT_VARIABLES as ENV,
  type SecretName,
  type Settings,
} from '../../src-shared/settings.js';
import { cadenceDraftFromSettings, cadenceFromDraft, describeCadencePath, limitMessage, type CadenceDraft } from './settings-cadence-form.js';

export interface TextFieldMeta {
  label: string;
  type: 'text' | 'email' | 'url';
  /** Optional fields may be left empty; the others must hold a value. */
  optional: boolean;
  environment?: string;
  placeholder?: string;
  hint?: string;
}

export const TEXT_FIELDS = {
  'user.email': {
    label: 'Email',
    type: 'email',
    optional: true,
    placeholder: 'you@example.com',
    hint: 'Names you as the declarer and commander.',
  },
  'user.displayName': { label: 'Display name', type: 'text', optional: true, placeholder: 'Ada Lovelace' },
  'slack.apiUrl': { label: 'API URL', type: 'url', optional: false, environment: ENV['slack.apiUrl'] },
  'slack.digestChannel': {
    label: 'Digest channel',
    type: 'text',
    optional: true,
    environment: ENV['slack.digestChannel'],
    placeholder: '#incidents',
    hint: 'Every declare is announced here as well.',
  },
  'pagerduty.apiUrl': { label: 'API URL', type: 'url', optional: false, environment: ENV['pagerduty.apiUrl'] },
  'pagerduty.eventsUrl': {
    label: 'Events URL',
    type: 'url',
    optional: false,
    environment: ENV['pagerduty.eventsUrl'],
    hint: 'Use https://events.eu.pagerduty.com for the EU region.',
  },
  'pagerduty.fromEmail': {
    label: 'From email',
    type: 'email',
    optional: true,
    environment: ENV['pagerduty.fromEmail'],
    placeholder: 'you@example.com',
    hint: 'A PagerDuty user; incidents are created on their behalf.',
  },
  'hub.url': {
    label: 'URL',
    type: 'url',
    optional: true,
    environment: ENV['hub.url'],
    placeholder: 'https://incidents.example.com',
    hint: 'Leave empty to keep incidents in the local store on this computer.',
  },
} as const satisfies Record<string, TextFieldMeta>;

export type TextSettingPath = keyof typeof TEXT_FIELDS;
export const TEXT_SETTING_PATHS = Object.keys(TEXT_FIELDS) as TextSettingPath[];

export interface SecretMeta {
  label: string;
  environment: string;
}

export const SECRET_FIELDS: Record<SecretName, SecretMeta> = {
  slackToken: { label: 'Bot token', environment: SECRET_ENVIRONMENT_VARIABLES.slackToken },
  pagerdutyToken: { label: 'API token', environment: SECRET_ENVIRONMENT_VARIABLES.pagerdutyToken },
  pagerdutyRoutingKey: { label: 'Routing key', environment: SECRET_ENVIRONMENT_VARIABLES.pagerdutyRoutingKey },
  hubToken: { label: 'Token', environment: SECRET_ENVIRONMENT_VARIABLES.hubToken },
};

/** What the form edits: text as typed, the switches, and the update reminders. */
export interface SettingsDraft {
  text: Record<TextSettingPath, string>;
  paging: Record<Severity, boolean>;
  cadence: CadenceDraft;
  quiet: boolean;
}

type Section = Record<string, unknown>;
const split = (path: TextSettingPath) => path.split('.') as [keyof Settings, string];

function readText(settings: Settings, path: TextSettingPath): string {
  const [section, key] = split(path);
  const value = (settings[section] as Section)[key];
  return typeof value === 'string' ? value : '';
}

export function draftFromSettings(settings: Settings): SettingsDraft {
  return {
    text: Object.fromEntries(TEXT_SETTING_PATHS.map((p) => [p, readText(settings, p)])) as Record<TextSettingPath, string>,
    paging: Object.fromEntries(SEVERITIES.map((s) => [s, settings.routing[s].page])) as Record<Severity, boolean>,
    cadence: cadenceDraftFromSettings(settings.cadence),
    quiet: settings.notifications.quiet,
  };
}

/**
 * The draft laid over the settings it was made from (so whatever the form does not show is kept).
 * The result is unvalidated: it goes through settingsSchema next.
 */
export function settingsFromDraft(base: Settings, draft: SettingsDraft): unknown {
  const next = structuredClone(base) as unknown as Record<string, Section>;
  for (const path of TEXT_SETTING_PATHS) {
    const [section, key] = split(path);
    const value = draft.text[path].trim();
    const target = next[section] ?? (next[section] = {});
    if (value === '' && TEXT_FIELDS[path].optional) delete target[key];
    else target[key] = value;
  }
  next.routing = Object.fromEntries(SEVERITIES.map((s) => [s, { page: draft.paging[s] }]));
  next.cadence = cadenceFromDraft(base.cadence, draft.cadence) as Section;
  next.notifications = { ...next.notifications, quiet: draft.quiet };
  return next;
}

const SECTION_TITLES: Record<string, string> = { user: 'You', slack: 'Slack', pagerduty: 'PagerDuty', hub: 'Hub' };

/** "Slack API URL" for "slack.apiUrl": how a problem is named in the summary above the form. */
export function describeSettingPath(path: string): string {
  const cadence = describeCadencePath(path);
  if (cadence) return cadence.label;
  const field = (TEXT_FIELDS as Record<string, TextFieldMeta>)[path];
  const section = SECTION_TITLES[path.split('.')[0] ?? ''];
  return field && section ? `${section} ${field.label}` : path;
}

/**
 * What to say about a setting zod refused. A number of minutes or days gets its range in words
 * ("must be 1 to 1,440 minutes") whatever zod found wrong (empty, 0, 5000, 4.5); elsewhere zod's own
 * message reads well already ("must end in /api/").
 */
export function describeProblem(path: string, zodMessage: string): string {
  const cadence = describeCadencePath(path);
  return cadence ? limitMessage(cadence.limits) : zodMessage;
}
