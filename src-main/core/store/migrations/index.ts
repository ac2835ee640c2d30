// Numbered migrations (Signal Desktop style). A migration is appended, never edited once released:
// `PRAGMA user_version` records the last one applied, and each runs in its own transaction.
import type { Database } from 'better-sqlite3';
import { migration001LocalIncidents } from './001-local-incidents.js';
import { migration002Outbox } from './002-outbox.js';
import { migration003NotificationLedger } from './003-notification-ledger.js';
import { migration004OutboxSteps } from './004-outbox-steps.js';
import { migration005IncidentPreferences } from './005-incident-preferences.js';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  migration001LocalIncidents,
  migration002Outbox,
  migration003NotificationLedger,
  migration004OutboxSteps,
  migration005IncidentPreferences,
];

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every migration newer than the file, up to `target` (tests stop part-way to check each step). */
export function migrate(db: Database, target = MIGRATIONS.length): number {
  const current = schemaVersion(db);
  if (current > MIGRATIONS.length) {
    throw new Error(
      `database schema version ${current} is newer than this app knows (${MIGRATIONS.length}); update incident-tray`,
    );
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > target) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return schemaVersion(db);
}
