// Decides what reaches the person (issue #6): each event once (the ledger), urgent ones always, the
// rest held while quiet and summarised when quiet ends, and a burst (a restart catching up, 1,000
// incidents at once) grouped into one notification instead of a storm.
import type { Clock, Notifier } from '../ports.js';
import { ALWAYS_SHOWN, type WatchEvent } from '../watch/watch-event.js';
import type { NotificationLedger } from './notification-ledger.js';

export interface NotificationCenterOptions {
  ledger: NotificationLedger;
  notifier: Notifier;
  clock: Clock;
  /** The person's quiet setting (and OS do-not-disturb where the shell can read it). */
  quiet(): boolean;
  /** Events arriving within this window are shown together. */
  groupWindowMs?: number;
  /** More than this many non-urgent events in one window become one summary. */
  groupAbove?: number;
}

const key = (e: WatchEvent) => `${e.source}\u0000${e.eventId}\u0000${e.kind}`;

export class NotificationCenter {
  private buffer: WatchEvent[] = [];
  private held: WatchEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private shownInWindow = 0;
  private readonly windowMs: number;
  private readonly groupAbove: number;

  constructor(private readonly options: NotificationCenterOptions) {
    this.windowMs = options.groupWindowMs ?? 1_000;
    this.groupAbove = options.groupAbove ?? 3;
  }

  /**
   * A calm rate of events is shown as they come (a teammate's declare must not wait); within one
   * window only the first `groupAbove` are shown at once, the rest is gathered and shown together
   * when the window ends — a burst (a restart catching up, 1,000 incidents at once) is a summary.
   */
  submit(event: WatchEvent): void {
    if (this.options.ledger.has(event) || this.buffer.some((e) => key(e) === key(event)) || this.held.some((e) => key(e) === key(event))) return;
    if (ALWAYS_SHOWN.has(event.kind)) {
      this.show(event, true);
      return;
    }
    if (!this.timer) this.openWindow();
    if (this.shownInWindow < this.groupAbove && this.buffer.length === 0) {
      this.shownInWindow += 1;
      this.present([event]);
      return;
    }
    this.buffer.push(event);
  }

  private openWindow(): void {
    this.shownInWindow = 0;
    this.timer = setTimeout(() => this.endWindow(), this.windowMs);
    this.timer.unref();
  }

  /** The window ended: what it gathered is shown (summarised when many); a burst still going gets a new window. */
  private endWindow(): void {
    this.timer = undefined;
    if (this.buffer.length === 0) return;
    this.flush();
    this.openWindow();
    this.shownInWindow = this.groupAbove;
  }

  /** Shows what is waiting now (the window's end; tests and shutdown call it directly). */
  flush(): void {
    const events = this.buffer;
    this.buffer = [];
    this.present(events);
  }

  private present(events: WatchEvent[]): void {
    const quiet = this.options.quiet();
    const urgent = events.filter((e) => ALWAYS_SHOWN.has(e.kind));
    const rest = events.filter((e) => !ALWAYS_SHOWN.has(e.kind));
    for (const event of urgent) this.show(event, true);
    if (quiet) {
      this.held.push(...rest);
      return;
    }
    this.showGrouped(rest);
  }

  /** Quiet ended: what waited is told now, summarised when there is more than a little. */
  endQuiet(): void {
    const waited = this.held;
    this.held = [];
    this.showGrouped(waited);
  }

  /** Events held while quiet (for the popover's "n updates while quiet"). */
  heldCount(): number {
    return this.held.length;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private showGrouped(events: WatchEvent[]): void {
    const fresh = events.filter((e) => !this.options.ledger.has(e));
    if (fresh.length <= this.groupAbove) {
      for (const event of fresh) this.show(event, false);
      return;
    }
    const now = this.options.clock.now();
    for (const event of fresh) this.options.ledger.claim(event, now);
    const titles = fresh.slice(0, 3).map((e) => e.title);
    this.options.notifier.notify({
      kind: 'summary',
      title: `${fresh.length} incident updates`,
      body: `${titles.join(' · ')}${fresh.length > titles.length ? ` and ${fresh.length - titles.length} more` : ''}`,
      at: now.toISOString(),
    });
  }

  private show(event: WatchEvent, urgent: boolean): void {
    if (!this.options.ledger.claim(event, this.options.clock.now())) return;
    this.options.notifier.notify({
      kind: event.kind,
      title: event.title,
      body: event.body,
      at: event.at,
      ...(event.incidentId ? { incidentId: event.incidentId } : {}),
      ...(event.url ? { url: event.url } : {}),
      ...(event.pageId ? { pageId: event.pageId } : {}),
      ...(urgent ? { urgent } : {}),
    });
  }
}
