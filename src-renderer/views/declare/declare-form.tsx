import type { FormEvent } from 'react';
import { Alert } from '../../components/alert.js';
import { useDeclare } from '../../store/declare-store.js';
import { DescriptionField } from './description-field.js';
import { ServiceField } from './service-field.js';
import { SeverityPicker } from './severity-picker.js';
import { TitleField } from './title-field.js';

export function DeclareForm({ onCancel }: { onCancel: () => void }) {
  const submit = useDeclare((s) => s.submit);
  const submitting = useDeclare((s) => s.submitting);
  const serverError = useDeclare((s) => s.serverError);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };

  return (
    <form className="window-form" onSubmit={onSubmit} noValidate aria-label="Declare incident" aria-busy={submitting}>
      <div className="window-body">
        {serverError ? (
          <Alert tone="error">
            <strong>Not declared.</strong> {serverError.message}
          </Alert>
        ) : null}
        <TitleField />
        <SeverityPicker />
        <ServiceField />
        <DescriptionField />
      </div>
      <footer className="window-footer">
        <span className="footer-hint">
          <kbd>Enter</kbd> declares · <kbd>Esc</kbd> cancels
        </span>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary btn-danger" disabled={submitting}>
          {submitting ? 'Declaring…' : 'Declare'}
        </button>
      </footer>
    </form>
  );
}
