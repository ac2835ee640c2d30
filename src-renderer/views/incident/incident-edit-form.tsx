import { useEffect, useRef, type FormEvent, type KeyboardEvent } from 'react';
import { DESCRIPTION_MAX, SEVERITIES, SEVERITY_MEANINGS, TITLE_MAX, type IncidentStatus } from '../../../src-shared/domain.js';
import type { EditableField } from '../../../src-shared/incident-actions.js';
import { Alert } from '../../components/alert.js';
import { INCIDENT_STATUS_LABELS } from '../../lib/labels.js';
import { useIncidentEdit } from '../../store/incident-edit-store.js';

const EDIT_STATUSES: readonly IncidentStatus[] = ['investigating', 'identified', 'monitoring'];

function FieldError({ field }: { field: EditableField }) {
  const error = useIncidentEdit((s) => s.fieldErrors[field]);
  return error ? (
    <p id={`edit-${field}-error`} className="field-error" role="alert">
      {error}
    </p>
  ) : null;
}

/** aria props that tie a field to its error. */
function useInvalid(field: EditableField) {
  const error = useIncidentEdit((s) => s.fieldErrors[field]);
  return error ? { 'aria-invalid': true, 'aria-describedby': `edit-${field}-error` } : {};
}

/**
 * The incident's editable fields. Saving sends only what changed, on the version the form started
 * from; Escape in the form cancels the edit (the window's Escape would leave the incident).
 */
export function IncidentEditForm({ onClosed }: { onClosed: () => void }) {
  const draft = useIncidentEdit((s) => s.draft);
  const base = useIncidentEdit((s) => s.base);
  const saving = useIncidentEdit((s) => s.saving);
  const error = useIncidentEdit((s) => s.error);
  const setField = useIncidentEdit((s) => s.setField);
  const cancel = useIncidentEdit((s) => s.cancel);
  const save = useIncidentEdit((s) => s.save);
  const title = useRef<HTMLInputElement>(null);
  useEffect(() => title.current?.focus(), []);
  const invalid = {
    title: useInvalid('title'),
    severity: useInvalid('severity'),
    status: useInvalid('status'),
    commander: useInvalid('commander'),
    description: useInvalid('description'),
  };

  const close = () => {
    cancel();
    onClosed();
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    await save();
    if (!useIncidentEdit.getState().editing) onClosed();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !saving) {
      event.preventDefault();
      close();
    }
  };
  // A resolved incident keeps its status here; reopening one is a status change like any other.
  const statuses = base?.incident.status === 'resolved' ? [...EDIT_STATUSES, 'resolved' as const] : EDIT_STATUSES;
  return (
    <form className="detail-edit" onSubmit={(event) => void onSubmit(event)} onKeyDown={onKeyDown} noValidate aria-label="Edit incident" aria-busy={saving}>
      {error ? (
        <Alert tone="error">
          <strong>Not saved.</strong> {error.message}
        </Alert>
      ) : null}
      <div className="field">
        <label htmlFor="edit-title" className="field-label">
          Title
        </label>
        <input
          ref={title}
          id="edit-title"
          className="input"
          value={draft.title}
          maxLength={TITLE_MAX * 2}
          onChange={(event) => setField('title', event.target.value)}
          {...invalid.title}
        />
        <FieldError field="title" />
      </div>
      <div className="detail-form-pair">
        <div className="field">
          <label htmlFor="edit-severity" className="field-label">
            Severity
          </label>
          <select id="edit-severity" className="input select" value={draft.severity} onChange={(event) => setField('severity', event.target.value)} {...invalid.severity}>
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity} title={SEVERITY_MEANINGS[severity]}>
                {severity}
              </option>
            ))}
          </select>
          <FieldError field="severity" />
        </div>
        <div className="field">
          <label htmlFor="edit-status" className="field-label">
            Status
          </label>
          <select id="edit-status" className="input select" value={draft.status} onChange={(event) => setField('status', event.target.value)} {...invalid.status}>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {INCIDENT_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
          <FieldError field="status" />
        </div>
      </div>
      <div className="field">
        <label htmlFor="edit-commander" className="field-label">
          Commander <span className="optional">empty for none</span>
        </label>
        <input
          id="edit-commander"
          className="input"
          value={draft.commander}
          placeholder="e.g. ada@acme.dev"
          onChange={(event) => setField('commander', event.target.value)}
          {...invalid.commander}
        />
        <FieldError field="commander" />
      </div>
      <div className="field">
        <div className="field-label-row">
          <label htmlFor="edit-description" className="field-label">
            Description
          </label>
          <span className={draft.description.trim().length > DESCRIPTION_MAX ? 'counter is-over' : 'counter'}>
            {draft.description.trim().length.toLocaleString('en-US')} / {DESCRIPTION_MAX.toLocaleString('en-US')}
          </span>
        </div>
        <textarea
          id="edit-description"
          className="input textarea"
          rows={3}
          value={draft.description}
          onChange={(event) => setField('description', event.target.value)}
          {...invalid.description}
        />
        <FieldError field="description" />
      </div>
      <div className="detail-form-actions">
        <button type="button" className="btn" onClick={close} aria-disabled={saving || undefined}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" aria-disabled={saving || undefined}>
          {saving ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}
