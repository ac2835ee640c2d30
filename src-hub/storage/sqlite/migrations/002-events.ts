import type { HubMigration } from './index.js';

/**
 * The change log behind SSE: one row per change, written in the same transaction as the change, so
 * its id is the hub's change sequence (SSE `id:`, `Last-Event-ID` resume, the list's ETag).
 * hub_meta holds this database's identity: an epoch (in ETags, so a recreated database never
 * answers 304 to a client of the old one) and the key that signs list cursors.
 */
export const migration002Events: HubMigration = {
  version: 2,
  name: 'event log and hub identity',
  up(db) {
    db.exec(`
      CREATE TABLE events (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        type         TEXT NOT NULL CHECK (type IN ('incident.created','incident.updated','incident.update_posted','incident.resolved')),
        incident_id  TEXT NOT NULL REFERENCES incidents(id),
        data         TEXT NOT NULL,
        at           TEXT NOT NULL
      ) STRICT;

      CREATE TABLE hub_meta (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
      ) STRICT;
      INSERT INTO hub_meta (key, value) VALUES
        ('epoch', lower(hex(randomblob(6)))),
        ('cursor_key', lower(hex(randomblob(32))));
    `);
  },
};
