// The "Update reminders" part of the settings form model: the cadence of the contract as the strings
// and switches a form edits, the limits the shared schema sets (so the form's words cannot drift from
// what main accepts), and how each field is named in an error.
import type { z } from 'zod';
import { SEVERITIES, type Severity } from '../../src-shared/domain.js';
import { cadenceRuleSchema, settingsSchema, type Settings } from '../../src-shared/settings.js';

export type CadenceMinutesField = 'firstReminderMinutes' | 'repeatEveryMinutes';

export interface CadenceRuleDraft {
  /** Off saves `firstReminderMinutes: null`; the minutes stay here so that turning it on brings them back. */
  remind: boolean;
  firstReminderMinutes: string;
  repeatEveryMinutes: string;
}

export interface CadenceDraft {
  perSeverity: Record<Severity, CadenceRuleDraft>;
  staleAfterDays: string;
}

export interface NumberLimits {
  min: number;
  max: number;
  unit: 'minutes' | 'days';
}

function limitsOf(schema: z.ZodNumber, unit: NumberLimits['unit']): NumberLimits {
  const { minValue: min, maxValue: max } = schema;
  if (min === null || max === null) throw new Error(`The settings schema sets no range for ${unit}`);
  return { min, max, unit };
}

export const CADENCE_LIMITS: Record<CadenceMinutesField | 'staleAfterDays', NumberLimits> = {
  firstReminderMinutes: limitsOf(cadenceRuleSchema.shape.firstReminderMinutes.unwrap(), 'minutes'),
  repeatEveryMinutes: limitsOf(cadenceRuleSchema.shape.repeatEveryMinutes, 'minutes'),
  staleAfterDays: limitsOf(settingsSchema.shape.cadence.shape.staleAfterDays, 'days'),
};

/** "must be 1 to 1,440 minutes": one message for empty, zero, too large and not a number alike. */
export const limitMessage = ({ min, max, unit }: NumberLimits) =>
  `must be ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')} ${unit}`;

export const CADENCE_FIELD_LABELS: Record<CadenceMinutesField, string> = {
  firstReminderMinutes: 'first reminder after',
  repeatEveryMinutes: 'then every',
};
/** The column headings, which also name a field in its own inline error (the row says the severity). */
export const CADENCE_FIELD_HEADINGS: Record<CadenceMinutesField, string> = {
  firstReminderMinutes: 'First reminder',
  repeatEveryMinutes: 'Then every',
};
export const STALE_LABEL = 'Stale reminder after';

export const cadencePath = (severity: Severity, field: CadenceMinutesField) => `cadence.perSeverity.${severity}.${field}`;
export const STALE_PATH = 'cadence.staleAfterDays';

/** "SEV3 first reminder after" for its path, with its limits; undefined for a path outside the cadence. */
export function describeCadencePath(path: string): { label: string; limits: NumberLimits } | undefined {
  if (path === STALE_PATH) return { label: STALE_LABEL, limits: CADENCE_LIMITS.staleAfterDays };
  const match = /^cadence\.perSeverity\.(SEV[1-5])\.(firstReminderMinutes|repeatEveryMinutes)$/.exec(path);
  if (!match) return undefined;
  const [, severity, field] = match as unknown as [string, Severity, CadenceMinutesField];
  return { label: `${severity} ${CADENCE_FIELD_LABELS[field]}`, limits: CADENCE_LIMITS[field] };
}

export function cadenceDraftFromSettings(cadence: Settings['cadence']): CadenceDraft {
  const perSeverity = Object.fromEntries(
    SEVERITIES.map((severity) => {
      const rule = cadence.perSeverity[severity];
      // A severity without a reminder has no first-reminder minutes to show; its repeat interval is the
      // least surprising start when someone turns it on (SEV3 by default: after 60, then every 60).
      const first = rule.firstReminderMinutes ?? rule.repeatEveryMinutes;
      return [
        severity,
        { remind: rule.firstReminderMinutes !== null, firstReminderMinutes: String(first), repeatEveryMinutes: String(rule.repeatEveryMinutes) },
      ];
    }),
  ) as Record<Severity, CadenceRuleDraft>;
  return { perSeverity, staleAfterDays: String(cadence.staleAfterDays) };
}

/** "" stays undefined (zod then names the field as missing); anything else is what Number makes of it. */
const toNumber = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim()));

/**
 * The cadence the draft describes, unvalidated (settingsSchema checks it next). A severity switched
 * off hides its minutes, so a bad "then every" left there must not block the save without being
 * seen: it falls back to the saved interval.
 */
export function cadenceFromDraft(base: Settings['cadence'], draft: CadenceDraft): unknown {
  const perSeverity = Object.fromEntries(
    SEVERITIES.map((severity) => {
      const rule = draft.perSeverity[severity];
      const repeat = toNumber(rule.repeatEveryMinutes);
      const repeatIsValid = cadenceRuleSchema.shape.repeatEveryMinutes.safeParse(repeat).success;
      return [
        severity,
        {
          firstReminderMinutes: rule.remind ? toNumber(rule.firstReminderMinutes) : null,
          repeatEveryMinutes: rule.remind || repeatIsValid ? repeat : base.perSeverity[severity].repeatEveryMinutes,
        },
      ];
    }),
  );
  return { perSeverity, staleAfterDays: toNumber(draft.staleAfterDays) };
}
