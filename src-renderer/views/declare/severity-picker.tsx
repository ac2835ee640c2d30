import { SEVERITIES, SEVERITY_MEANINGS } from '../../../src-shared/domain.js';
import { SeverityBadge } from '../../components/severity-badge.js';
import { useDeclare } from '../../store/declare-store.js';

/** Five radio cards, each with what the severity means, so nobody has to remember the scale. */
export function SeverityPicker() {
  const severity = useDeclare((s) => s.draft.severity);
  const error = useDeclare((s) => s.fieldErrors.severity);
  const setField = useDeclare((s) => s.setField);

  return (
    <fieldset
      className="field severity-picker"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? 'declare-severity-error' : undefined}
    >
      <legend className="field-label">
        Severity <span className="required">required</span>
      </legend>
      <div className="severity-options">
        {SEVERITIES.map((value) => {
          const [headline, rest] = SEVERITY_MEANINGS[value].split(/:\s*/, 2);
          const detail = rest ? rest.charAt(0).toUpperCase() + rest.slice(1) : undefined;
          return (
            <label key={value} className={severity === value ? 'severity-option is-selected' : 'severity-option'}>
              <input
                type="radio"
                name="severity"
                value={value}
                checked={severity === value}
                onChange={() => setField('severity', value)}
              />
              <SeverityBadge severity={value} />
              <span className="severity-text">
                <span className="severity-headline">{headline}</span>
                {detail ? <span className="severity-detail">{detail}</span> : null}
              </span>
            </label>
          );
        })}
      </div>
      {error ? (
        <p id="declare-severity-error" className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
