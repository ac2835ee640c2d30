import type { Migration } from './index.js';

/** The embedded local store: incidents and their timeline, used when no hub is configured. */
export const migration001LocalIncidents: Migration = {
  version: 1,
  name: 'local incidents and timeline',
  up(db) {
    db.exec(`
      CREATE TABLE incidents (
        id             TEXT PRIMARY KEY,
        name           TEXT NOT NULL UNIQUE,
        title          TEXT NOT NULL,
        severity       TEXT NOT NULL CHECK (severity IN ('SEV1','SEV2','SEV3','SEV4','SEV5')),
        status         TEXT NOT NULL CHECK (status IN ('investigating','identified','monitoring','resolved')),
        description    TEXT,
        service        TEXT,
        commander      TEXT,
        declared_by    TEXT NOT NULL,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        last_update_at TEXT,
        slack_url      TEXT,
        pagerduty_url  TEXT
      ) STRICT;
      -- The popover's hot query: open incidents, newest first. Partial index keeps it tiny.
      CREATE INDEX incidents_open ON incidents (created_at DESC) WHERE status <> 'resolved';

      CREATE TABLE incident_timeline (
        seq          INTEGER PRIMARY KEY AUTOINCREMENT,
        incident_id  TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        kind         TEXT NOT NULL,
        message      TEXT,
        actor        TEXT NOT NULL,
        at           TEXT NOT NULL
      ) STRICT;
      CREATE INDEX incident_timeline_by_incident ON incident_timeline (incident_id, seq);
    `);
  },
};
