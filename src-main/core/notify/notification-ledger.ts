// The notification ledger (DESIGN.md §5): an event is notified once, keyed by source + id + kind,
// across restarts and across the watchers (SQLite table of migration 003).
import type { AppDatabase } from '../store/database.js';
import type { WatchEvent } from '../watch/watch-event.js';

export class NotificationLedger {
  constructor(private readonly db: AppDatabase) {}

  /** Records the event as notified; false when it already was (then it must not show again). */
  claim(event: Pick<WatchEvent, 'source' | 'eventId' | 'kind'>, at: Date): boolean {
    const result = this.db
      .prepare('INSERT OR IGNORE INTO notification_ledger (source, event_id, kind, notified_at) VALUES (?, ?, ?, ?)')
      .run(event.source, event.eventId, event.kind, at.toISOString());
    return result.changes === 1;
  }

  has(event: Pick<WatchEvent, 'source' | 'eventId' | 'kind'>): boolean {
    return this.db.prepare('SELECT 1 FROM notification_ledger WHERE source = ? AND event_id = ? AND kind = ?').get(event.source, event.eventId, event.kind) !== undefined;
  }

  /** Entries older than `before` can go: no watcher looks that far back. */
  prune(before: Date): number {
    return this.db.prepare('DELETE FROM notification_ledger WHERE notified_at < ?').run(before.toISOString()).changes;
  }
}

/** Where each watcher left off (the hub's SSE id, PagerDuty's last poll), kept across restarts. */
export class WatchPositions {
  constructor(private readonly db: AppDatabase) {}

  get(source: string): string | undefined {
    return (this.db.prepare<[string], { position: string }>('SELECT position FROM watch_positions WHERE source = ?').get(source))?.position;
  }

  set(source: string, position: string, at: Date): void {
    this.db
      .prepare('INSERT INTO watch_positions (source, position, updated_at) VALUES (?, ?, ?) ON CONFLICT (source) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at')
      .run(source, position, at.toISOString());
  }
}
