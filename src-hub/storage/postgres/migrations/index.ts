// The hub's numbered PostgreSQL migrations, the same steps as SQLite's (sqlite/migrations/). Applied
// versions are rows of hub_schema_migrations; each migration runs in its own transaction (PostgreSQL
// DDL is transactional, so a failure leaves the previous version intact). Several hub instances may
// start at once: a session advisory lock lets one migrate while the others wait, then find it done.
import type pg from 'pg';
import { pgMigration001Incidents } from './001-incidents.js';
import { pgMigration002Events } from './002-events.js';
import { pgMigration003Tokens } from './003-tokens.js';
import { pgMigration004Idempotency } from './004-idempotency.js';

export interface PostgresMigration {
  version: number;
  name: string;
  up(client: pg.ClientBase): Promise<void>;
}

export const POSTGRES_HUB_MIGRATIONS: readonly PostgresMigration[] = [
  pgMigration001Incidents,
  pgMigration002Events,
  pgMigration003Tokens,
  pgMigration004Idempotency,
];

/** Advisory lock key of "migrating the hub schema" ('ihmg' as ASCII), apart from the event lock. */
const MIGRATION_LOCK = 0x69686d67;

export async function postgresSchemaVersion(client: pg.ClientBase): Promise<number> {
  const exists = await client.query<{ present: boolean }>(`SELECT to_regclass('hub_schema_migrations') IS NOT NULL AS present`);
  if (!exists.rows[0]?.present) return 0;
  const result = await client.query<{ version: number | null }>('SELECT MAX(version) AS version FROM hub_schema_migrations');
  return result.rows[0]?.version ?? 0;
}

/** Applies every migration newer than the database, up to `target` (tests stop part-way). */
export async function migratePostgresHub(client: pg.ClientBase, target = POSTGRES_HUB_MIGRATIONS.length): Promise<number> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query(`
      CREATE TABLE IF NOT EXISTS hub_schema_migrations (
        version     integer PRIMARY KEY,
        name        text NOT NULL,
        applied_at  timestamptz NOT NULL DEFAULT now()
      )`);
    const current = await postgresSchemaVersion(client);
    if (current > POSTGRES_HUB_MIGRATIONS.length) {
      throw new Error(
        `hub database schema version ${current} is newer than this hub knows (${POSTGRES_HUB_MIGRATIONS.length}); update incident-tray`,
      );
    }
    for (const migration of POSTGRES_HUB_MIGRATIONS) {
      if (migration.version <= current || migration.version > target) continue;
      await client.query('BEGIN');
      try {
        await migration.up(client);
        await client.query('INSERT INTO hub_schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
    }
    return await postgresSchemaVersion(client);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
  }
}
