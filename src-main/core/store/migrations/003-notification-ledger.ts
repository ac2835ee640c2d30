import type { Migration } from './index.js';

/** Each event notifies once, even across restarts: keyed by source + id + kind (DESIGN.md §5). */
export const migration003NotificationLedger: Migration = {
  version: 3,
  name: 'notification ledger and watch positions',
  up(db) {
    db.exec(`
      CREATE TABLE notification_ledger (
        source       TEXT NOT NULL,
        event_id     TEXT NOT NULL,
        kind         TEXT NOT NULL,
        notified_at  TEXT NOT NULL,
        PRIMARY KEY (source, event_id, kind)
      ) STRICT, WITHOUT ROWID;

      -- Where each watcher left off (e.g. the hub's last SSE id), so a restart catches up exactly.
      CREATE TABLE watch_positions (
        source     TEXT PRIMARY KEY,
        position   TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
