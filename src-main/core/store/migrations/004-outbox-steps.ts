import type { Migration } from './index.js';

/**
 * What the live declare needs beyond migration 002: each step's link, what to do by hand while it
 * fails, whether the failure is the network's (the outbox retries those by itself), and when the
 * outbox tries an unfinished declare next, and which process holds it (a lease).
 */
export const migration004OutboxSteps: Migration = {
  version: 4,
  name: 'outbox step details and resume schedule',
  up(db) {
    db.exec(`
      ALTER TABLE declare_steps ADD COLUMN url TEXT;
      ALTER TABLE declare_steps ADD COLUMN manual_fallback TEXT;
      ALTER TABLE declare_steps ADD COLUMN waiting_for_network INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE declares ADD COLUMN next_attempt_at TEXT;
      ALTER TABLE declares ADD COLUMN resume_count INTEGER NOT NULL DEFAULT 0;
      -- Which process works on the declare now (the app and a CLI may both resume the outbox).
      ALTER TABLE declares ADD COLUMN lease_owner TEXT;
      ALTER TABLE declares ADD COLUMN lease_until TEXT;
    `);
  },
};
