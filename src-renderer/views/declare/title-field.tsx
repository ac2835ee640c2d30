import { TITLE_MAX } from '../../../src-shared/domain.js';
import { useDeclare } from '../../store/declare-store.js';

export function TitleField() {
  const title = useDeclare((s) => s.draft.title);
  const error = useDeclare((s) => s.fieldErrors.title);
  const setField = useDeclare((s) => s.setField);
  // The same count the schema applies (string length of the trimmed title).
  const length = title.trim().length;
  const over = length > TITLE_MAX;

  return (
    <div className="field">
      <div className="field-label-row">
        <label htmlFor="declare-title" className="field-label">
          Title <span className="required">required</span>
        </label>
        <span id="declare-title-count" className={over ? 'counter is-over' : 'counter'} aria-live="polite">
          {length}/{TITLE_MAX}
        </span>
      </div>
      <input
        id="declare-title"
        className="input"
        type="text"
        value={title}
        autoFocus
        autoComplete="off"
        spellCheck
        placeholder="Checkout returns 5xx for EU customers"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'declare-title-count declare-title-error' : 'declare-title-count'}
        onChange={(event) => setField('title', event.target.value)}
      />
      {error ? (
        <p id="declare-title-error" className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
