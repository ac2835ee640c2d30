// What the watchers (PagerDuty, hub) report: one event a person may need to hear about. The
// notification center decides whether, when and how (ledger, quiet hours, grouping).
export const NOTIFICATION_KINDS = [
  /** A new triggered PagerDuty incident assigned to me. Always shown. */
  'paged',
  /** An incident I was paged for escalated, was reassigned, or resolved. */
  'page-changed',
  /** My on-call shift starts now / starts soon / moved. */
  'oncall-started',
  'oncall-soon',
  'oncall-changed',
  /** A teammate declared SEV1–SEV3 on the hub. */
  'teammate-declared',
  /** An incident I follow changed severity or status (resolved included). */
  'incident-changed',
  /** My SEV1 update is overdue (cadence). Always shown. */
  'update-overdue',
  /** An update of another incident I run is due (cadence, SEV2 and below): held while quiet. */
  'update-due',
  /** An incident I run has been open longer than the stale limit. */
  'incident-stale',
  /** A token stopped working: which service, and the fix. Once per failure. */
  'token-failed',
  /** Several events at once, as one notification. */
  'summary',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type WatchSource = 'pagerduty' | 'hub' | 'cadence' | 'app';

export interface WatchEvent {
  source: WatchSource;
  /** Stable at its source: with `kind`, the ledger key that makes it notify once, even across restarts. */
  eventId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  /** The hub incident it concerns (clicking opens it in the popover). */
  incidentId?: string;
  /** Where clicking goes when there is no hub incident (a PagerDuty incident's page). */
  url?: string;
  /** The PagerDuty incident a page is about: the notification can offer Acknowledge. */
  pageId?: string;
  /** When it happened at its source. */
  at: string;
}

/** Kinds shown even when the person asked for quiet (DESIGN: "I am paged" and an overdue SEV1 update). */
export const ALWAYS_SHOWN: ReadonlySet<NotificationKind> = new Set(['paged', 'update-overdue', 'token-failed']);

/** Where watchers send what they saw. */
export type WatchSink = (event: WatchEvent) => void;
