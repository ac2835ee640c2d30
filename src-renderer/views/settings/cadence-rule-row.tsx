import type { Severity } from '../../../src-shared/domain.js';
import { SeverityBadge } from '../../components/severity-badge.js';
import { CADENCE_FIELD_HEADINGS, CADENCE_FIELD_LABELS, CADENCE_LIMITS, cadencePath, type CadenceMinutesField } from '../../lib/settings-cadence-form.js';
import { useSettings } from '../../store/settings-store.js';
import { CadenceNumberInput } from './cadence-number-input.js';

const FIELDS: CadenceMinutesField[] = ['firstReminderMinutes', 'repeatEveryMinutes'];

/** One severity: the "Remind me" switch, and its minutes while it is on. */
export function CadenceRuleRow({ severity }: { severity: Severity }) {
  const rule = useSettings((s) => s.draft?.cadence.perSeverity[severity]);
  const firstError = useSettings((s) => s.fieldErrors[cadencePath(severity, 'firstReminderMinutes')]);
  const repeatError = useSettings((s) => s.fieldErrors[cadencePath(severity, 'repeatEveryMinutes')]);
  const setRemind = useSettings((s) => s.setRemind);
  const setMinutes = useSettings((s) => s.setCadenceMinutes);
  if (!rule) return null;
  const errors: Record<CadenceMinutesField, string | undefined> = { firstReminderMinutes: firstError, repeatEveryMinutes: repeatError };
  const idOf = (field: CadenceMinutesField) => `cadence-${severity.toLowerCase()}-${field}`;

  return (
    <div className="cadence-row" role="group" aria-label={`${severity} reminders`}>
      <label className="toggle cadence-switch">
        <input type="checkbox" role="switch" checked={rule.remind} onChange={(event) => setRemind(severity, event.target.checked)} />
        <span className="toggle-track" aria-hidden="true">
          <span className="toggle-thumb" />
        </span>
        <span className="visually-hidden">Remind me about</span>
        <SeverityBadge severity={severity} />
      </label>
      {rule.remind ? (
        FIELDS.map((field) => (
          <CadenceNumberInput
            key={field}
            id={idOf(field)}
            label={`${severity} ${CADENCE_FIELD_LABELS[field]}`}
            value={rule[field]}
            limits={CADENCE_LIMITS[field]}
            errorId={errors[field] ? `${idOf(field)}-error` : undefined}
            onChange={(value) => setMinutes(severity, field, value)}
          />
        ))
      ) : (
        <span className="cadence-off">No reminder</span>
      )}
      {rule.remind
        ? FIELDS.map((field) =>
            errors[field] ? (
              <p key={field} id={`${idOf(field)}-error`} className="field-error cadence-error">
                {CADENCE_FIELD_HEADINGS[field]}: {errors[field]}
              </p>
            ) : null,
          )
        : null}
    </div>
  );
}
