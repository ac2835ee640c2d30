// The open incidents as the store (team hub or embedded local store) last answered, kept in memory so
// the snapshot costs nothing to build. Read after every write of ours and by polling (with the hub a
// conditional request answers 304 when nothing changed), and kept up to date between reads by the
// hub's event stream, incident by incident, without a request: a burst of 1,000 declares used to
// mean a full read per event, thousands of requests that a rate limit then refused, leaving the list
// half-filled.
import type { Incident } from '../../../src-shared/domain.js';
import type { HubClient } from '../../../src-shared/hub-client-contract.js';

/** Pages read at most per refresh: 10 × 200 open incidents is far beyond any real team's. */
const PAGES_MAX = 10;
const PAGE_SIZE = 200;

/** The list with one incident as it is now: replaced, added (newest first) or, once resolved, gone. */
function withIncident(list: readonly Incident[], incident: Incident): Incident[] | undefined {
  const at = list.findIndex((i) => i.id === incident.id);
  const current = at < 0 ? undefined : list[at];
  if (incident.status === 'resolved') return current ? list.filter((i) => i.id !== incident.id) : undefined;
  if (!current) return [incident, ...list];
  // The stream is ordered, but a read's answer may already hold this change or a later one.
  if (Date.parse(incident.updatedAt) <= Date.parse(current.updatedAt)) return undefined;
  const next = [...list];
  next[at] = incident;
  return next;
}

export class OpenIncidents {
  private incidents: Incident[] = [];
  private etag: string | undefined;
  private error: Error | undefined;
  private reading: Promise<boolean> | undefined;
  private readAgain: Promise<boolean> | undefined;
  /** Incidents the stream told while a read was under way: they may be newer than what it answers. */
  private readonly toldDuringRead = new Map<string, Incident>();

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

  /** One incident as the hub's event stream told it; answers whether the list changed. */
  apply(incident: Incident): boolean {
    if (this.reading) this.toldDuringRead.set(incident.id, incident);
    const next = withIncident(this.incidents, incident);
    if (next) this.incidents = next;
    return next !== undefined;
  }

  /**
   * Reads the open list; answers whether it changed. Failures are kept, not thrown (the last list
   * stays). One read at a time: callers while one is under way share one more read after it, so a
   * burst of changes costs two reads, not one each, and an older answer never lands after a newer one.
   */
  refresh(): Promise<boolean> {
    if (!this.reading) {
      this.reading = this.read().finally(() => {
        this.reading = undefined;
      });
      return this.reading;
    }
    this.readAgain ??= this.reading.then(() => {
      this.readAgain = undefined;
      return this.refresh();
    });
    return this.readAgain;
  }

  private async read(): Promise<boolean> {
    this.toldDuringRead.clear();
    try {
      const store = await this.store();
      const first = await store.listIncidents({ status: 'open', limit: PAGE_SIZE, ...(this.etag ? { ifNoneMatch: this.etag } : {}) });
      this.error = undefined;
      if (first.notModified) return false;
      let all = [...first.incidents];
      let cursor = first.nextCursor;
      for (let page = 1; cursor && page < PAGES_MAX; page++) {
        const next = await store.listIncidents({ status: 'open', limit: PAGE_SIZE, cursor });
        if (next.notModified) break;
        all.push(...next.incidents);
        cursor = next.nextCursor;
      }
      // What the stream told meanwhile may be newer than the answer (read before it happened).
      for (const incident of this.toldDuringRead.values()) all = withIncident(all, incident) ?? all;
      const changed = JSON.stringify(all) !== JSON.stringify(this.incidents);
      this.incidents = all;
      this.etag = first.etag;
      return changed;
    } catch (error) {
      this.error = error instanceof Error ? error : new Error(String(error));
      return false;
    } finally {
      this.toldDuringRead.clear();
    }
  }
}
