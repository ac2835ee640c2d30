// Domain types of incident-tray, shared by main, renderer and hub.
// Zod schemas are the single source: every type here is inferred from a schema so that the
// runtime validation at a boundary and the compile-time contract can never drift apart.
import { z } from 'zod';

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5'] as const;
export const severitySchema = z.enum(SEVERITIES, {
  error: (issue) =>
    issue.input === undefined
      ? `choose a severity: ${SEVERITIES.join(', ')}`
      : `severity must be one of ${SEVERITIES.join(', ')} (got ${JSON.stringify(issue.input)})`,
});
export type Severity = z.infer<typeof severitySchema>;

/**
 * Most severe first (SEV1 before SEV2). By rank, not localeCompare: a locale comparison starts ICU,
 * about 3.5 MB of RSS in a core that otherwise never needs it (bench:watch).
 */
export const bySeverity = (a: { severity: Severity }, b: { severity: Severity }): number => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);

/** One line a declarer reads before picking a severity. */
export const SEVERITY_MEANINGS: Record<Severity, string> = {
  SEV1: 'Critical: customers broadly affected, all hands now',
  SEV2: 'Major: a core feature down or degraded for many',
  SEV3: 'Minor: partial degradation, a workaround exists',
  SEV4: 'Low: small impact, handle in working hours',
  SEV5: 'Cosmetic or internal: track it, no urgency',
};

export const STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export const statusSchema = z.enum(STATUSES);
export type IncidentStatus = z.infer<typeof statusSchema>;

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 10_000;

const isoTime = z.iso.datetime({ offset: true });

export const incidentLinksSchema = z.strictObject({
  slack: z.url().optional(),
  pagerduty: z.url().optional(),
});
export type IncidentLinks = z.infer<typeof incidentLinksSchema>;

/** The incident record of DESIGN.md §4, as the hub and the local store hold it. */
export const incidentSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  title: z.string().min(1).max(TITLE_MAX),
  severity: severitySchema,
  status: statusSchema,
  description: z.string().max(DESCRIPTION_MAX).optional(),
  service: z.string().optional(),
  commander: z.string().optional(),
  declaredBy: z.string().min(1),
  createdAt: isoTime,
  updatedAt: isoTime,
  lastUpdateAt: isoTime.optional(),
  links: incidentLinksSchema,
});
export type Incident = z.infer<typeof incidentSchema>;

/** A title a person typed: trimmed, not empty, bounded. Unicode is welcome. */
export const titleSchema = z
  .string({ error: 'title is required' })
  .trim()
  .min(1, { error: 'title must not be empty' })
  .max(TITLE_MAX, { error: `title must be at most ${TITLE_MAX} characters` });

/** What the declare form (or `incident-tray declare`) submits. */
export const declareRequestSchema = z.strictObject({
  title: titleSchema,
  severity: severitySchema,
  service: z.string().trim().min(1).max(200).optional(),
  description: z
    .string()
    .trim()
    .max(DESCRIPTION_MAX, { error: `description must be at most ${DESCRIPTION_MAX} characters` })
    .optional(),
});
export type DeclareRequest = z.infer<typeof declareRequestSchema>;

export const DECLARE_STEPS = ['slack.channel', 'slack.headline', 'slack.digest', 'pagerduty', 'hub'] as const;
export const declareStepNameSchema = z.enum(DECLARE_STEPS);
export type DeclareStepName = z.infer<typeof declareStepNameSchema>;

export const STEP_STATUSES = ['pending', 'running', 'done', 'failed', 'skipped', 'not-configured'] as const;
export const stepStatusSchema = z.enum(STEP_STATUSES);
export type StepStatus = z.infer<typeof stepStatusSchema>;

export const declareStepStateSchema = z.strictObject({
  step: declareStepNameSchema,
  status: stepStatusSchema,
  url: z.url().optional(),
  error: z.string().optional(),
  /** What to do by hand while the step cannot be done (e.g. "create #inc-… in Slack"). */
  manualFallback: z.string().optional(),
  /** Calls tried for this step so far, across restarts. */
  attempts: z.number().int().min(0).optional(),
  /** The failure is the network's (offline, timeout, 5xx, 429): the outbox retries it by itself. */
  waitingForNetwork: z.boolean().optional(),
});
export type DeclareStepState = z.infer<typeof declareStepStateSchema>;

/** The `--json` result of `incident-tray declare` (DESIGN.md §5), also what the declare window shows. */
export const declareResultSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  steps: z.array(declareStepStateSchema),
});
export type DeclareResult = z.infer<typeof declareResultSchema>;

/** Step statuses after which nothing is left to do for the step. */
export const SETTLED_STEP_STATUSES: readonly StepStatus[] = ['done', 'skipped', 'not-configured'];

/**
 * A declare as the outbox holds it, live: what the declare window and the popover's outbox line show,
 * pushed as `declare.progress` on every step change.
 */
export const declareProgressSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  severity: severitySchema,
  service: z.string().optional(),
  createdAt: isoTime,
  steps: z.array(declareStepStateSchema),
  /** Every step is done, skipped or not configured. */
  finished: z.boolean(),
  /** Steps are being worked on right now (in this process). */
  running: z.boolean(),
});
export type DeclareProgress = z.infer<typeof declareProgressSchema>;

/** A PagerDuty service as the declare form's picker offers it. */
export const serviceOptionSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  summary: z.string().optional(),
});
export type ServiceOption = z.infer<typeof serviceOptionSchema>;

export const serviceSearchResultSchema = z.strictObject({
  services: z.array(serviceOptionSchema),
  /** When the list was fetched from PagerDuty (the picker is fed from a cache). */
  fetchedAt: isoTime.optional(),
  /** PagerDuty could not be asked; the list is the cached one, or empty. */
  error: z.string().optional(),
  configured: z.boolean(),
});
export type ServiceSearchResult = z.infer<typeof serviceSearchResultSchema>;
