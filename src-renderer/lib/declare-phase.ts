// Where a declare stands, in the words a person needs: is it still working, waiting for the network
// (the outbox will finish it by itself), or does it need someone (a step failed for another reason)?
// Pure, so the declare window and the popover's outbox line always agree.
import { SETTLED_STEP_STATUSES, type DeclareProgress, type DeclareStepState } from '../../src-shared/domain.js';

export type DeclarePhase = 'finished' | 'attention' | 'network' | 'working';

export const isSettled = (step: DeclareStepState): boolean => SETTLED_STEP_STATUSES.includes(step.status);

/** The network's fault (offline, timeout, 5xx, 429): main retries it, so it is not an alarm. */
export const isWaitingForNetwork = (step: DeclareStepState): boolean => step.waitingForNetwork === true && !isSettled(step);

/**
 * Failed without a single call tried: main did not get to it because a step it needs failed (the
 * posts need the channel). The contract has no "blocked by" field, and zero attempts is exactly what
 * it means; such a step finishes with the one it waits for, so it gets no Retry or alarm of its own.
 */
export const isBlocked = (step: DeclareStepState): boolean => step.status === 'failed' && step.attempts === 0;

/** Failed for a reason retrying on its own will not fix (a refusal, a bad token…). */
export const needsAttention = (step: DeclareStepState): boolean => step.status === 'failed' && !isWaitingForNetwork(step);

export function declarePhase(declare: DeclareProgress): DeclarePhase {
  if (declare.finished) return 'finished';
  // A refusal outranks waiting: waiting resolves itself, a refusal never does.
  if (declare.steps.some(needsAttention)) return 'attention';
  if (declare.steps.some(isWaitingForNetwork)) return 'network';
  return 'working';
}

/** The steps worth naming in a one-line summary: tried, and failed or waiting for the network. */
export const troubledSteps = (declare: DeclareProgress): DeclareStepState[] =>
  declare.steps.filter((step) => !isBlocked(step) && (needsAttention(step) || isWaitingForNetwork(step)));

/** Steps not tried yet because one they need failed. */
export const blockedSteps = (declare: DeclareProgress): DeclareStepState[] => declare.steps.filter(isBlocked);

