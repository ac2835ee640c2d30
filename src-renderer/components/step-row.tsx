import type { DeclareStepState } from '../../src-shared/domain.js';
import { isBlocked, isSettled, isWaitingForNetwork } from '../lib/declare-phase.js';
import { NOT_TRIED_LABEL, plural, STEP_LABELS, STEP_STATUS_LABELS, WAITING_FOR_NETWORK_LABEL } from '../lib/labels.js';
import { LinkButton } from './link-button.js';
import { StepStatusIcon, type StepLook } from './step-status-icon.js';

export interface StepRetry {
  onRetry: () => void;
  /** A retry of this declare is on its way to main. */
  retrying: boolean;
  /** Main is working on the declare right now: a retry would have nothing to add. */
  disabled: boolean;
}

interface StepRowProps {
  step: DeclareStepState;
  /** Offered on a failed step that was tried (a blocked one finishes with the step it waits for). */
  retry?: StepRetry;
}

/** One declare step: what it is, how far it got, its link, and what to do while it cannot be done. */
export function StepRow({ step, retry }: StepRowProps) {
  const waiting = isWaitingForNetwork(step);
  const blocked = isBlocked(step);
  const look: StepLook = waiting ? 'waiting' : blocked ? 'blocked' : step.status;
  const statusLabel = waiting ? WAITING_FOR_NETWORK_LABEL : blocked ? NOT_TRIED_LABEL : STEP_STATUS_LABELS[step.status];
  const offerRetry = step.status === 'failed' && !blocked;
  const label = STEP_LABELS[step.step];
  // An old error or fallback means nothing once the step went through (or is being tried again).
  const troubled = step.status === 'failed' || waiting;
  const attempts = step.attempts ?? 0;
  return (
    <li className={`step step-${look}`} data-step={step.step} data-status={step.status}>
      <StepStatusIcon status={look} />
      <div className="step-body">
        <div className="step-line">
          <span className="step-name">{label}</span>
          {step.url ? (
            <LinkButton url={step.url} label={`Open ${label}`}>
              Open
            </LinkButton>
          ) : null}
          <span className="step-state">
            {attempts > 1 ? <span className="step-attempts">{plural(attempts, 'attempt', 'attempts')}</span> : null}
            <span className={`step-status step-status-${look}`}>{statusLabel}</span>
          </span>
        </div>
        {troubled && step.error ? <p className={waiting || blocked ? 'step-error is-quiet' : 'step-error'}>{step.error}</p> : null}
        {troubled && !isSettled(step) && step.manualFallback ? (
          <p className="step-fallback">
            <strong>Do this by hand meanwhile:</strong> {step.manualFallback}
          </p>
        ) : null}
        {retry && offerRetry ? (
          <div className="step-actions">
            <button
              type="button"
              className="btn btn-small"
              aria-label={`Retry ${label}`}
              title="Runs every unfinished step of this declare again now"
              disabled={retry.disabled || retry.retrying}
              onClick={retry.onRetry}
            >
              {retry.retrying ? 'Retrying…' : 'Retry'}
            </button>
          </div>
        ) : null}
      </div>
    </li>
  );
}
