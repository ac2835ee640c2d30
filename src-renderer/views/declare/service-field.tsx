import { useDeclare } from '../../store/declare-store.js';

// Free text for now; a picker over the PagerDuty services replaces it once the PagerDuty client lands.
export function ServiceField() {
  const service = useDeclare((s) => s.draft.service);
  const error = useDeclare((s) => s.fieldErrors.service);
  const setField = useDeclare((s) => s.setField);
  return (
    <div className="field">
      <label htmlFor="declare-service" className="field-label">
        Affected service <span className="optional">optional</span>
      </label>
      <input
        id="declare-service"
        className="input"
        type="text"
        value={service}
        autoComplete="off"
        placeholder="checkout-api"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'declare-service-error' : undefined}
        onChange={(event) => setField('service', event.target.value)}
      />
      {error ? (
        <p id="declare-service-error" className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
