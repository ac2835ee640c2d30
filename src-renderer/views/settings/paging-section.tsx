import { SEVERITIES, SEVERITY_MEANINGS } from '../../../src-shared/domain.js';
import { SeverityBadge } from '../../components/severity-badge.js';
import { useSettings } from '../../store/settings-store.js';

export function PagingSection() {
  const paging = useSettings((s) => s.draft?.paging);
  const setPaging = useSettings((s) => s.setPaging);
  if (!paging) return null;
  return (
    <section className="settings-section" aria-labelledby="section-paging">
      <div className="section-head">
        <h2 id="section-paging" className="section-title">
          Paging by severity
        </h2>
      </div>
      <fieldset className="section-card paging-grid">
        <legend className="visually-hidden">Page PagerDuty for these severities</legend>
        <p className="field-hint paging-hint">Slack always runs when it is set up; PagerDuty pages only for the checked ones.</p>
        {SEVERITIES.map((severity) => (
          <label key={severity} className="paging-option">
            <input type="checkbox" checked={paging[severity]} onChange={(event) => setPaging(severity, event.target.checked)} />
            <SeverityBadge severity={severity} />
            <span className="paging-text">
              Page PagerDuty
              <span className="paging-meaning">{SEVERITY_MEANINGS[severity].split(':')[0]}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
