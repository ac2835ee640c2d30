import type { ReactNode } from 'react';
import type { StepStatus } from '../../src-shared/domain.js';
import { CheckIcon, CloudOffIcon, CrossIcon, NotConfiguredIcon, PendingIcon, SkipIcon, SpinnerIcon } from './icons.js';

/**
 * A step's status as drawn: the contract's statuses, plus "waiting" for a network failure and
 * "blocked" for a step not tried because one it needs failed.
 */
export type StepLook = StepStatus | 'waiting' | 'blocked';

const ICONS: Record<StepLook, () => ReactNode> = {
  pending: PendingIcon,
  running: SpinnerIcon,
  done: CheckIcon,
  failed: CrossIcon,
  skipped: SkipIcon,
  'not-configured': NotConfiguredIcon,
  waiting: CloudOffIcon,
  blocked: PendingIcon,
};

export function StepStatusIcon({ status }: { status: StepLook }) {
  const Glyph = ICONS[status];
  return (
    <span className={`step-icon step-icon-${status}`}>
      <Glyph />
    </span>
  );
}
