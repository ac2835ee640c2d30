// How committed events reach the in-process bus (and so SSE clients and list ETags). A writer calls
// `publish` after its transaction committed; the feed decides how those events reach the bus.
// With one SQLite file the writer is the only source, so it publishes them directly; with PostgreSQL
// other instances write too, and the bus must see every instance's events in id order, so the feed
// reads them from the events table instead (postgres-change-feed.ts).
import type { HubEvent } from '../../src-shared/hub-api.js';
import type { EventBus } from './event-bus.js';

/**
 * Where a writer reports the events its transaction committed (the bus itself is one). The writer
 * awaits it before answering, so that the instance that took a write has it on its bus (list ETag,
 * SSE position) by the time the client hears back: read-your-writes on that instance.
 */
export interface EventSink {
  publish(events: readonly HubEvent[]): void | Promise<void>;
}

export interface ChangeFeed extends EventSink {
  close(): Promise<void>;
}

/** One process, one writer: its own commits are the whole sequence, in order. */
export class LocalChangeFeed implements ChangeFeed {
  constructor(private readonly bus: EventBus) {}

  publish(events: readonly HubEvent[]): void {
    this.bus.publish(events);
  }

  async close(): Promise<void> {}
}
