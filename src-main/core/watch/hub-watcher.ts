// Watches the shared incident API (issue #6): Server-Sent Events with Last-Event-ID resume from the
// position stored in SQLite, and conditional polling of the open list (ETag/304) when the stream is
// unavailable. Either way each change is classified once (hub-changes.ts) and handed to the sink;
// the position is saved after the sink has it, so a crash replays rather than loses (the ledger
// then drops the repeat).
import { EventSource } from 'eventsource';
import { incidentSchema, type Incident } from '../../../src-shared/domain.js';
import { HUB_EVENT_TYPES } from '../../../src-shared/hub-api.js';
import type { HubClient } from '../../../src-shared/hub-client-contract.js';
import type { WatchPositions } from '../notify/notification-ledger.js';
import { nodeHttp } from '../node-http.js';
import type { Clock, Http } from '../ports.js';
import { hubChanges, type Me } from './hub-changes.js';
import type { WatchSink } from './watch-event.js';

export interface HubWatcherOptions {
  /** The hub's URL and token; undefined in local mode (then only polling runs). */
  stream: () => { url: string; token: string } | undefined;
  store: () => Promise<HubClient>;
  positions: WatchPositions;
  sink: WatchSink;
  me: () => Me;
  clock: Clock;
  http?: Http;
  /**
   * Called after a change was seen: with the incident as the stream told it (the core applies it to
   * its open list, no request), or without one after a poll (the core re-reads the list).
   */
  onChange?: (incident?: Incident) => void;
  /** Polling interval while SSE is down (and always in local mode). */
  pollMs?: number;
}

const POSITION = 'hub.events';
/** The open incidents as of POSITION: what replayed changes are compared with after a restart. */
const KNOWN = 'hub.known';
const POLL_MS = 15_000;
/** Consecutive stream failures after which polling takes over until the stream is back. */
const STREAM_FAILURES_BEFORE_POLLING = 2;
/** How long a first start waits for the stream's position before taking the list as it is. */
const FIRST_POSITION_WAIT_MS = 5_000;
/** A refused stream is tried again after 30 s, doubling up to 10 minutes. */
const STREAM_RETRY_MS = 30_000;
/**
 * While the stream is up, the open list is still compared now and then: a stream that died without
 * a word (a half-open TCP connection) must not silence the watcher for good. A 304 costs nothing.
 */
const STREAM_WATCHDOG_MS = 5 * 60_000;
const STREAM_RETRY_MAX_MS = 10 * 60_000;
/** The open list is read 200 at a time, up to this many pages (2,000 open incidents). */
const LIST_PAGE_SIZE = 200;
const LIST_PAGES_MAX = 10;
/**
 * The stream's position and the incidents known at it are saved together at most this often: a
 * burst of 1,000 changes must not write the whole known set 1,000 times. A crash in between replays
 * those changes from the older position against the incidents as they were then (the ledger drops
 * what was already told).
 */
const PERSIST_EVERY_MS = 250;

export class HubWatcher {
  private source: EventSource | undefined;
  private known = new Map<string, Incident>();
  private primed = false;
  private listEtag: string | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private streamFailures = 0;
  /** Resolves the first start's wait for the stream's position (or its failure). */
  private positioned: () => void = () => undefined;
  /** The stream's last event id not saved yet (see PERSIST_EVERY_MS). */
  private unsavedPosition: string | undefined;
  private persistTimer: NodeJS.Timeout | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private stopped = true;
  /** How this watcher learns of changes right now (for doctor, tests and the figures). */
  mode: 'stream' | 'polling' | 'stopped' = 'stopped';

  constructor(private readonly options: HubWatcherOptions) {}

