// Feeds the in-process bus from the shared events table, so an incident created through any hub
// instance reaches the SSE clients (and moves the list ETags) of every instance. One dedicated
// connection LISTENs on EVENTS_CHANNEL; each NOTIFY — or a commit of this instance — wakes a reader
// that fetches the events after its cursor, in id order, and publishes them. Ids become visible in
// order (EVENTS_LOCK), so "after the cursor" never skips an event that commits later.
// Losing the listening connection (database restart) loses no event: on reconnect the reader catches
// up from its cursor; a slow safety poll covers the time until the connection is back.
import pg from 'pg';
import type { HubEvent } from '../../../src-shared/hub-api.js';
import type { ChangeFeed } from '../../events/change-feed.js';
import type { EventBus } from '../../events/event-bus.js';
import type { HubRepository } from '../repository.js';
import { EVENTS_CHANNEL } from './postgres-sql.js';

const PAGE = 500;
const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 2_000;
const READ_RETRY_MS = 250;
const PUBLISH_WAIT_MAX_MS = 2_000;

export interface PostgresChangeFeedOptions {
  connectionString: string;
  /** While LISTEN is down, how often the reader looks anyway. */
  safetyPollMs?: number;
  log: (message: string, fields?: Record<string, unknown>) => void;
}

export class PostgresChangeFeed implements ChangeFeed {
  private listener: pg.Client | undefined;
  private listening = false;
  private closed = false;
  private reading: Promise<void> | undefined;
  private readAgain = false;
  private readFailing = false;
  private reconnectDelay = RECONNECT_MIN_MS;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private readonly safetyPoll: NodeJS.Timeout;
  private readonly waiters = new Set<{ target: number; resolve: () => void }>();

  private constructor(
    private readonly bus: EventBus,
    private readonly repository: HubRepository,
    private readonly options: PostgresChangeFeedOptions,
  ) {
    this.safetyPoll = setInterval(() => {
      if (!this.listening) this.wake();
    }, options.safetyPollMs ?? 1_000);
    this.safetyPoll.unref();
  }

  /** Starts listening; resolves once LISTEN is in place (or throws when the database is unreachable). */
  static async start(bus: EventBus, repository: HubRepository, options: PostgresChangeFeedOptions): Promise<PostgresChangeFeed> {
    const feed = new PostgresChangeFeed(bus, repository, options);
    try {
      await feed.listen();
    } catch (error) {
      await feed.close();
      throw error;
    }
    return feed;
  }

  /**
   * This instance committed `events`. When they directly follow what the bus has, nothing can be
   * missing in between (ids become visible in order), so they are published as they are, without a
   * query; otherwise another instance's events come first and are read now. Resolves once the bus
   * has them (or after a bound, should the database vanish right after our commit).
   */
  publish(events: readonly HubEvent[]): Promise<void> {
    const target = Math.max(0, ...events.map((event) => event.id));
    if (target <= this.bus.lastEventId) return Promise.resolve();
    const fresh = events.filter((event) => event.id > this.bus.lastEventId);
    if (fresh.every((event, i) => event.id === this.bus.lastEventId + 1 + i)) {
      this.bus.publish(fresh);
      this.settleWaiters();
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const waiter = { target, resolve: () => (clearTimeout(timer), resolve()) };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        resolve();
      }, PUBLISH_WAIT_MAX_MS);
      this.waiters.add(waiter);
      this.wake();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.safetyPoll);
    clearTimeout(this.reconnectTimer);
    const listener = this.listener;
    this.listener = undefined;
    this.listening = false;
    await listener?.end().catch(() => {});
    await this.reading;
    for (const waiter of this.waiters) waiter.resolve();
    this.waiters.clear();
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.connectionString, application_name: 'incident-hub-listener', keepAlive: true });
    const lost = (error?: Error) => {
      if (this.listener !== client) return;
      this.listener = undefined;
      this.listening = false;
      client.end().catch(() => {});
      if (this.closed) return;
      this.options.log('lost the database event listener; reconnecting', { error: error?.message ?? 'connection ended' });
      this.scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', () => this.wake());
    this.listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch (error) {
      if (this.listener === client) this.listener = undefined;
      client.end().catch(() => {});
      throw error;
    }
    this.listening = true;
    this.reconnectDelay = RECONNECT_MIN_MS;
    // Whatever committed while we were not listening.
    this.wake();
  }

  private scheduleReconnect(): void {
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      if (this.closed) return;
      this.listen().catch(() => {
        this.reconnectDelay = Math.min(this.reconnectDelay * 2, RECONNECT_MAX_MS);
        this.scheduleReconnect();
      });
    }, this.reconnectDelay);
    this.reconnectTimer.unref();
  }

  /** One reader at a time; a wake during a read makes it read once more, so nothing waits for the next wake. */
  private wake(): void {
    if (this.closed) return;
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = this.readAll().finally(() => {
      this.reading = undefined;
      if (this.readAgain) {
        this.readAgain = false;
        this.wake();
      }
    });
  }

  private settleWaiters(): void {
    for (const waiter of this.waiters) {
      if (waiter.target <= this.bus.lastEventId) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  private async readAll(): Promise<void> {
    try {
      for (;;) {
        const events = await this.repository.eventsAfter(this.bus.lastEventId, PAGE);
        if (this.closed) return;
        // Our own commits may have been published directly while this read was in flight.
        this.bus.publish(events.filter((event) => event.id > this.bus.lastEventId));
        this.settleWaiters();
        if (events.length < PAGE) break;
      }
      this.readFailing = false;
    } catch (error) {
      // The database is unavailable or busy: try again shortly, or this instance would stay behind
      // until the next change anywhere woke it (while the listener is down, its reconnect and the
      // safety poll do that). Logged once per run of failures, not once per retry.
      if (!this.readFailing) this.options.log('reading hub events failed; retrying', { error: error instanceof Error ? error.message : String(error) });
      this.readFailing = true;
      if (!this.closed && this.listening) setTimeout(() => this.wake(), READ_RETRY_MS).unref();
    }
  }
}
