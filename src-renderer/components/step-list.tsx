import type { DeclareStepState } from '../../src-shared/domain.js';
import { StepRow, type StepRetry } from './step-row.js';

/** The declare steps with their progress; announced politely as statuses change. */
export function StepList({ steps, retry }: { steps: readonly DeclareStepState[]; retry?: StepRetry }) {
  return (
    <ul className="step-list" aria-live="polite" aria-label="Declare steps">
      {steps.map((step) => (
        <StepRow key={step.step} step={step} retry={retry} />
      ))}
    </ul>
  );
}
