import type { FormEvent, KeyboardEvent } from 'react';
import { HUB_UPDATE_MESSAGE_MAX } from '../../../src-shared/hub-api.js';
import { Alert } from '../../components/alert.js';
import { INCIDENT_STATUS_LABELS } from '../../lib/labels.js';
import { useIncidentUpdate, type UpdateStatus } from '../../store/incident-update-store.js';
import { ActionResultPanel } from './action-result.js';

const UPDATE_STATUSES: readonly UpdateStatus[] = ['investigating', 'identified', 'monitoring'];
const count = (n: number) => n.toLocaleString('en-US');

/**
 * "Post status update": the message with a live count against the limit, an optional status change,
 * and what main did with it. Ctrl/Cmd+Enter posts from the text, as chat tools do.
 */
export function PostUpdateForm() {
  const message = useIncidentUpdate((s) => s.message);
  const status = useIncidentUpdate((s) => s.status);
  const posting = useIncidentUpdate((s) => s.posting);
  const messageError = useIncidentUpdate((s) => s.messageError);
  const error = useIncidentUpdate((s) => s.error);
  const result = useIncidentUpdate((s) => s.result);
  const setMessage = useIncidentUpdate((s) => s.setMessage);
  const setStatus = useIncidentUpdate((s) => s.setStatus);
  const post = useIncidentUpdate((s) => s.post);

  // The limit applies to the trimmed text, as main counts it.
  const length = message.trim().length;
  const over = length > HUB_UPDATE_MESSAGE_MAX;
  const describedBy = ['update-count', messageError ? 'update-error' : ''].filter(Boolean).join(' ');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void post();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void post();
    }
  };

  return (
    <section className="detail-section" aria-labelledby="update-heading">
      <h3 id="update-heading" className="section-title">
        Post status update
      </h3>
      <form className="detail-form" onSubmit={onSubmit} noValidate aria-busy={posting}>
        <div className="field">
          <div className="field-label-row">
            <label htmlFor="update-message" className="field-label">
              Message
            </label>
            <span id="update-count" className={over ? 'counter is-over' : 'counter'}>
              {count(length)} / {count(HUB_UPDATE_MESSAGE_MAX)}
              {over ? <span className="visually-hidden"> characters: {count(length - HUB_UPDATE_MESSAGE_MAX)} too many</span> : null}
            </span>
          </div>
          <textarea
            id="update-message"
            className="input textarea"
            rows={3}
            value={message}
            placeholder="What changed, what is next, when the next update comes"
            aria-invalid={messageError || over ? true : undefined}
            aria-describedby={describedBy}
            onChange={(event) => setMessage(event.target.value)}
            onKeyDown={onKeyDown}
          />
          {messageError ? (
            <p id="update-error" className="field-error" role="alert">
              {messageError}
            </p>
          ) : null}
        </div>
        <div className="detail-form-row">
          <label htmlFor="update-status" className="field-label">
            New status
          </label>
          <select
            id="update-status"
            className="input select"
            value={status}
            onChange={(event) => setStatus(event.target.value as UpdateStatus | '')}
          >
            <option value="">Keep as it is</option>
            {UPDATE_STATUSES.map((value) => (
              <option key={value} value={value}>
                {INCIDENT_STATUS_LABELS[value]}
              </option>
            ))}
          </select>
          <button type="submit" className="btn btn-primary" aria-disabled={posting || undefined}>
            {posting ? 'Posting…' : 'Post update'}
          </button>
        </div>
      </form>
      {error ? (
        <Alert tone="error">
          <strong>Not posted.</strong> {error.message} Your text is kept.
        </Alert>
      ) : null}
      <div aria-live="polite">{result ? <ActionResultPanel result={result} kind="update" label="Update steps" /> : null}</div>
    </section>
  );
}
