import { useDeclare } from '../../store/declare-store.js';

export function DescriptionField() {
  const description = useDeclare((s) => s.draft.description);
  const error = useDeclare((s) => s.fieldErrors.description);
  const setField = useDeclare((s) => s.setField);
  return (
    <div className="field">
      <label htmlFor="declare-description" className="field-label">
        Description <span className="optional">optional</span>
      </label>
      <textarea
        id="declare-description"
        className="input textarea"
        rows={3}
        value={description}
        placeholder="What is happening, since when, who is affected"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'declare-description-error' : undefined}
        onChange={(event) => setField('description', event.target.value)}
      />
      {error ? (
        <p id="declare-description-error" className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
