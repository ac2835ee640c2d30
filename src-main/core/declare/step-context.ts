// What every declare step works with, and the one way a step runs: marked running, its work retried
// under the policy (the work resumes from the state it saved, so a retry never redoes a finished
// call), then recorded as done or failed with a message that names what failed and what to fix.
import type { DeclareStepName } from '../../../src-shared/domain.js';
import { HubError, type HubClient } from '../../../src-shared/hub-client-contract.js';
import type { Settings } from '../../../src-shared/settings.js';
import type { PagerDutyAccess } from '../pagerduty/pagerduty-access.js';
import type { Clock } from '../ports.js';
import { withRetry, type RetryPolicy } from '../retry/retry-policy.js';
import { asStepError, StepError } from '../retry/step-error.js';
import type { SlackGateway } from '../slack/slack-gateway.js';
import type { DeclareFacts } from '../slack/declare-messages.js';
import { isSettled, type DeclareRecord, type Outbox, type StepRecord, type StepState } from './outbox.js';

export interface PagerDutyTarget extends PagerDutyAccess {
  resolveService(nameOrId: string): Promise<string | undefined>;
}

export interface DeclareVendors {
  slack?: SlackGateway;
  pagerduty?: PagerDutyTarget;
  incidents: HubClient;
}

export interface StepContext {
  declare: DeclareRecord;
  facts: DeclareFacts;
  outbox: Outbox;
  vendors: DeclareVendors;
  settings: Settings;
  declarerEmail?: string;
  clock: Clock;
  policy: RetryPolicy;
  /** Something the UI shows changed. */
  changed(): void;
}

/** What a step's work reports when it is done. */
export interface StepDone {
  url?: string;
}

/** Saves part of a step's state as soon as it is known (before the next call). */
export type SaveState = (state: StepState) => void;

export function saveStepState(ctx: StepContext, step: DeclareStepName): SaveState {
  return (state) => ctx.outbox.saveStep(ctx.declare.id, step, { state }, ctx.clock.now().toISOString());
}

/** The hub's and the embedded store's HubError, as the StepError the retry policy understands. */
export function hubStepError(error: unknown): StepError {
  if (!(error instanceof HubError)) return asStepError(error);
  const wait = error.retryAfterSeconds === undefined ? undefined : error.retryAfterSeconds * 1000;
  if (error.code === 'network') return new StepError('network', error.message);
  if (error.code === 'timeout') return new StepError('timeout', error.message);
  if (error.code === 'bad_response') return new StepError('bad-response', error.message);
  if (error.status === 429) return new StepError('rate-limited', error.message, wait ?? 1000, error.code);
  if (error.status === 409 && error.code === 'idempotency_in_progress') return new StepError('server', error.message, wait ?? 1000, error.code);
  if (error.status >= 500) return new StepError('server', error.message, wait, error.code);
  if (error.status === 401 || error.status === 403) return new StepError('auth', `the hub refused the token (${error.message}): update the hub token in Settings`, undefined, error.code);
  return new StepError('rejected', error.message, undefined, error.code);
}

/**
 * Runs one step unless it is settled already. Returns the step as recorded afterwards.
 * `onFirstAttempt` fires once the first try ended (the Slack channel waits for the hub's first answer).
 */
export async function runStep(
  ctx: StepContext,
  step: DeclareStepName,
  work: (state: StepState, save: SaveState) => Promise<StepDone>,
  onFirstAttempt: () => void = () => undefined,
): Promise<StepRecord | undefined> {
  const id = ctx.declare.id;
  const now = () => ctx.clock.now().toISOString();
  const current = ctx.outbox.step(id, step);
  if (!current || isSettled(current.status)) {
    onFirstAttempt();
    return current;
  }
  let attempts = current.attempts + 1;
  ctx.outbox.saveStep(id, step, { status: 'running', attempts, error: undefined, waitingForNetwork: false }, now());
  ctx.changed();
  const save = saveStepState(ctx, step);
  let first = true;
  try {
    const done = await withRetry(
      async () => {
        try {
          return await work(ctx.outbox.step(id, step)?.state ?? {}, save);
        } finally {
          if (first) {
            first = false;
            onFirstAttempt();
          }
        }
      },
      ctx.policy,
      (error) => {
        attempts += 1;
        ctx.outbox.saveStep(id, step, { attempts, error: `${error.message}; trying again`, waitingForNetwork: error.waitingForNetwork }, now());
        ctx.changed();
      },
    );
    ctx.outbox.saveStep(id, step, { status: 'done', url: done.url, error: undefined, waitingForNetwork: false }, now());
  } catch (error) {
    const failure = asStepError(error);
    ctx.outbox.saveStep(id, step, { status: 'failed', error: failure.message, waitingForNetwork: failure.waitingForNetwork }, now());
  }
  ctx.changed();
  return ctx.outbox.step(id, step);
}

/** A step that cannot start because the one it needs failed: failed too, saying why, retried with it. */
export function blockedBy(ctx: StepContext, step: DeclareStepName, needs: StepRecord | undefined, what: string): StepRecord | undefined {
  const current = ctx.outbox.step(ctx.declare.id, step);
  if (!current || isSettled(current.status)) return current;
  ctx.outbox.saveStep(
    ctx.declare.id,
    step,
    { status: 'failed', error: `not tried yet: it needs ${what}, which failed`, waitingForNetwork: needs?.waitingForNetwork ?? false },
    ctx.clock.now().toISOString(),
  );
  ctx.changed();
  return ctx.outbox.step(ctx.declare.id, step);
}
