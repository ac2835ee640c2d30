import type { HubMigration } from './index.js';

/** Incidents and their timeline. `version` backs the per-incident ETag (If-Match → 412). */
export const migration001Incidents: HubMigration = {
  version: 1,
  name: 'incidents and timeline',
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
        pagerduty_url  TEXT,
        version        INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      -- The list is newest first with (created_at, id) as the cursor. The open list is the hot query
      -- (every client polls it) and few incidents are open, so its partial index stays tiny.
      CREATE INDEX incidents_open ON incidents (created_at DESC, id DESC) WHERE status <> 'resolved';
      CREATE INDEX incidents_resolved ON incidents (created_at DESC, id DESC) WHERE status = 'resolved';
      CREATE INDEX incidents_by_created ON incidents (created_at DESC, id DESC);

      CREATE TABLE incident_timeline (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        incident_id  TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        kind         TEXT NOT NULL,
        at           TEXT NOT NULL,
        actor        TEXT NOT NULL,
        message      TEXT,
        from_value   TEXT,
        to_value     TEXT
      ) STRICT;
      CREATE INDEX incident_timeline_by_incident ON incident_timeline (incident_id, id);
    `);
  },
};
