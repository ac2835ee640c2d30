// The open incidents as the store (team hub or embedded local store) last answered, kept in memory so
// the snapshot costs nothing to build. Refreshed after every write of ours and by polling; with the
// hub a conditional request answers 304 when nothing changed.
import type { Incident } from '../../../src-shared/domain.js';
import type { HubClient } from '../../../src-shared/hub-client-contract.js';

/** Pages read at most per refresh: 10 × 200 open incidents is far beyond any real team's. */
const PAGES_MAX = 10;
const PAGE_SIZE = 200;

export class OpenIncidents {
  private incidents: Incident[] = [];
  private etag: string | undefined;
  private error: Error | undefined;

  constructor(private readonly store: () => Promise<HubClient>) {}

  list(): Incident[] {
    return this.incidents;
  }

  names(): Set<string> {
    return new Set(this.incidents.map((i) => i.name));
  }

  /** Why the last refresh failed, until one succeeds. */
  lastError(): Error | undefined {
    return this.error;
  }

  /** Forgets the list (the store changed: another hub, or local instead of hub). */
  reset(): void {
    this.incidents = [];
    this.etag = undefined;
  }

  /** Reads the open list; answers whether it changed. Failures are kept, not thrown (the last list stays). */
  async refresh(): Promise<boolean> {
    try {
      const store = await this.store();
      const first = await store.listIncidents({ status: 'open', limit: PAGE_SIZE, ...(this.etag ? { ifNoneMatch: this.etag } : {}) });
      this.error = undefined;
      if (first.notModified) return false;
      const all = [...first.incidents];
      let cursor = first.nextCursor;
      for (let page = 1; cursor && page < PAGES_MAX; page++) {
        const next = await store.listIncidents({ status: 'open', limit: PAGE_SIZE, cursor });
        if (next.notModified) break;
        all.push(...next.incidents);
        cursor = next.nextCursor;
      }
      const changed = JSON.stringify(all) !== JSON.stringify(this.incidents);
      this.incidents = all;
      this.etag = first.etag;
      return changed;
    } catch (error) {
      this.error = error instanceof Error ? error : new Error(String(error));
      return false;
    }
  }
}
