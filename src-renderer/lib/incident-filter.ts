// Which open incidents the popover shows: all of them, mine (main decides what is mine: I command
// it, or I declared it and nobody does), or one severity. One choice at a time, so that the empty
// state can say in a sentence what the filter hides.
import { SEVERITIES, type Incident, type Severity } from '../../src-shared/domain.js';
import type { IncidentTracking } from '../../src-shared/incident-actions.js';

export type IncidentFilter = 'all' | 'mine' | Severity;

export const INCIDENT_FILTERS: readonly IncidentFilter[] = ['all', 'mine', ...SEVERITIES];

export function isIncidentFilter(value: unknown): value is IncidentFilter {
  return typeof value === 'string' && (INCIDENT_FILTERS as readonly string[]).includes(value);
}

export function isSeverityFilter(filter: IncidentFilter): filter is Severity {
  return filter !== 'all' && filter !== 'mine';
}

export type TrackingById = ReadonlyMap<string, IncidentTracking>;

export function trackingById(tracking: readonly IncidentTracking[] | undefined): Map<string, IncidentTracking> {
  return new Map((tracking ?? []).map((entry) => [entry.incidentId, entry]));
}

export function matchesFilter(incident: Incident, filter: IncidentFilter, tracking: TrackingById): boolean {
  if (filter === 'all') return true;
  if (filter === 'mine') return tracking.get(incident.id)?.mine === true;
  return incident.severity === filter;
}

/** How many incidents each choice would show, for the counts next to the choices. */
export function countByFilter(incidents: readonly Incident[], tracking: TrackingById): Record<IncidentFilter, number> {
  const counts = Object.fromEntries(INCIDENT_FILTERS.map((filter) => [filter, 0])) as Record<IncidentFilter, number>;
  counts.all = incidents.length;
  for (const incident of incidents) {
    counts[incident.severity] += 1;
    if (tracking.get(incident.id)?.mine === true) counts.mine += 1;
  }
  return counts;
}

/** "mine", "SEV1": what the empty state and the counts call a choice. */
export function filterLabel(filter: IncidentFilter): string {
  if (filter === 'all') return 'All';
  if (filter === 'mine') return 'Mine';
  return filter;
}

/**
 * Why the list is empty while incidents are open, in words that name both the filter and what it
 * hides, so that nobody mistakes a filtered list for a quiet night.
 */
export function describeHidden(filter: Exclude<IncidentFilter, 'all'>, hidden: number): { title: string; detail: string } {
  const incidents = hidden === 1 ? '1 open incident' : `${hidden} open incidents`;
  if (filter === 'mine') {
    return { title: 'Nothing open is yours', detail: `The “Mine” filter hides ${incidents} that you do not command.` };
  }
  return { title: `No ${filter} incidents open`, detail: `The ${filter} filter hides ${incidents} of other severities.` };
}
