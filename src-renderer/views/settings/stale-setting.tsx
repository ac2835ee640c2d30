import { CADENCE_LIMITS, STALE_LABEL, STALE_PATH } from '../../lib/settings-cadence-form.js';
import { useSettings } from '../../store/settings-store.js';
import { CadenceNumberInput } from './cadence-number-input.js';

const ID = 'cadence-stale-after-days';

/** The stale reminder: one for every severity, counted from the declare rather than the last update. */
export function StaleSetting() {
  const value = useSettings((s) => s.draft?.cadence.staleAfterDays ?? '');
  const error = useSettings((s) => s.fieldErrors[STALE_PATH]);
  const setStaleDays = useSettings((s) => s.setStaleDays);
  return (
    <div className="cadence-stale">
      <div className="cadence-stale-row">
        <label htmlFor={ID} className="cadence-stale-label">
          {STALE_LABEL}
        </label>
        <CadenceNumberInput
          id={ID}
          label={STALE_LABEL}
          value={value}
          limits={CADENCE_LIMITS.staleAfterDays}
          errorId={error ? `${ID}-error` : undefined}
          describedBy={`${ID}-hint`}
          onChange={setStaleDays}
        />
      </div>
      {error ? (
        <p id={`${ID}-error`} className="field-error">
          {STALE_LABEL}: {error}
        </p>
      ) : null}
      <p id={`${ID}-hint`} className="field-hint">
        For any incident still open this long, whatever its severity; repeated at the same interval.
      </p>
    </div>
  );
}
