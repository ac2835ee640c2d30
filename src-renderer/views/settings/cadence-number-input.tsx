import type { NumberLimits } from '../../lib/settings-cadence-form.js';

interface CadenceNumberInputProps {
  id: string;
  /** The whole name, severity included ("SEV3 first reminder after"): the column headings are only visual. */
  label: string;
  value: string;
  limits: NumberLimits;
  /** The id of this field's inline error, when there is one. */
  errorId: string | undefined;
  describedBy?: string;
  onChange(value: string): void;
}

/** A whole number of minutes or days with its unit beside it. */
export function CadenceNumberInput({ id, label, value, limits, errorId, describedBy, onChange }: CadenceNumberInputProps) {
  const unit = limits.unit === 'minutes' ? 'min' : 'days';
  const description = [errorId, describedBy].filter(Boolean).join(' ');
  return (
    <span className="cadence-number">
      <input
        id={id}
        className="input input-number"
        type="number"
        inputMode="numeric"
        min={limits.min}
        max={limits.max}
        step={1}
        value={value}
        aria-label={`${label} (${limits.unit})`}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={description || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      <span className="cadence-unit" aria-hidden="true">
        {unit}
      </span>
    </span>
  );
}
