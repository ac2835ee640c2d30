// Rate limit per token: a fixed window of `max` requests per `timeWindowMs`, counted in memory.
// It runs inside the auth hook, synchronously, because it sits on the hottest path (every poll of
// every client) and must know the token anyway. One hub process counts alone: several instances
// behind a balancer would each allow `max` (a shared store would come with the PostgreSQL backend).
export interface RateLimitOptions {
  /** Requests per window per token. */
  max: number;
  timeWindowMs: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class TokenRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private lastSweep: number;

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSweep = now();
  }

  take(key: string): RateDecision {
    const now = this.now();
    if (now - this.lastSweep > this.options.timeWindowMs) this.sweep(now);
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.options.timeWindowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count <= this.options.max) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + this.options.timeWindowMs - now) / 1000)) };
  }

  /** Forgets finished windows so memory follows the active tokens, not every token ever seen. */
  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (now - window.start >= this.options.timeWindowMs) this.windows.delete(key);
  }
}
