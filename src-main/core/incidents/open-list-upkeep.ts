// Keeps the core's open list current between reads, without flooding the store: the hub's streamed
// changes are taken in together (a burst of 1,000 declares is a few updates of the views, not 1,000),
// and a read the hub refused for now is tried again by itself, since while the stream is up nothing
// else would read the list again.
import type { Incident } from '../../../src-shared/domain.js';
import { HubError } from '../../../src-shared/hub-client-contract.js';
import type { OpenIncidents } from './open-incidents.js';

/** Streamed changes are taken in together at most this often. */
const CHANGES_EVERY_MS = 50;
/** A read refused for now (429, 5xx, no answer) is tried again after this, doubling up to the max. */
const RETRY_MS = 5_000;
const RETRY_MAX_MS = 60_000;

export interface OpenListUpkeepOptions {
  openIncidents: OpenIncidents;
  /** Reads the list again (the core's refresh, with what follows a read). */
  read: () => Promise<void>;
  /** The list changed: what depends on it follows (preferences, reminders, the views). */
  changed: () => void;
  /** Only a background core (app, `watch`) retries: a one-shot CLI command does not wait. */
  retries: boolean;
}

const refusedForNow = (error: Error): error is HubError => error instanceof HubError && (error.status === 0 || error.status === 429 || error.status >= 500);

export class OpenListUpkeep {
  private changesTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryMs = RETRY_MS;
  private closed = false;

  constructor(private readonly options: OpenListUpkeepOptions) {}

  /** One incident as the hub's event stream told it: applied as told, no request. */
  streamed(incident: Incident): void {
    if (this.closed || !this.options.openIncidents.apply(incident) || this.changesTimer) return;
    this.changesTimer = setTimeout(() => {
      this.changesTimer = undefined;
      if (!this.closed) this.options.changed();
    }, CHANGES_EVERY_MS);
  }

  /** After every read: a read refused for now is tried again later; a good one resets the wait. */
  afterRead(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const error = this.options.openIncidents.lastError();
    if (!error) {
      this.retryMs = RETRY_MS;
      return;
    }
    if (!refusedForNow(error) || !this.options.retries || this.closed) return;
    const wait = Math.max(this.retryMs, (error.retryAfterSeconds ?? 0) * 1000);
    this.retryMs = Math.min(RETRY_MAX_MS, this.retryMs * 2);
    this.retryTimer = setTimeout(() => void this.options.read(), wait);
    this.retryTimer.unref();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.changesTimer);
    clearTimeout(this.retryTimer);
  }
}
