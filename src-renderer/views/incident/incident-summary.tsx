import type { Incident } from '../../../src-shared/domain.js';
import { LinkButton } from '../../components/link-button.js';
import { SeverityBadge } from '../../components/severity-badge.js';
import { formatAge, formatTimestamp } from '../../lib/format-age.js';
import { INCIDENT_STATUS_LABELS } from '../../lib/labels.js';

/** The facts of the incident, read-only: what a commander checks first. */
export function IncidentSummary({ incident, now }: { incident: Incident; now: number }) {
  const { slack, pagerduty } = incident.links;
  return (
    <section className="detail-summary" aria-label="Incident">
      <div className="detail-facts">
        <SeverityBadge severity={incident.severity} />
        <span className={`detail-status incident-status status-${incident.status}`}>{INCIDENT_STATUS_LABELS[incident.status]}</span>
        <time className="detail-age" dateTime={incident.createdAt} title={`Declared ${formatTimestamp(incident.createdAt)}`}>
          {incident.status === 'resolved' ? `declared ${formatAge(incident.createdAt, now)} ago` : `open ${formatAge(incident.createdAt, now)}`}
        </time>
      </div>
      <h2 className="detail-title">{incident.title}</h2>
      <dl className="detail-meta">
        <div>
          <dt>Commander</dt>
          <dd className={incident.commander ? undefined : 'is-missing'}>{incident.commander ?? 'No commander'}</dd>
        </div>
        {incident.service ? (
          <div>
            <dt>Service</dt>
            <dd>{incident.service}</dd>
          </div>
        ) : null}
        <div>
          <dt>Declared by</dt>
          <dd>{incident.declaredBy}</dd>
        </div>
      </dl>
      {incident.description ? <p className="detail-description">{incident.description}</p> : null}
      {slack || pagerduty ? (
        <div className="detail-links">
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
    </section>
  );
}
