// Running an incident once it is declared (issue #7): the detail view's data, editing with
// optimistic concurrency, status updates, resolve, and the update cadence that the popover counts
// down. Main computes every time here from the store's record and the settings' cadence rules, so the
// renderer only draws and counts.
import { z } from 'zod';
import { incidentSchema, severitySchema, statusSchema, titleSchema } from './domain.js';
import { withThousands } from './number-text.js';
import { descriptionText, HUB_UPDATE_MESSAGE_MAX, shortText, timelineEntrySchema } from './hub-api.js';

const isoTime = z.iso.datetime({ offset: true });
const incidentIdInput = z.string().min(1).max(128);

/** Where one incident stands against its update cadence, and what I have said about it. */
export const incidentTrackingSchema = z.strictObject({
  incidentId: z.string(),
  /** I command it, or I declared it and nobody commands it: what the "mine" filter shows. */
  mine: z.boolean(),
  /**
   * When the next status update is due: the last update (`lastUpdateAt`, else `createdAt`) plus the
   * severity's first reminder. Absent when the severity has no reminder or the incident is resolved.
   */
  nextUpdateDueAt: isoTime.optional(),
  /** Unresolved longer than the stale limit (settings `cadence.staleAfterDays`): since when. */
  staleSince: isoTime.optional(),
  /** Reminders for this incident wait until then (the countdown still shows overdue). */
  snoozedUntil: isoTime.optional(),
});
export type IncidentTracking = z.infer<typeof incidentTrackingSchema>;

/** The incident whose countdown the popover header and the tray show. */
export const activeIncidentSchema = z.strictObject({
  incidentId: z.string(),
  /** Chosen by hand (pinned) rather than the one I command. */
  pinned: z.boolean(),
});
export type ActiveIncident = z.infer<typeof activeIncidentSchema>;

/** What the detail view shows: the record, the version to edit, and the timeline. */
export const incidentDetailSchema = z.strictObject({
  incident: incidentSchema,
  /** Opaque version tag: send it back with an edit; a stale one gets a conflict, never an overwrite. */
  etag: z.string(),
  timeline: z.array(timelineEntrySchema),
});
export type IncidentDetail = z.infer<typeof incidentDetailSchema>;

export const EDITABLE_FIELDS = ['title', 'severity', 'status', 'commander', 'description'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** The edit form's patch: the editable fields only (links and service belong to the declare). */
export const incidentPatchSchema = z
  .strictObject({
    title: titleSchema.optional(),
    severity: severitySchema.optional(),
    // Resolving is its own command: it also resolves the PagerDuty incident and tells Slack.
    status: statusSchema
      .exclude(['resolved'], { error: 'resolve with Resolve (it also resolves PagerDuty and tells Slack); an edit sets investigating, identified or monitoring' })
      .optional(),
    commander: shortText('commander').nullable().optional(),
    description: descriptionText.nullable().optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { error: 'change at least one field' });
export type IncidentPatch = z.infer<typeof incidentPatchSchema>;

export const incidentEditSchema = z.strictObject({
  id: incidentIdInput,
  etag: z.string().min(1).max(200),
  patch: incidentPatchSchema,
});
export type IncidentEdit = z.infer<typeof incidentEditSchema>;

export const editOutcomeSchema = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('saved'), detail: incidentDetailSchema }),
  /**
   * Someone changed the incident since it was opened: nothing was written. `current` is the incident
   * as it is now, `changed` the fields where it differs from what the editor started from, so the
   * view can show them and offer to re-apply the edit on top (with `current.etag`).
   */
  z.strictObject({
    outcome: z.literal('conflict'),
    current: incidentDetailSchema,
    changed: z.array(z.enum(EDITABLE_FIELDS)),
  }),
]);
export type EditOutcome = z.infer<typeof editOutcomeSchema>;

/** The parts of posting an update or resolving; each is done, failed (with why) or not configured. */
export const ACTION_STEPS = ['hub', 'pagerduty', 'slack.channel', 'slack.digest'] as const;
export const actionStepSchema = z.strictObject({
  step: z.enum(ACTION_STEPS),
  status: z.enum(['done', 'failed', 'skipped', 'not-configured']),
  error: z.string().optional(),
});
export type ActionStep = z.infer<typeof actionStepSchema>;

/**
 * What posting an update or resolving did. The hub step is the record and the cadence: when it
 * failed nothing else was tried. Slack and PagerDuty failures leave the hub change in place and say
 * what to do by hand.
 */
export const actionResultSchema = z.strictObject({
  incident: incidentSchema,
  steps: z.array(actionStepSchema),
});
export type ActionResult = z.infer<typeof actionResultSchema>;

const updateMessage = z
  .string({ error: 'write the update first' })
  .trim()
  .min(1, { error: 'the update must not be empty' })
  .max(HUB_UPDATE_MESSAGE_MAX, { error: `the update must be at most ${withThousands(HUB_UPDATE_MESSAGE_MAX)} characters` });

export const postUpdateInputSchema = z.strictObject({
  id: incidentIdInput,
  message: updateMessage,
  /** A status change that goes with the update (not `resolved`: that is the resolve command). */
  status: statusSchema.exclude(['resolved']).optional(),
});
export type PostUpdateInput = z.infer<typeof postUpdateInputSchema>;

export const resolveInputSchema = z.strictObject({
  id: incidentIdInput,
  /** The closing words posted to the channel; a plain "resolved" line when left out. */
  message: updateMessage.optional(),
});
export type ResolveInput = z.infer<typeof resolveInputSchema>;

/** Pin an incident as the active one (its countdown drives the tray), or unpin with null. */
export const pinInputSchema = z.strictObject({ id: incidentIdInput.nullable() });

/** Holds an incident's update reminders for a while (the countdown keeps running). */
export const SNOOZE_MINUTES = [5, 10, 15, 30, 60] as const;
export const snoozeInputSchema = z.strictObject({
  id: incidentIdInput,
  /** 0 ends a snooze. */
  minutes: z.number().int().min(0).max(24 * 60),
});
