import type { HubMigration } from './index.js';

/**
 * Idempotency keys of creates, per user: the request's fingerprint, whether the first request is
 * still running, and the response it gave (replayed byte for byte to a retry).
 */
export const migration004Idempotency: HubMigration = {
  version: 4,
  name: 'idempotency keys',
  up(db) {
    db.exec(`
      CREATE TABLE idempotency_keys (
        user_email       TEXT NOT NULL,
        key              TEXT NOT NULL,
        fingerprint      TEXT NOT NULL,
        state            TEXT NOT NULL CHECK (state IN ('in-progress','done')),
        response_status  INTEGER,
        response_body    TEXT,
        created_at       TEXT NOT NULL,
        PRIMARY KEY (user_email, key)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
    `);
  },
};