  async start(): Promise<void> {
    this.stopped = false;
    const remembered = this.options.positions.get(KNOWN);
    if (remembered) {
      // A restart: changes since the stored position arrive as the stream's replay and are compared
      // with the incidents as they were then — news once, never stale news about the current state.
      this.known = new Map((JSON.parse(remembered) as Incident[]).map((i) => [i.id, i]));
      this.primed = true;
      this.connect();
    } else {
      // First start: the stream's position first, then the open list as the baseline, so nothing
      // that happens in between is lost (a create after the position is news even if the list has it).
      const positioned = new Promise<void>((resolve) => {
        this.positioned = resolve;
        setTimeout(resolve, FIRST_POSITION_WAIT_MS).unref();
      });
      this.connect();
      await positioned;
      if (this.stopped) return;
      await this.poll();
    }
    // Stopped while starting (the app quit, the CLI was stopped at once): no timer outlives it.
    if (this.stopped) return;
    const pollMs = this.options.pollMs ?? POLL_MS;
    let sinceWatchdog = 0;
    this.pollTimer = setInterval(() => {
      sinceWatchdog += pollMs;
      // Without a baseline yet (the first list read failed), the list is read at every tick until one.
      if (this.mode === 'polling' || !this.primed || sinceWatchdog >= STREAM_WATCHDOG_MS) {
        sinceWatchdog = 0;
        void this.poll();
      }
    }, pollMs);
    this.pollTimer.unref();
  }

  stop(): void {
    this.stopped = true;
    this.mode = 'stopped';
    // A start waiting for the stream's first position stops waiting.
    this.positioned();
    this.source?.close();
    this.source = undefined;
    this.persist();
    clearInterval(this.pollTimer);
    clearTimeout(this.reconnectTimer);
  }

  /** After sleep, a network change or new settings: reconnect and catch up now. */
  async resync(): Promise<void> {
    if (this.stopped) return;
    this.source?.close();
    this.source = undefined;
    this.streamFailures = 0;
    this.connect();
    await this.poll();
  }

