import { memo } from 'react';
import type { Incident } from '../../../src-shared/domain.js';
import type { IncidentTracking } from '../../../src-shared/incident-actions.js';
import { LinkButton } from '../../components/link-button.js';
import { SeverityBadge } from '../../components/severity-badge.js';
import { INCIDENT_STATUS_LABELS } from '../../lib/labels.js';
import { sameIncident, sameTracking } from '../../lib/same-incident-row.js';
import { useNavigation } from '../../store/navigation-store.js';
import { CountdownText } from './countdown-text.js';
import { IncidentAge } from './incident-age.js';
import { StaleMark } from './stale-mark.js';

interface IncidentRowProps {
  incident: Incident;
  tracking: IncidentTracking | undefined;
  /** The row whose buttons are in the Tab order (the list's roving tabindex). */
  tabbable: boolean;
}

/**
 * One open incident. The row's main button (severity, name, age, title, status, commander) opens
 * the detail view; it is stretched over the whole row, so a click anywhere that is not Slack or
 * PagerDuty does the same. The button's name is the short "SEV1 Checkout returns 5xx"; the rest is
 * its description, so a screen reader says what the row is before the details.
 */
function IncidentRowView({ incident, tracking, tabbable }: IncidentRowProps) {
  const { slack, pagerduty } = incident.links;
  const due = tracking?.nextUpdateDueAt;
  const stale = tracking?.staleSince;
  const domId = `incident-${incident.id}`;
  const tabIndex = tabbable ? 0 : -1;
  const described = [`${domId}-name`, `${domId}-age`, `${domId}-meta`, ...(stale ? [`${domId}-stale`] : []), ...(due ? [`${domId}-due`] : [])];
  return (
    <li className="incident-row" data-row-key={incident.id} data-incident={incident.name}>
      <button
        type="button"
        className="incident-open"
        data-row-primary=""
        tabIndex={tabIndex}
        aria-label={`${incident.severity} ${incident.title}`}
        aria-describedby={described.join(' ')}
        onClick={() => useNavigation.getState().openIncident(incident.id)}
      >
        <span className="incident-head">
          <SeverityBadge severity={incident.severity} />
          <span id={`${domId}-name`} className="incident-name">
            {incident.name}
          </span>
          {/* Beside the age it qualifies ("Stale 9d 2h"), not on a line of its own. */}
          {stale ? <StaleMark id={`${domId}-stale`} since={stale} /> : null}
          <IncidentAge id={`${domId}-age`} createdAt={incident.createdAt} />
        </span>
        <span className="incident-title">{incident.title}</span>
        <span id={`${domId}-meta`} className="incident-meta">
          {/* The spaces are for the description a screen reader reads; flex layout ignores them. */}
          <span className={`incident-status status-${incident.status}`}>{INCIDENT_STATUS_LABELS[incident.status]}</span>{' '}
          <span className="meta-separator" aria-hidden="true">
            ·
          </span>{' '}
          <span className={incident.commander ? 'incident-commander' : 'incident-commander is-missing'}>
            {incident.commander ? `Commander: ${incident.commander}` : 'No commander'}
          </span>
        </span>
      </button>
      {slack || pagerduty || due ? (
        <div className="incident-foot">
          {slack ? (
            <LinkButton url={slack} label={`Slack channel of ${incident.name}`} tabIndex={tabIndex}>
              Slack
            </LinkButton>
          ) : null}
          {pagerduty ? (
            <LinkButton url={pagerduty} label={`PagerDuty incident of ${incident.name}`} tabIndex={tabIndex}>
              PagerDuty
            </LinkButton>
          ) : null}
          {due ? <CountdownText id={`${domId}-due`} className="incident-cadence" dueAt={due} /> : null}
        </div>
      ) : null}
    </li>
  );
}

export const IncidentRow = memo(
  IncidentRowView,
  (before, after) => before.tabbable === after.tabbable && sameIncident(before.incident, after.incident) && sameTracking(before.tracking, after.tracking),
);
