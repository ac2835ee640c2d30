import type { HubMigration } from './index.js';

/** Bearer tokens, stored as SHA-256 hashes only: a copy of the file gives no one a usable token. */
export const migration003Tokens: HubMigration = {
  version: 3,
  name: 'hashed bearer tokens',
  up(db) {
    db.exec(`
      CREATE TABLE tokens (
        token_hash  TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
        user_email  TEXT NOT NULL,
        created_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX tokens_by_user ON tokens (user_email);
    `);
  },
};
