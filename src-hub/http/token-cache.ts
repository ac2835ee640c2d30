// Who a token belongs to, remembered for a short while: every poll carries a token, and a database
// lookup per poll would be the most expensive step of answering 304. Keyed by the token's hash (the
// raw token is never kept). The TTL bounds how long a token removed from the database still works.
export class TokenCache {
  private readonly entries = new Map<string, { user: string; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(tokenHash: string): string | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry.user;
  }

  set(tokenHash: string, user: string): void {
    // Oldest first out: Maps iterate in insertion order, which is enough for a bound, not an LRU.
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(tokenHash, { user, expiresAt: this.now() + this.ttlMs });
  }
}
