import { useEffect, useRef } from 'react';
import { Alert } from '../../components/alert.js';
import { EDITABLE_FIELDS, type EditableField } from '../../../src-shared/incident-actions.js';
import { useIncidentEdit, type EditConflict as Conflict } from '../../store/incident-edit-store.js';
import { FIELD_LABELS, valueLabel } from './detail-labels.js';

const shown = (value: unknown): string => (value === null ? 'none' : valueLabel(typeof value === 'string' ? value : undefined));

/** An email may break after its "@" rather than anywhere in the narrow table. */
function Value({ value }: { value: unknown }) {
  const [user, ...domain] = shown(value).split('@');
  return domain.length > 0 ? (
    <>
      {user}@<wbr />
      {domain.join('@')}
    </>
  ) : (
    <>{user}</>
  );
}

/**
 * Someone saved the incident after this edit started: nothing of it was written. Shows each field
 * that changed meanwhile (as it is now) beside this person's value for it, and the fields only they
 * changed; then Re-apply (their changes on top of the current version) or Discard.
 */
export function EditConflictPanel({ conflict, onClosed }: { conflict: Conflict; onClosed: () => void }) {
  const saving = useIncidentEdit((s) => s.saving);
  const error = useIncidentEdit((s) => s.error);
  const reapply = useIncidentEdit((s) => s.reapply);
  const discard = useIncidentEdit((s) => s.discard);
  const heading = useRef<HTMLHeadingElement>(null);
  // Announced and reachable at once: the person's next move is here.
  useEffect(() => heading.current?.focus(), []);
  const current = conflict.current.incident;
  const mine = conflict.patch as Partial<Record<EditableField, unknown>>;
  const rows = EDITABLE_FIELDS.filter((field) => conflict.changed.includes(field) || field in mine);

  const onReapply = async () => {
    await reapply();
    if (!useIncidentEdit.getState().editing) onClosed();
  };
  const onDiscard = () => {
    if (saving) return;
    discard();
    onClosed();
  };
  return (
    <section className="detail-conflict" aria-labelledby="conflict-heading">
      <div role="alert">
        <h3 id="conflict-heading" ref={heading} tabIndex={-1} className="detail-conflict-title">
          Changed by someone else while you edited
        </h3>
        <p className="field-hint">Nothing of yours was saved. Compare, then re-apply your changes on top or discard them.</p>
      </div>
      <table className="conflict-table">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Now</th>
            <th scope="col">Yours</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((field) => {
            const theirs = conflict.changed.includes(field);
            const yours = field in mine;
            return (
              <tr key={field} data-field={field} className={theirs && yours ? 'is-clash' : undefined}>
                <th scope="row">
                  {FIELD_LABELS[field]}
                  {theirs ? <span className="conflict-tag">changed</span> : null}
                </th>
                <td>
                  <Value value={current[field]} />
                </td>
                <td>{yours ? <Value value={mine[field]} /> : <span className="is-missing">not changed</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {error ? (
        <Alert tone="error">
          <strong>Not saved.</strong> {error.message}
        </Alert>
      ) : null}
      <div className="detail-form-actions">
        <button type="button" className="btn" onClick={onDiscard} aria-disabled={saving || undefined}>
          Discard mine
        </button>
        <button type="button" className="btn btn-primary" onClick={() => void onReapply()} aria-disabled={saving || undefined}>
          {saving ? 'Saving…' : 'Re-apply my changes'}
        </button>
      </div>
    </section>
  );
}
