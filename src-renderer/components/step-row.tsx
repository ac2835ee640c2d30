import type { DeclareStepState } from '../../src-shared/domain.js';
import { isSettled, isWaitingForNetwork } from '../lib/declare-phase.js';
import { plural, STEP_LABELS, STEP_STATUS_LABELS, WAITING_FOR_NETWORK_LABEL } from '../lib/labels.js';
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
  /** Offered on a failed step only. */
  retry?: StepRetry;
}

/** One declare step: what it is, how far it got, its link, and what to do while it cannot be done. */
export function StepRow({ step, retry }: StepRowProps) {
  const waiting = isWaitingForNetwork(step);
  const look: StepLook = waiting ? 'waiting' : step.status;
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
            <span className={`step-status step-status-${look}`}>
              {waiting ? WAITING_FOR_NETWORK_LABEL : STEP_STATUS_LABELS[step.status]}
            </span>
          </span>
        </div>
        {troubled && step.error ? <p className={waiting ? 'step-error is-network' : 'step-error'}>{step.error}</p> : null}
        {troubled && !isSettled(step) && step.manualFallback ? (
          <p className="step-fallback">
            <strong>Do this by hand meanwhile:</strong> {step.manualFallback}
          </p>
        ) : null}
        {retry && step.status === 'failed' ? (
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
