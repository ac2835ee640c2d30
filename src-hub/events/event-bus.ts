// In-process fan-out of committed events, and the hub's view of its change sequence. Writers publish
// after their transaction commits, so the sequence seen here never runs ahead of what a read returns
// (a list ETag computed from it can be older than the data, which costs one 200, never newer, which
// would hide a change behind a 304). With PostgreSQL it is fed, in id order, by the change feed that
// follows the shared events table (storage/postgres/postgres-change-feed.ts).
import type { HubEvent } from '../../src-shared/hub-api.js';
import { formatSseEvent } from './sse-format.js';

/** The frame is serialised once per event, not once per connected client. */
export type EventListener = (event: HubEvent, frame: string) => void;

export class EventBus {
  private readonly listeners = new Set<EventListener>();

  constructor(private sequence: number) {}

  get lastEventId(): number {
    return this.sequence;
  }

  publish(events: readonly HubEvent[]): void {
    for (const event of events) {
      if (event.id > this.sequence) this.sequence = event.id;
      const frame = formatSseEvent(event);
      for (const listener of this.listeners) listener(event, frame);
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
