import type { PostgresMigration } from './index.js';

/** Bearer tokens, stored as SHA-256 hashes only: a copy of the database gives no one a usable token. */
export const pgMigration003Tokens: PostgresMigration = {
  version: 3,
  name: 'hashed bearer tokens',
  async up(client) {
    await client.query(`
      CREATE TABLE tokens (
        token_hash  text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        user_email  text NOT NULL,
        created_at  timestamptz NOT NULL
      );
      CREATE INDEX tokens_by_user ON tokens (user_email);
    `);
  },
};
