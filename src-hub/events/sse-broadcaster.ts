// The SSE connections of GET /v1/events. Each connection first replays the events after its
// Last-Event-ID from the event table, then streams live ones; live events that arrive during the
// replay are held back and sent after it, without gaps or repeats, so resuming is exact.
// A client that cannot keep up is disconnected (it resumes with Last-Event-ID) rather than letting
// its buffer grow without bound; on shutdown every stream is ended so the server can close.
import type { ServerResponse } from 'node:http';
import type { HubEvent } from '../../src-shared/hub-api.js';
import type { HubRepository } from '../storage/repository.js';
import type { EventBus } from './event-bus.js';
import { formatSseEvent, formatSsePosition, SSE_HEARTBEAT } from './sse-format.js';

const REPLAY_PAGE = 500;
/** More than this many bytes waiting in a socket means the client stopped reading. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
const RECONNECT_AFTER_MS = 2_000;
const STORAGE_UNAVAILABLE = JSON.stringify({ error: { code: 'unavailable', message: 'the hub cannot reach its database right now; retry shortly' } });

interface Connection {
  response: ServerResponse;
  end(): void;
}

export interface SseOptions {
  heartbeatMs: number;
}

export class SseBroadcaster {
  private readonly connections = new Set<Connection>();
  private readonly heartbeat: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly bus: EventBus,
    private readonly repository: HubRepository,
    options: SseOptions,
  ) {
    // One timer for all streams: a comment line keeps proxies and NATs from dropping idle streams and
    // lets clients notice a dead connection.
    this.heartbeat = setInterval(() => {
      for (const connection of this.connections) this.write(connection, SSE_HEARTBEAT);
    }, options.heartbeatMs);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.connections.size;
  }

  /** Takes over a response whose headers are not yet sent and streams events after `lastEventId`. */
  async open(response: ServerResponse, lastEventId: number | undefined): Promise<void> {
    if (this.closed) {
      response.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'unavailable', message: 'the hub is shutting down' } }));
      return;
    }
    // Subscribe first: whatever is published while we look up the position is held, not missed.
    let held: { event: HubEvent; frame: string }[] | undefined = [];
    let sent = 0;
    const unsubscribe = this.bus.subscribe((event, frame) => {
      if (held) held.push({ event, frame });
      else if (event.id > sent) {
        sent = event.id;
        this.write(connection, frame);
      }
    });
    const connection: Connection = {
      response,
      end: () => {
        unsubscribe();
        this.connections.delete(connection);
        if (!response.writableEnded) response.end();
      },
    };
    response.on('close', connection.end);
    try {
      sent = await this.startPosition(lastEventId);
    } catch {
      // The database could not say where the stream starts: the client retries (EventSource does).
      if (!response.headersSent) response.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '2' }).end(STORAGE_UNAVAILABLE);
      connection.end();
      return;
    }
    if (response.destroyed || response.writableEnded) return connection.end();
    if (this.closed) {
      response.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'unavailable', message: 'the hub is shutting down' } }));
      return connection.end();
    }
    // Only now a member: the heartbeat must not write before the headers.
    this.connections.add(connection);
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    this.write(connection, `retry: ${RECONNECT_AFTER_MS}\n: connected\n\n${formatSsePosition(sent)}`);

    try {
      if (lastEventId !== undefined && sent < this.bus.lastEventId) {
        for (;;) {
          const page = await this.repository.eventsAfter(sent, REPLAY_PAGE);
          for (const event of page) {
            if (!this.connections.has(connection)) return;
            sent = event.id;
            this.write(connection, formatSseEvent(event));
          }
          if (page.length < REPLAY_PAGE) break;
        }
      }
    } catch {
      connection.end();
      return;
    }
    const pending = held;
    held = undefined;
    for (const { event, frame } of pending) {
      if (event.id > sent) {
        sent = event.id;
        this.write(connection, frame);
      }
    }
  }

  /**
   * Where a stream starts: the client's Last-Event-ID, or the newest event when it sent none. An id
   * beyond the newest event comes from another database (the file was replaced): resume from now, or
   * the client would wait silently until the new sequence caught up with its old position. Before
   * calling an id "beyond", ask the database: with several instances, the id may come from another
   * instance whose event this one has not read yet (replaying it would repeat it to the client).
   */
  private async startPosition(lastEventId: number | undefined): Promise<number> {
    if (lastEventId === undefined) return this.bus.lastEventId;
    if (lastEventId <= this.bus.lastEventId) return lastEventId;
    return Math.min(lastEventId, Math.max(this.bus.lastEventId, await this.repository.lastEventId()));
  }

  /** Ends every stream (graceful shutdown); clients reconnect elsewhere with their Last-Event-ID. */
  closeAll(): void {
    this.closed = true;
    clearInterval(this.heartbeat);
    for (const connection of [...this.connections]) connection.end();
  }

  private write(connection: Connection, chunk: string): void {
    const { response } = connection;
    if (response.writableEnded || response.destroyed) return;
    if (response.writableLength > MAX_BUFFERED_BYTES) {
      response.destroy();
      return;
    }
    response.write(chunk);
  }
}
