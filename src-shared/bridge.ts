// The typed bridge between renderer and main (DESIGN.md §2). One map of schemas serves both
// implementations — Electron IPC (preload + src-main/electron/ipc.ts) and the HTTP/WebSocket harness of
// `incident-tray ui` — so that a payload is validated the same way whichever way it travels.
import { z } from 'zod';
import {
  declareProgressSchema,
  declareRequestSchema,
  incidentSchema,
  serviceSearchResultSchema,
} from './domain.js';
import {
  actionResultSchema,
  activeIncidentSchema,
  editOutcomeSchema,
  incidentDetailSchema,
  incidentEditSchema,
  incidentTrackingSchema,
  pinInputSchema,
  postUpdateInputSchema,
  resolveInputSchema,
  snoozeInputSchema,
} from './incident-actions.js';
import type { Result } from './result.js';
import {
  connectionCheckSchema,
  connectionTargetSchema,
  settingsPatchSchema,
  settingsViewSchema,
} from './settings.js';
import type { EVENT_NAMES} from './bridge-channels.js';
import { COMMAND_NAMES, type CommandName, type EventName } from './bridge-channels.js';

export const VIEWS = ['popover', 'declare', 'settings'] as const;
export const viewSchema = z.enum(VIEWS);
export type View = z.infer<typeof viewSchema>;

const isoTime = z.iso.datetime({ offset: true });

/** A PagerDuty incident assigned to me, as the popover shows it (and can acknowledge or resolve). */
export const myPageSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  status: z.enum(['triggered', 'acknowledged']),
  urgency: z.string().optional(),
  url: z.string(),
  service: z.string().optional(),
  createdAt: isoTime,
});
export type MyPage = z.infer<typeof myPageSchema>;

/** A service whose token stopped working, and the fix, in words (tray attention state). */
export const serviceProblemSchema = z.strictObject({
  service: z.enum(['slack', 'pagerduty', 'hub']),
  message: z.string(),
});
export type ServiceProblem = z.infer<typeof serviceProblemSchema>;

/** What the watchers know (issue #6): on call, my pages, broken tokens, what waited while quiet. */
export const watchStateSchema = z.strictObject({
  onCall: z
    .strictObject({ now: z.boolean(), until: isoTime.optional(), next: z.strictObject({ start: isoTime, end: isoTime }).optional() })
    .optional(),
  pages: z.array(myPageSchema),
  problems: z.array(serviceProblemSchema),
  heldWhileQuiet: z.number().int().min(0),
});
export type WatchState = z.infer<typeof watchStateSchema>;

/** Everything the renderer draws comes from this snapshot, pushed by main whenever it changes. */
export const appSnapshotSchema = z.strictObject({
  incidents: z.array(incidentSchema),
  /** One entry per open incident: its update countdown, stale state, snooze and whether it is mine. */
  tracking: z.array(incidentTrackingSchema),
  /** The incident whose countdown the header and the tray show: pinned, else the one I command. */
  active: activeIncidentSchema.optional(),
  /** Where incidents are kept: the team hub or the embedded local store. */
  store: z.enum(['hub', 'local']),
  configured: z.strictObject({ slack: z.boolean(), pagerduty: z.boolean(), hub: z.boolean() }),
  /** Declares whose steps are not all finished (the outbox). */
  pendingDeclares: z.number().int().min(0),
  /** The unfinished declares themselves, oldest first, for "2 declares waiting for network". */
  outbox: z.array(declareProgressSchema),
  me: z.strictObject({ email: z.string().optional(), displayName: z.string().optional() }),
  /** Present where watchers run (the app, `watch`); absent in a plain CLI run. */
  watch: watchStateSchema.optional(),
  generatedAt: z.iso.datetime({ offset: true }),
});
export type AppSnapshot = z.infer<typeof appSnapshotSchema>;

const noInput = z.null();

