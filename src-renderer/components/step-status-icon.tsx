import type { ReactNode } from 'react';
import type { StepStatus } from '../../src-shared/domain.js';
import { CheckIcon, CloudOffIcon, CrossIcon, NotConfiguredIcon, PendingIcon, SkipIcon, SpinnerIcon } from './icons.js';

/** A step's status as drawn: the contract's statuses, plus "waiting" for a network failure. */
export type StepLook = StepStatus | 'waiting';

const ICONS: Record<StepLook, () => ReactNode> = {
  pending: PendingIcon,
  running: SpinnerIcon,
  done: CheckIcon,
  failed: CrossIcon,
  skipped: SkipIcon,
  'not-configured': NotConfiguredIcon,
  waiting: CloudOffIcon,
};

export function StepStatusIcon({ status }: { status: StepLook }) {
  const Glyph = ICONS[status];
  return (
    <span className={`step-icon step-icon-${status}`}>
      <Glyph />
    </span>
  );
}