  private connect(): void {
    const target = this.options.stream();
    if (!target) {
      this.mode = 'polling';
      this.positioned();
      return;
    }
    // No deadline on this request: a stream is meant to stay open (the watchdog covers a dead one).
    const http: Http = this.options.http ?? nodeHttp;
    const positions = this.options.positions;
    const url = new URL('v1/events', target.url.endsWith('/') ? target.url : `${target.url}/`);
    const source = new EventSource(url, {
      // Bearer auth, and the stored position on the first connect (the library sends its own
      // Last-Event-ID on reconnects, which is the same one: we store every id it sees).
      fetch: (input, init) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(init.headers)) headers[name.toLowerCase()] = value;
        headers.authorization = `Bearer ${target.token}`;
        const stored = positions.get(POSITION);
        if (headers['last-event-id'] === undefined && stored) headers['last-event-id'] = stored;
        return http(input, { headers, ...(init.signal instanceof AbortSignal ? { signal: init.signal } : {}) });
      },
    });
    this.source = source;
    source.addEventListener('open', () => {
      this.streamFailures = 0;
      this.mode = 'stream';
    });
    source.addEventListener('error', () => {
      this.streamFailures += 1;
      const gaveUp = source.readyState === EventSource.CLOSED;
      if (gaveUp) this.positioned();
      if ((gaveUp || this.streamFailures >= STREAM_FAILURES_BEFORE_POLLING) && this.mode !== 'polling') {
        this.mode = 'polling';
        void this.poll();
      }
      // A refused stream (not 200, not text/event-stream) is not retried by EventSource itself:
      // polling carries on, and the stream is tried again later, less often each time.
      if (gaveUp && !this.stopped) {
        clearTimeout(this.reconnectTimer);
        const wait = Math.min(STREAM_RETRY_MAX_MS, STREAM_RETRY_MS * 2 ** Math.min(this.streamFailures - 1, 6));
        this.reconnectTimer = setTimeout(() => {
          if (this.source === source && !this.stopped) this.connect();
        }, wait);
        this.reconnectTimer.unref();
      }
    });
    source.addEventListener('stream.position', (message) => {
      if (!positions.get(POSITION) && message.lastEventId) positions.set(POSITION, message.lastEventId, this.options.clock.now());
      this.positioned();
    });
    for (const type of HUB_EVENT_TYPES) {
      source.addEventListener(type, (message) => {
        let incident: Incident;
        try {
          incident = incidentSchema.parse(JSON.parse(message.data));
        } catch {
          return; // not our contract: skip this event, keep the stream
        }
        // A create is news even if a poll met the incident first (the ledger drops a repeat). Any
        // other change before the baseline cannot be told from what was open already: kept, not told.
        if (this.primed || type === 'incident.created') this.see(incident, type === 'incident.created');
        else this.known.set(incident.id, incident);
        if (message.lastEventId) this.unsavedPosition = message.lastEventId;
        this.persistSoon();
        this.options.onChange?.(incident);
      });
    }
  }

  private remember(): void {
    this.options.positions.set(KNOWN, JSON.stringify([...this.known.values()]), this.options.clock.now());
  }

  private persistSoon(): void {
    if (this.persistTimer) return;
    this.persistTimer = setTimeout(() => this.persist(), PERSIST_EVERY_MS);
    this.persistTimer.unref();
  }

  /** Saves the stream's position with the incidents known at it, as one pair. */
  private persist(): void {
    clearTimeout(this.persistTimer);
    this.persistTimer = undefined;
    // Before the baseline there is nothing known to save: an empty set would make every open
    // incident news at the next start.
    if (!this.primed) return;
    const position = this.unsavedPosition;
    this.unsavedPosition = undefined;
    const now = this.options.clock.now();
    if (position) this.options.positions.set(POSITION, position, now);
    this.remember();
  }

  /** Classifies one incident as it is now against what we knew, and remembers it. */
  private see(incident: Incident, created = false): void {
    const before = created ? undefined : this.known.get(incident.id);
    for (const event of hubChanges(before, incident, this.options.me())) this.options.sink(event);
    if (incident.status === 'resolved') this.known.delete(incident.id);
    else this.known.set(incident.id, incident);
  }

  /**
   * Reads the open list (a 304 when nothing changed) and diffs it against what we knew. The first
   * read is the baseline: what is already open is not news.
   */
  async poll(): Promise<void> {
    try {
      const store = await this.options.store();
      const first = await store.listIncidents({ status: 'open', limit: LIST_PAGE_SIZE, ...(this.listEtag ? { ifNoneMatch: this.listEtag } : {}) });
      // Stopped while the hub answered: the positions' database may be closed already.
      if (first.notModified || this.stopped) return;
      // Every page: an incident beyond the first 200 is not news when it changes, nor gone.
      const incidents = [...first.incidents];
      let cursor = first.nextCursor;
      for (let page = 1; cursor && page < LIST_PAGES_MAX; page++) {
        const next = await store.listIncidents({ status: 'open', limit: LIST_PAGE_SIZE, cursor });
        if (this.stopped) return;
        if (next.notModified) break;
        incidents.push(...next.incidents);
        cursor = next.nextCursor;
      }
      const complete = cursor === undefined;
      this.listEtag = first.etag;
      const open = new Map(incidents.map((i) => [i.id, i]));
      if (!this.primed) {
        this.known = open;
        this.primed = true;
        this.remember();
        return;
      }
      for (const incident of open.values()) {
        const before = this.known.get(incident.id);
        if (!before || before.updatedAt !== incident.updatedAt) this.see(incident);
      }
      // Gone from the open list: resolved (or deleted); ask to tell which. Not when the list was cut
      // short (more than LIST_PAGES_MAX pages): missing from it says nothing then.
      for (const id of complete ? [...this.known.keys()] : []) {
        if (open.has(id)) continue;
        const now = await store.getIncident(id).then((r) => r.incident).catch(() => undefined);
        if (this.stopped) return;
        if (now) this.see(now);
        else this.known.delete(id);
      }
      this.persist();
      this.options.onChange?.();
    } catch {
      // The hub is unreachable: the next cycle (or the stream) tries again; the open list keeps its last state.
    }
  }
}
