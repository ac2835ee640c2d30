import type { Incident } from '../../../src-shared/domain.js';
import type { ActiveIncident, IncidentTracking } from '../../../src-shared/incident-actions.js';
import { SeverityBadge } from '../../components/severity-badge.js';
import { useNavigation } from '../../store/navigation-store.js';
import { CountdownText } from './countdown-text.js';

/**
 * The active incident (the one I command, or the one I pinned) and its countdown to the next
 * status update, as the tray shows it: under the header, where a glance at the popover lands. Two
 * lines, because an incident name ("inc-20261124-checkout-returns-5xx") and "next update in 24:10"
 * do not both fit 360 px on one. Clicking it opens the incident.
 */
export function ActiveIncidentBar({ active, incident, tracking }: { active: ActiveIncident; incident: Incident; tracking: IncidentTracking | undefined }) {
  const due = tracking?.nextUpdateDueAt;
  const whose = active.pinned ? 'Pinned' : 'You command';
  return (
    <section className="active-incident" aria-label="Active incident">
      <button
        type="button"
        className="active-incident-open"
        aria-label={`${whose}: ${incident.severity} ${incident.title}`}
        aria-describedby="active-incident-name active-incident-due"
        onClick={() => useNavigation.getState().openIncident(incident.id)}
      >
        <SeverityBadge severity={incident.severity} />
        <span id="active-incident-name" className="active-incident-name" title={incident.name}>
          {incident.name}
        </span>
      </button>
      <div className="active-incident-line">
        {due ? (
          <CountdownText id="active-incident-due" className="active-incident-countdown" dueAt={due} />
        ) : (
          <span id="active-incident-due" className="countdown active-incident-countdown is-none">
            No update due
          </span>
        )}
        <span className="active-incident-whose">{whose}</span>
      </div>
    </section>
  );
}
