import { SEVERITIES, type Incident } from '../../src-shared/domain.js';

/** Most severe first; within a severity the oldest first, since it has waited longest. */
export function sortIncidents(incidents: readonly Incident[]): Incident[] {
  return [...incidents].sort(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
      a.name.localeCompare(b.name),
  );
}
