// Every snapshot push is freshly parsed JSON: each incident is a new object even when nothing about
// it changed. Rows compare what they draw instead of object identity, so that a push where one
// incident changed re-renders one row, not two hundred.
import type { Incident } from '../../src-shared/domain.js';
import type { IncidentTracking } from '../../src-shared/incident-actions.js';

export function sameIncident(a: Incident, b: Incident): boolean {
  return (
    a === b ||
    (a.id === b.id &&
      a.updatedAt === b.updatedAt &&
      a.name === b.name &&
      a.title === b.title &&
      a.severity === b.severity &&
      a.status === b.status &&
      a.commander === b.commander &&
      a.createdAt === b.createdAt &&
      a.links.slack === b.links.slack &&
      a.links.pagerduty === b.links.pagerduty)
  );
}

export function sameTracking(a: IncidentTracking | undefined, b: IncidentTracking | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.mine === b.mine && a.nextUpdateDueAt === b.nextUpdateDueAt && a.staleSince === b.staleSince && a.snoozedUntil === b.snoozedUntil;
}
