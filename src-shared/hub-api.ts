// The wire contract of the shared incident API (DESIGN.md §4). The hub validates requests and its own
// responses with these schemas, the typed client in main validates what it receives with the same
// ones, and the OpenAPI document is generated from them: one source, no drift.
import { z } from 'zod';
import {
  DESCRIPTION_MAX,
  incidentSchema,
  severitySchema,
  statusSchema,
  titleSchema,
} from './domain.js';
import { ERROR_CODES } from './result.js';

export const HUB_API_PREFIX = '/v1';
export const HUB_LIST_LIMIT_MAX = 200;
export const HUB_LIST_LIMIT_DEFAULT = 50;
export const HUB_UPDATE_MESSAGE_MAX = 10_000;
/** Free-text fields that are not the title or the description (service, commander). */
export const HUB_SHORT_TEXT_MAX = 200;
export const IDEMPOTENCY_KEY_MAX = 200;

/** Client-chosen ids (the declare outbox's UUIDv7) end up in URLs: keep them URL-safe. */
export const incidentIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, { error: 'id must be 1-128 characters of A-Z, a-z, 0-9, ".", "_" or "-"' });

/** Names double as Slack channel names (see incident-name.ts), so they follow Slack's rules. */
export const incidentNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,79}$/, { error: 'name must be 1-80 characters of a-z, 0-9, "-" or "_"' });

export const shortText = (field: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `${field} must not be empty` })
    .max(HUB_SHORT_TEXT_MAX, { error: `${field} must be at most ${HUB_SHORT_TEXT_MAX} characters` });
export const descriptionText = z
  .string()
  .trim()
  .max(DESCRIPTION_MAX, { error: `description must be at most ${DESCRIPTION_MAX} characters` });
const linkUrl = z.url({ protocol: /^https?$/, error: 'links must be http(s) URLs' });

export const createIncidentBodySchema = z.strictObject({
  title: titleSchema,
  severity: severitySchema,
  id: incidentIdSchema.optional(),
  name: incidentNameSchema.optional(),
  description: descriptionText.optional(),
  service: shortText('service').optional(),
  commander: shortText('commander').optional(),
  links: z.strictObject({ slack: linkUrl.optional(), pagerduty: linkUrl.optional() }).optional(),
});
export type CreateIncidentBody = z.infer<typeof createIncidentBodySchema>;

/** A merge patch: a field left out stays as it is; `null` clears an optional field. */
export const patchIncidentBodySchema = z
  .strictObject({
    title: titleSchema.optional(),
    severity: severitySchema.optional(),
    status: statusSchema.optional(),
    description: descriptionText.nullable().optional(),
    service: shortText('service').nullable().optional(),
    commander: shortText('commander').nullable().optional(),
    links: z
      .strictObject({ slack: linkUrl.nullable().optional(), pagerduty: linkUrl.nullable().optional() })
      .optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { error: 'a patch must change at least one field' });
export type PatchIncidentBody = z.infer<typeof patchIncidentBodySchema>;

export const postUpdateBodySchema = z.strictObject({
  message: z
    .string({ error: 'message is required' })
    .trim()
    .min(1, { error: 'message must not be empty' })
    .max(HUB_UPDATE_MESSAGE_MAX, { error: `message must be at most ${HUB_UPDATE_MESSAGE_MAX} characters` }),
  status: statusSchema.optional(),
});
export type PostUpdateBody = z.infer<typeof postUpdateBodySchema>;

export const LIST_STATUSES = ['open', 'resolved', 'all'] as const;
export const listStatusSchema = z.enum(LIST_STATUSES, {
  error: (issue) => `status must be one of ${LIST_STATUSES.join(', ')} (got ${JSON.stringify(issue.input)})`,
});
export type ListStatus = z.infer<typeof listStatusSchema>;

/** Query strings arrive as text; `limit` is a decimal integer 1..200. */
export const listIncidentsQuerySchema = z.strictObject({
  status: listStatusSchema.default('open'),
  cursor: z.string().min(1).max(1_000).optional(),
  limit: z
    .string()
    .regex(/^[0-9]{1,3}$/, { error: `limit must be an integer 1..${HUB_LIST_LIMIT_MAX}` })
    .refine((s) => Number(s) >= 1 && Number(s) <= HUB_LIST_LIMIT_MAX, {
      error: `limit must be an integer 1..${HUB_LIST_LIMIT_MAX}`,
    })
    .optional(),
});
export type ListIncidentsQuery = z.infer<typeof listIncidentsQuerySchema>;

export const incidentListSchema = z.strictObject({
  incidents: z.array(incidentSchema),
  nextCursor: z.string().optional(),
});
export type IncidentList = z.infer<typeof incidentListSchema>;

export const TIMELINE_KINDS = [
  'declared',
  'severity_changed',
  'status_changed',
  'commander_changed',
  'edited',
  'update_posted',
  'resolved',
] as const;
export const timelineKindSchema = z.enum(TIMELINE_KINDS);
export type TimelineKind = z.infer<typeof timelineKindSchema>;

export const timelineEntrySchema = z.strictObject({
  id: z.number().int().positive(),
  incidentId: z.string().min(1),
  kind: timelineKindSchema,
  at: z.iso.datetime({ offset: true }),
  actor: z.string().min(1),
  /** The update's text, or a readable summary of the change. */
  message: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const timelineSchema = z.strictObject({ entries: z.array(timelineEntrySchema) });
export type Timeline = z.infer<typeof timelineSchema>;

/** The app's error codes plus the ones only HTTP semantics need, so clients can branch on them. */
export const HUB_ERROR_CODES = [
  ...ERROR_CODES,
  'invalid_json',
  'invalid_cursor',
  'payload_too_large',
  'unsupported_media_type',
  'idempotency_key_required',
  'idempotency_key_reused',
  'idempotency_in_progress',
  'name_taken',
  'precondition_required',
  'precondition_failed',
] as const;
export const hubErrorCodeSchema = z.enum(HUB_ERROR_CODES);
export type HubErrorCode = z.infer<typeof hubErrorCodeSchema>;

export const hubErrorBodySchema = z.strictObject({
  error: z.strictObject({
    code: hubErrorCodeSchema,
    message: z.string(),
    /** On 412: the incident as it is now, so the client can merge and retry without another GET. */
    details: z.strictObject({ current: incidentSchema }).optional(),
  }),
});
export type HubErrorBody = z.infer<typeof hubErrorBodySchema>;

export const healthSchema = z.strictObject({ status: z.literal('ok') });

export const HUB_EVENT_TYPES = [
  'incident.created',
  'incident.updated',
  'incident.update_posted',
  'incident.resolved',
] as const;
export const hubEventTypeSchema = z.enum(HUB_EVENT_TYPES);
export type HubEventType = z.infer<typeof hubEventTypeSchema>;

/** One change as the SSE stream carries it: `id:` the sequence, `event:` the type, `data:` the incident. */
export const hubEventSchema = z.strictObject({
  id: z.number().int().positive(),
  type: hubEventTypeSchema,
  incident: incidentSchema,
});
export type HubEvent = z.infer<typeof hubEventSchema>;

export const HUB_HEADERS = {
  idempotencyKey: 'idempotency-key',
  idempotentReplay: 'idempotent-replayed',
  lastEventId: 'last-event-id',
} as const;
