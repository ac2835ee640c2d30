import type { DeclareStepState } from '../../src-shared/domain.js';
import { STEP_LABELS, STEP_STATUS_LABELS } from '../lib/labels.js';
import { LinkButton } from './link-button.js';
import { StepStatusIcon } from './step-status-icon.js';

/** The declare steps with their progress; announced politely as statuses change. */
export function StepList({ steps }: { steps: readonly DeclareStepState[] }) {
  return (
    <ul className="step-list" aria-live="polite" aria-label="Declare steps">
      {steps.map((step) => (
        <li key={step.step} className={`step step-${step.status}`} data-step={step.step}>
          <StepStatusIcon status={step.status} />
          <div className="step-body">
            <div className="step-line">
              <span className="step-name">{STEP_LABELS[step.step]}</span>
              <span className={`step-status step-status-${step.status}`}>{STEP_STATUS_LABELS[step.status]}</span>
            </div>
            {step.url ? (
              <LinkButton url={step.url} label={`Open ${STEP_LABELS[step.step]}`}>
                Open
              </LinkButton>
            ) : null}
            {step.error ? <p className="step-error">{step.error}</p> : null}
            {step.manualFallback ? (
              <p className="step-fallback">
                <strong>Do this by hand:</strong> {step.manualFallback}
              </p>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
