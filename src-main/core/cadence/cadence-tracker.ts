// Where each open incident stands against its update cadence, as the snapshot carries it (issue #7):
// the due time of its next update, stale, snoozed, mine; and which incident is active (pinned, else
// the one I command whose update is due soonest).
import type { ActiveIncident, IncidentTracking } from '../../../src-shared/incident-actions.js';
import { bySeverity, type Incident } from '../../../src-shared/domain.js';
import type { Settings } from '../../../src-shared/settings.js';
import { nextUpdateDue, staleSince } from './cadence-rules.js';

export interface TrackingInput {
  incidents: readonly Incident[];
  cadence: Settings['cadence'];
  /** The names I go by (email, display name, OS user): how `commander` and `declaredBy` name me. */
  myNames: ReadonlySet<string>;
  pinned: string | undefined;
  snoozedUntil: ReadonlyMap<string, string>;
  now: Date;
}

export interface Tracking {
  entries: IncidentTracking[];
  active: ActiveIncident | undefined;
}

/** I command it, or I declared it and nobody has taken command. */
export const isMine = (incident: Incident, myNames: ReadonlySet<string>): boolean =>
  incident.commander !== undefined ? myNames.has(incident.commander) : myNames.has(incident.declaredBy);

export function trackIncidents(input: TrackingInput): Tracking {
  const now = input.now.getTime();
  const entries = input.incidents.map((incident): IncidentTracking => {
    const due = nextUpdateDue(incident, input.cadence.perSeverity[incident.severity]);
    const stale = staleSince(incident, input.cadence, now);
    const snoozed = input.snoozedUntil.get(incident.id);
    return {
      incidentId: incident.id,
      mine: isMine(incident, input.myNames),
      ...(due !== undefined ? { nextUpdateDueAt: new Date(due).toISOString() } : {}),
      ...(stale !== undefined ? { staleSince: new Date(stale).toISOString() } : {}),
      ...(snoozed ? { snoozedUntil: snoozed } : {}),
    };
  });
  return { entries, active: activeIncident(input, entries) };
}

function activeIncident(input: TrackingInput, entries: readonly IncidentTracking[]): ActiveIncident | undefined {
  if (input.pinned && input.incidents.some((i) => i.id === input.pinned && i.status !== 'resolved')) {
    return { incidentId: input.pinned, pinned: true };
  }
  // The one I command whose update is due soonest; with no cadence, the most severe then oldest.
  const commanded = input.incidents.filter((i) => i.status !== 'resolved' && i.commander !== undefined && input.myNames.has(i.commander));
  // Looked up once per incident, not once per comparison (1,000 open incidents are sorted here).
  const dueTimes = new Map(entries.map((e) => [e.incidentId, e.nextUpdateDueAt ? Date.parse(e.nextUpdateDueAt) : Number.POSITIVE_INFINITY]));
  const dueOf = (id: string) => dueTimes.get(id) ?? Number.POSITIVE_INFINITY;
  const [first] = [...commanded].sort(
    (a, b) => dueOf(a.id) - dueOf(b.id) || bySeverity(a, b) || Date.parse(a.createdAt) - Date.parse(b.createdAt),
  );
  return first ? { incidentId: first.id, pinned: false } : undefined;
}
