import type { Incident } from '../../../src-shared/domain.js';
import { sortIncidents } from '../../lib/sort-incidents.js';
import { useNow } from '../../lib/use-now.js';
import { IncidentRow } from './incident-row.js';

export function IncidentList({ incidents }: { incidents: readonly Incident[] }) {
  const now = useNow();
  return (
    <ul className="incident-list">
      {sortIncidents(incidents).map((incident) => (
        <IncidentRow key={incident.id} incident={incident} now={now} />
      ))}
    </ul>
  );
}