export const commandSchemas = {
  'snapshot.get': { input: noInput, output: appSnapshotSchema },
  /** Answers once the intent is in the outbox (steps pending); progress follows as `declare.progress`. */
  'incident.declare': { input: declareRequestSchema, output: declareProgressSchema },
  /** Runs a declare's unfinished steps now; answers with its state when the run has started. */
  'declare.retry': { input: z.strictObject({ id: z.string().min(1).max(128) }), output: declareProgressSchema },
  'declare.get': { input: z.strictObject({ id: z.string().min(1).max(128) }), output: declareProgressSchema },
  'services.search': { input: z.strictObject({ query: z.string().max(200) }), output: serviceSearchResultSchema },
  /** Acknowledge or resolve a PagerDuty incident assigned to me; the snapshot's `watch.pages` follows. */
  'page.act': { input: z.strictObject({ id: z.string().min(1).max(64), action: z.enum(['acknowledge', 'resolve']) }), output: z.null() },
  /** The record with its version and timeline, read fresh from the store. */
  'incident.get': { input: z.strictObject({ id: z.string().min(1).max(128) }), output: incidentDetailSchema },
  /** Saves an edit made on version `etag`; a stale version answers a conflict and writes nothing. */
  'incident.edit': { input: incidentEditSchema, output: editOutcomeSchema },
  /** Hub update (resets the cadence), then a post in the incident's channel and the digest. */
  'incident.postUpdate': { input: postUpdateInputSchema, output: actionResultSchema },
  /** Hub status resolved, PagerDuty resolve of the incident the declare opened, Slack posts. */
  'incident.resolve': { input: resolveInputSchema, output: actionResultSchema },
  'incident.pin': { input: pinInputSchema, output: z.null() },
  'incident.snooze': { input: snoozeInputSchema, output: z.null() },
  'settings.get': { input: noInput, output: settingsViewSchema },
  'settings.save': { input: settingsPatchSchema, output: settingsViewSchema },
  'settings.testConnection': {
    input: z.strictObject({ target: connectionTargetSchema }),
    output: connectionCheckSchema,
  },
  'link.open': { input: z.strictObject({ url: z.string().max(2048) }), output: z.null() },
  /** Opens (or focuses) a view's window; with `incidentId`, the popover drilled into that incident. */
  'window.show': { input: z.strictObject({ view: viewSchema, incidentId: z.string().min(1).max(128).optional() }), output: z.null() },
} as const satisfies Record<CommandName, { input: z.ZodType; output: z.ZodType }>;

export const eventSchemas = {
  'snapshot.changed': appSnapshotSchema,
  'declare.progress': declareProgressSchema,
} as const satisfies Record<EventName, z.ZodType>;

export type CommandInput<K extends CommandName> = z.input<(typeof commandSchemas)[K]['input']>;
export type CommandOutput<K extends CommandName> = z.output<(typeof commandSchemas)[K]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof eventSchemas)[E]>;

/** Main's side: a handler for every command. A missing one is a compile error where a map is typed so. */
export type CommandHandlers = {
  [K in CommandName]: (input: z.output<(typeof commandSchemas)[K]['input']>) => Promise<Result<CommandOutput<K>>>;
};

/** The renderer's side: what `window.incidentTray` (or the harness bridge) offers. */
export interface IncidentTrayBridge {
  invoke<K extends CommandName>(command: K, input: CommandInput<K>): Promise<Result<CommandOutput<K>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

// Type-level proof that the dependency-free name lists and the schema maps agree both ways.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const commandNamesMatch: Exact<keyof typeof commandSchemas, (typeof COMMAND_NAMES)[number]> = true;
const eventNamesMatch: Exact<keyof typeof eventSchemas, (typeof EVENT_NAMES)[number]> = true;
void commandNamesMatch;
void eventNamesMatch;

/** Validates a command name that arrived from outside (an IPC channel or an HTTP path). */
export function isCommandName(value: string): value is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(value);
}
