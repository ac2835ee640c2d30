import { useEffect, useRef, type FormEvent, type KeyboardEvent } from 'react';
import type { Incident } from '../../../src-shared/domain.js';
import { HUB_UPDATE_MESSAGE_MAX } from '../../../src-shared/hub-api.js';
import { Alert } from '../../components/alert.js';
import { useIncidentResolve } from '../../store/incident-resolve-store.js';

/**
 * The confirmation before resolving: what will happen, optional closing words, Resolve / Cancel.
 * Focus starts in the closing words; Escape (or Cancel) closes it and focus goes back to "Resolve…".
 */
export function ResolvePanel({ incident, onClosed }: { incident: Incident; onClosed: () => void }) {
  const message = useIncidentResolve((s) => s.message);
  const resolving = useIncidentResolve((s) => s.resolving);
  const messageError = useIncidentResolve((s) => s.messageError);
  const error = useIncidentResolve((s) => s.error);
  const setMessage = useIncidentResolve((s) => s.setMessage);
  const cancel = useIncidentResolve((s) => s.cancel);
  const resolve = useIncidentResolve((s) => s.resolve);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);

  const close = () => {
    if (resolving) return;
    cancel();
    onClosed();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void resolve();
  };
  const length = message.trim().length;
  const vendors = [incident.links.pagerduty ? 'resolves its PagerDuty incident' : '', incident.links.slack ? 'posts in its Slack channel' : '']
    .filter(Boolean)
    .join(', ');
  return (
    <form className="detail-resolve" onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate aria-labelledby="resolve-heading" aria-busy={resolving}>
      <h3 id="resolve-heading" className="detail-resolve-title">
        Resolve this incident?
      </h3>
      <p className="field-hint">
        Marks it resolved for everyone{vendors ? `, ${vendors}` : ''} and tells the digest channel. Update reminders stop.
      </p>
      <div className="field">
        <div className="field-label-row">
          <label htmlFor="resolve-message" className="field-label">
            Closing message <span className="optional">optional</span>
          </label>
          <span className={length > HUB_UPDATE_MESSAGE_MAX ? 'counter is-over' : 'counter'}>
            {length.toLocaleString('en-US')} / {HUB_UPDATE_MESSAGE_MAX.toLocaleString('en-US')}
          </span>
        </div>
        <textarea
          ref={field}
          id="resolve-message"
          className="input textarea"
          rows={2}
          value={message}
          placeholder="Cause, fix, follow-ups"
          aria-invalid={messageError ? true : undefined}
          aria-describedby={messageError ? 'resolve-error' : undefined}
          onChange={(event) => setMessage(event.target.value)}
        />
        {messageError ? (
          <p id="resolve-error" className="field-error" role="alert">
            {messageError}
          </p>
        ) : null}
      </div>
      {error ? (
        <Alert tone="error">
          <strong>Not resolved.</strong> {error.message}
        </Alert>
      ) : null}
      <div className="detail-form-actions">
        <button type="button" className="btn" onClick={close} aria-disabled={resolving || undefined}>
          Cancel
        </button>
        <button type="submit" className="btn btn-danger" aria-disabled={resolving || undefined}>
          {resolving ? 'Resolving…' : 'Resolve incident'}
        </button>
      </div>
    </form>
  );
}
