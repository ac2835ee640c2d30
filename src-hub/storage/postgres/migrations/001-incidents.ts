import type { PostgresMigration } from './index.js';

/**
 * Incidents and their timeline, as in SQLite's 001: a unique name, CHECKs on severity and status,
 * `version` behind the per-incident ETag. Times are timestamptz (read back as ISO-8601 text).
 */
export const pgMigration001Incidents: PostgresMigration = {
  version: 1,
  name: 'incidents and timeline',
  async up(client) {
    await client.query(`
      CREATE TABLE incidents (
        id             text PRIMARY KEY,
        -- Byte order ("C"): the name family lookup (base, base-2 …) is then a range on the unique index.
        name           text COLLATE "C" NOT NULL CONSTRAINT incidents_name_unique UNIQUE,
        title          text NOT NULL,
        severity       text NOT NULL CHECK (severity IN ('SEV1','SEV2','SEV3','SEV4','SEV5')),
        status         text NOT NULL CHECK (status IN ('investigating','identified','monitoring','resolved')),
        description    text,
        service        text,
        commander      text,
        declared_by    text NOT NULL,
        created_at     timestamptz NOT NULL,
        updated_at     timestamptz NOT NULL,
        last_update_at timestamptz,
        slack_url      text,
        pagerduty_url  text,
        version        integer NOT NULL DEFAULT 1
      );
      -- Newest first by (created_at, id): PostgreSQL walks these ascending indexes backwards, and the
      -- row-value cursor (created_at, id) < ($1, $2) is an index condition. The open list is the hot
      -- query and few incidents are open, so its partial index stays tiny.
      CREATE INDEX incidents_open ON incidents (created_at, id) WHERE status <> 'resolved';
      CREATE INDEX incidents_resolved ON incidents (created_at, id) WHERE status = 'resolved';
      CREATE INDEX incidents_by_created ON incidents (created_at, id);

      CREATE TABLE incident_timeline (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        incident_id  text NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        kind         text NOT NULL,
        at           timestamptz NOT NULL,
        actor        text NOT NULL,
        message      text,
        from_value   text,
        to_value     text
      );
      CREATE INDEX incident_timeline_by_incident ON incident_timeline (incident_id, id);
    `);
  },
};
