import type { Migration } from './index.js';

/**
 * The declare outbox (DESIGN.md §3): the intent is written before any network call, and each step
 * records its result, so a crash or an outage never loses or doubles a declare.
 */
export const migration002Outbox: Migration = {
  version: 2,
  name: 'declare outbox',
  up(db) {
    db.exec(`
      CREATE TABLE declares (
        id               TEXT PRIMARY KEY,          -- client incident id (UUIDv7)
        idempotency_key  TEXT NOT NULL UNIQUE,
        name             TEXT NOT NULL,
        request_json     TEXT NOT NULL,
        declared_by      TEXT NOT NULL,
        created_at       TEXT NOT NULL,
        finished_at      TEXT
      ) STRICT;
      CREATE INDEX declares_unfinished ON declares (created_at) WHERE finished_at IS NULL;

      CREATE TABLE declare_steps (
        declare_id   TEXT NOT NULL REFERENCES declares(id) ON DELETE CASCADE,
        step         TEXT NOT NULL,
        status       TEXT NOT NULL,
        attempts     INTEGER NOT NULL DEFAULT 0,
        result_json  TEXT,
        error        TEXT,
        updated_at   TEXT NOT NULL,
        PRIMARY KEY (declare_id, step)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
