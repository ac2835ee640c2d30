import { SEVERITIES } from '../../../src-shared/domain.js';
import { CADENCE_FIELD_HEADINGS } from '../../lib/settings-cadence-form.js';
import { CadenceRuleRow } from './cadence-rule-row.js';
import { StaleSetting } from './stale-setting.js';

/**
 * Update reminders per severity (issue #7). The column headings are drawn for the eye only: every
 * switch and input carries its severity in its own name, which a heading cannot give a screen reader.
 */
export function CadenceSection() {
  return (
    <section className="settings-section" aria-labelledby="section-cadence">
      <div className="section-head">
        <h2 id="section-cadence" className="section-title">
          Update reminders
        </h2>
      </div>
      <div className="section-card cadence-card">
        <p className="field-hint">
          For the incidents you run: a countdown to the next status update, counted from the last one, and a reminder when it runs
          out.
        </p>
        <div className="cadence-table">
          <div className="cadence-row cadence-head" aria-hidden="true">
            <span>Remind me</span>
            <span>{CADENCE_FIELD_HEADINGS.firstReminderMinutes}</span>
            <span>{CADENCE_FIELD_HEADINGS.repeatEveryMinutes}</span>
          </div>
          {SEVERITIES.map((severity) => (
            <CadenceRuleRow key={severity} severity={severity} />
          ))}
        </div>
        <StaleSetting />
      </div>
    </section>
  );
}
