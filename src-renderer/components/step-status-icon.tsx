import type { ReactNode } from 'react';
import type { StepStatus } from '../../src-shared/domain.js';
import { CheckIcon, CrossIcon, NotConfiguredIcon, PendingIcon, SkipIcon, SpinnerIcon } from './icons.js';

const ICONS: Record<StepStatus, () => ReactNode> = {
  pending: PendingIcon,
  running: SpinnerIcon,
  done: CheckIcon,
  failed: CrossIcon,
  skipped: SkipIcon,
  'not-configured': NotConfiguredIcon,
};

export function StepStatusIcon({ status }: { status: StepStatus }) {
  const Glyph = ICONS[status];
  return (
    <span className={`step-icon step-icon-${status}`}>
      <Glyph />
    </span>
  );
}
