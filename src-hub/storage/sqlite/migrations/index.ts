// The hub's numbered migrations, apart from the app's own (different file, different life cycle).
// A migration is appended, never edited once released; `PRAGMA user_version` records the last one
// applied and each runs in its own transaction, so a failure leaves the previous version intact.
import type { Database } from 'better-sqlite3';
import { migration001Incidents } from './001-incidents.js';
import { migration002Events } from './002-events.js';
import { migration003Tokens } from './003-tokens.js';
import { migration004Idempotency } from './004-idempotency.js';

export interface HubMigration {
  version: number;
  name: string;
  up(db: Database): void;
}

export const HUB_MIGRATIONS: readonly HubMigration[] = [
  migration001Incidents,
  migration002Events,
  migration003Tokens,
  migration004Idempotency,
];

export function hubSchemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every migration newer than the file, up to `target` (tests stop part-way to check each step). */
export function migrateHub(db: Database, target = HUB_MIGRATIONS.length): number {
  const current = hubSchemaVersion(db);
  if (current > HUB_MIGRATIONS.length) {
    throw new Error(
      `hub database schema version ${current} is newer than this hub knows (${HUB_MIGRATIONS.length}); update incident-tray`,
    );
  }
  for (const migration of HUB_MIGRATIONS) {
    if (migration.version <= current || migration.version > target) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return hubSchemaVersion(db);
}
