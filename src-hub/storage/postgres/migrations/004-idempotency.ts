import type { PostgresMigration } from './index.js';

/**
 * Idempotency keys of creates, per user. The primary key is what makes two instances receiving the
 * same key at once agree: the second INSERT waits for the first transaction and then finds its row.
 */
export const pgMigration004Idempotency: PostgresMigration = {
  version: 4,
  name: 'idempotency keys',
  async up(client) {
    await client.query(`
      CREATE TABLE idempotency_keys (
        user_email       text NOT NULL,
        key              text NOT NULL,
        fingerprint      text NOT NULL,
        state            text NOT NULL CHECK (state IN ('in-progress','done')),
        response_status  integer,
        response_body    text,
        created_at       timestamptz NOT NULL,
        PRIMARY KEY (user_email, key),
        CHECK (state = 'in-progress' OR (response_status IS NOT NULL AND response_body IS NOT NULL))
      );
      CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
    `);
  },
};
