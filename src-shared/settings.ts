// Settings of DESIGN.md §5. Secrets (tokens, routing key) are NOT part of Settings: they live in the
// SecretStore of main and the renderer only ever learns whether each one is set.
import { z } from 'zod';
import { SEVERITIES, type Severity } from './domain.js';

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

export const severityRoutingSchema = z.strictObject({
  /** Page PagerDuty for this severity (Slack always runs when configured). */
  page: z.boolean(),
});

export const cadenceRuleSchema = z.strictObject({
  /** Minutes after the last update until the first reminder; null: no reminder for this severity. */
  firstReminderMinutes: z.number().int().min(1).max(24 * 60).nullable(),
  repeatEveryMinutes: z.number().int().min(1).max(24 * 60),
});
export type CadenceRule = z.infer<typeof cadenceRuleSchema>;

const perSeverity = <T extends z.ZodType>(schema: T) =>
  z.strictObject(Object.fromEntries(SEVERITIES.map((s) => [s, schema])) as Record<Severity, T>);

export const settingsSchema = z.strictObject({
  user: z.strictObject({
    email: z.email().optional(),
    displayName: z.string().trim().max(100).optional(),
  }),
  slack: z.strictObject({
    apiUrl: httpUrl.refine((u) => u.endsWith('/api/'), { error: 'must end in /api/' }),
    digestChannel: z.string().trim().max(80).optional(),
  }),
  pagerduty: z.strictObject({
    apiUrl: httpUrl,
    eventsUrl: httpUrl,
    fromEmail: z.email().optional(),
  }),
  hub: z.strictObject({
    /** Empty: the embedded local store is used. */
    url: httpUrl.optional(),
  }),
  routing: perSeverity(severityRoutingSchema),
  cadence: z.strictObject({
    perSeverity: perSeverity(cadenceRuleSchema),
    staleAfterDays: z.number().int().min(1).max(365),
  }),
  notifications: z.strictObject({ quiet: z.boolean() }),
  declareShortcut: z.string().max(60),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  user: {},
  slack: { apiUrl: 'https://slack.com/api/' },
  pagerduty: { apiUrl: 'https://api.pagerduty.com', eventsUrl: 'https://events.pagerduty.com' },
  hub: {},
  routing: {
    SEV1: { page: true },
    SEV2: { page: true },
    SEV3: { page: false },
    SEV4: { page: false },
    SEV5: { page: false },
  },
  cadence: {
    perSeverity: {
      SEV1: { firstReminderMinutes: 30, repeatEveryMinutes: 25 },
      SEV2: { firstReminderMinutes: 30, repeatEveryMinutes: 25 },
      SEV3: { firstReminderMinutes: null, repeatEveryMinutes: 60 },
      SEV4: { firstReminderMinutes: null, repeatEveryMinutes: 120 },
      SEV5: { firstReminderMinutes: null, repeatEveryMinutes: 240 },
    },
    staleAfterDays: 7,
  },
  notifications: { quiet: false },
  declareShortcut: 'CommandOrControl+Shift+I',
};

export const SECRET_NAMES = ['slackToken', 'pagerdutyToken', 'pagerdutyRoutingKey', 'hubToken'] as const;
export const secretNameSchema = z.enum(SECRET_NAMES);
export type SecretName = z.infer<typeof secretNameSchema>;

/** Where a value came from, so the settings window can say "set by SLACK_TOKEN" and not offer an edit. */
export const settingSourceSchema = z.enum(['default', 'file', 'environment']);

/** What the renderer may see of the settings: everything but the secret values themselves. */
export const settingsViewSchema = z.strictObject({
  settings: settingsSchema,
  secrets: z.strictObject(
    Object.fromEntries(
      SECRET_NAMES.map((n) => [n, z.strictObject({ set: z.boolean(), fromEnvironment: z.boolean() })]),
    ) as Record<SecretName, z.ZodObject<{ set: z.ZodBoolean; fromEnvironment: z.ZodBoolean }>>,
  ),
  /** Setting paths (e.g. "slack.apiUrl") that an environment variable overrides. */
  environmentOverrides: z.array(z.string()),
  /** Honest word on how secrets are kept, e.g. a plain-text OS backend. */
  secretStorageWarning: z.string().optional(),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

/**
 * A change from the settings window. Secrets are write-only: a string sets one, null clears it,
 * absent leaves it alone.
 */
export const settingsPatchSchema = z.strictObject({
  settings: settingsSchema.optional(),
  secrets: z
    .strictObject(
      Object.fromEntries(SECRET_NAMES.map((n) => [n, z.string().trim().min(1).max(4096).nullable().optional()])) as Record<
        SecretName,
        z.ZodOptional<z.ZodNullable<z.ZodString>>
      >,
    )
    .optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const CONNECTION_TARGETS = ['slack', 'pagerduty', 'hub'] as const;
export const connectionTargetSchema = z.enum(CONNECTION_TARGETS);
export type ConnectionTarget = z.infer<typeof connectionTargetSchema>;

export const connectionCheckSchema = z.strictObject({
  target: connectionTargetSchema,
  state: z.enum(['ok', 'failed', 'not-configured']),
  message: z.string(),
});
export type ConnectionCheck = z.infer<typeof connectionCheckSchema>;

/** Setting paths that an environment variable can set (DESIGN.md §5), with the variable's name. */
export const SETTING_ENVIRONMENT_VARIABLES = {
  'slack.apiUrl': 'SLACK_API_URL',
  'slack.digestChannel': 'SLACK_DIGEST_CHANNEL',
  'pagerduty.apiUrl': 'PAGERDUTY_API_URL',
  'pagerduty.eventsUrl': 'PAGERDUTY_EVENTS_URL',
  'pagerduty.fromEmail': 'PAGERDUTY_FROM_EMAIL',
  'hub.url': 'HUB_URL',
} as const;
export type EnvironmentSettingPath = keyof typeof SETTING_ENVIRONMENT_VARIABLES;

/** The environment variable that can supply each secret. */
export const SECRET_ENVIRONMENT_VARIABLES: Record<SecretName, string> = {
  slackToken: 'SLACK_TOKEN',
  pagerdutyToken: 'PAGERDUTY_TOKEN',
  pagerdutyRoutingKey: 'PAGERDUTY_ROUTING_KEY',
  hubToken: 'HUB_TOKEN',
};
