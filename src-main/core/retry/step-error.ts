// One error type for every vendor call a declare makes, classified once at the edge of each client
// (Slack, PagerDuty, the hub) so that the retry policy and the UI read the same facts: is it the
// network's fault (retry by itself, "waiting for network"), or does a person have to fix something?
export type StepErrorKind =
  /** No answer: offline, refused, reset, DNS. */
  | 'network'
  | 'timeout'
  /** 429: wait `retryAfterMs`. */
  | 'rate-limited'
  /** 5xx. */
  | 'server'
  /** Revoked, invalid or under-privileged token: a person must fix the setting. */
  | 'auth'
  /** The vendor refused the request itself (4xx, Slack `ok:false`): retrying the same request won't help. */
  | 'rejected'
  /** An answer that is not what the API promises (garbage JSON, HTML from a proxy). */
  | 'bad-response';

const TRANSIENT: ReadonlySet<StepErrorKind> = new Set(['network', 'timeout', 'rate-limited', 'server', 'bad-response']);

export class StepError extends Error {
  override readonly name = 'StepError';
  constructor(
    readonly kind: StepErrorKind,
    message: string,
    /** How long the vendor asked us to wait (Retry-After, ratelimit-reset). */
    readonly retryAfterMs?: number,
    /** The vendor's own error code (Slack `error`, PagerDuty `code`), when it gave one. */
    readonly vendorCode?: string,
  ) {
    super(message);
  }

  /** Worth trying again without anyone changing anything. */
  get transient(): boolean {
    return TRANSIENT.has(this.kind);
  }

  /** The network (or the vendor's health) is to blame: the outbox finishes it once they are back. */
  get waitingForNetwork(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'server' || this.kind === 'rate-limited';
  }
}

export const asStepError = (error: unknown): StepError =>
  error instanceof StepError ? error : new StepError('bad-response', error instanceof Error ? error.message : String(error));

/** Seconds from a `Retry-After` (delta-seconds or HTTP date) or `ratelimit-reset` header, as ms. */
export function retryAfterMs(headers: { get(name: string): string | null }, now = Date.now()): number | undefined {
  const raw = headers.get('retry-after') ?? headers.get('ratelimit-reset');
  if (raw === null || raw.trim() === '') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
