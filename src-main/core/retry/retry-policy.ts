// Bounded exponential backoff with full jitter (DESIGN.md §3), over the `exponential-backoff` library:
// transient failures are retried a few times within one run, a vendor's Retry-After is honoured (up
// to a cap), and anything a person must fix fails at once. What is still failing after the bound is
// left to the outbox, which resumes it later with the same idempotency keys.
import { backOff } from 'exponential-backoff';
import { asStepError, type StepError } from './step-error.js';

export interface RetryPolicy {
  /** Tries per call within one run, the first included. */
  attempts: number;
  /** First backoff delay; doubles each time, full jitter picks anything between 0 and it. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited out now: the outbox tries later. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 4, baseDelayMs: 300, maxDelayMs: 5_000, maxRetryAfterMs: 30_000 };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `call` under the policy. `onRetry` hears about each failed try that will be retried (the step
 * records its attempts). Throws the last StepError.
 */
export async function withRetry<T>(
  call: () => Promise<T>,
  policy: RetryPolicy,
  onRetry: (error: StepError, nextAttempt: number) => void = () => undefined,
): Promise<T> {
  let last: StepError | undefined;
  try {
    return await backOff(
      async () => {
        try {
          return await call();
        } catch (error) {
          last = asStepError(error);
          throw last;
        }
      },
      {
        numOfAttempts: Math.max(1, policy.attempts),
        startingDelay: policy.baseDelayMs,
        maxDelay: policy.maxDelayMs,
        timeMultiple: 2,
        jitter: 'full',
        // The library calls this after every failure, the last one included (with the count of tries
        // made so far): only a failure that will really be retried may wait or be reported as such.
        retry: async (_error: unknown, triesSoFar: number) => {
          const error = last;
          if (!error?.transient || triesSoFar >= policy.attempts) return false;
          if (error.retryAfterMs !== undefined) {
            if (error.retryAfterMs > policy.maxRetryAfterMs) return false;
            // The backoff's own (jittered) delay follows; waiting the asked time first honours it.
            await sleep(error.retryAfterMs);
          }
          onRetry(error, triesSoFar + 1);
          return true;
        },
      },
    );
  } catch (error) {
    throw asStepError(last ?? error);
  }
}
