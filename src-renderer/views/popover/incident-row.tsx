import type { Incident } from '../../../src-shared/domain.js';
import { LinkButton } from '../../components/link-button.js';
import { SeverityBadge } from '../../components/severity-badge.js';
import { formatAge, formatTimestamp } from '../../lib/format-age.js';
import { INCIDENT_STATUS_LABELS } from '../../lib/labels.js';

export function IncidentRow({ incident, now }: { incident: Incident; now: number }) {
  const { slack, pagerduty } = incident.links;
  return (
    <li className="incident-row" data-incident={incident.name} aria-label={`${incident.severity} ${incident.title}`}>
      <div className="incident-head">
        <SeverityBadge severity={incident.severity} />
        <span className="incident-name">{incident.name}</span>
        <time className="incident-age" dateTime={incident.createdAt} title={`Declared ${formatTimestamp(incident.createdAt)}`}>
          {formatAge(incident.createdAt, now)}
        </time>
      </div>
      <p className="incident-title">{incident.title}</p>
      <div className="incident-meta">
        <span className={`incident-status status-${incident.status}`}>{INCIDENT_STATUS_LABELS[incident.status]}</span>
        <span className="meta-separator" aria-hidden="true">
          ·
        </span>
        <span className={incident.commander ? 'incident-commander' : 'incident-commander is-missing'}>
          {incident.commander ? `Commander: ${incident.commander}` : 'No commander'}
        </span>
      </div>
      {slack || pagerduty ? (
        <div className="incident-links">
          {slack ? (
            <LinkButton url={slack} label={`Slack channel of ${incident.name}`}>
              Slack
            </LinkButton>
          ) : null}
          {pagerduty ? (
            <LinkButton url={pagerduty} label={`PagerDuty incident of ${incident.name}`}>
              PagerDuty
            </LinkButton>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
