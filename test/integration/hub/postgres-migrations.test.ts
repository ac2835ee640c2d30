// Each numbered PostgreSQL migration on a real database (a fresh schema), instances migrating at once,
// and the query plans of the hot list queries.
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POSTGRES_HUB_MIGRATIONS, migratePostgresHub, postgresSchemaVersion } from '../../../src-hub/storage/postgres/migrations/index.js';
import { NAME_FAMILY_SQL, postgresListSql } from '../../../src-hub/storage/postgres/postgres-sql.js';
import { HUB_MIGRATIONS } from '../../../src-hub/storage/sqlite/migrations/index.js';
import { createTestSchema, type TestSchema } from '../../support/postgres-schemas.js';
import { postgresTestUrl } from './hub-fixture.js';

const baseUrl = postgresTestUrl();

describe.skipIf(baseUrl === undefined)('hub PostgreSQL migrations', () => {
  let schema: TestSchema;
  const clients: pg.Client[] = [];
  const connect = async () => {
    const client = new pg.Client({ connectionString: schema.url });
    await client.connect();
    clients.push(client);
    return client;
  };
  const tables = async (client: pg.Client) =>
    (await client.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`)).rows.map((r) => r.table_name);
  const insertIncident = (client: pg.Client, id: string, status = 'investigating', createdAt = '2026-01-01T00:00:00.000Z') =>
    client.query(`INSERT INTO incidents (id, name, title, severity, status, declared_by, created_at, updated_at) VALUES ($1, $2, 't', 'SEV1', $3, 'me', $4, $4)`, [id, `inc-${id}`, status, createdAt]);

  beforeEach(async () => {
    schema = await createTestSchema(baseUrl ?? '');
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.end().catch(() => {});
    await schema.drop();
  });

  it('are numbered 1..n, the same steps as SQLite\'s', () => {
    expect(POSTGRES_HUB_MIGRATIONS.map((m) => m.version)).toEqual(POSTGRES_HUB_MIGRATIONS.map((_, i) => i + 1));
    expect(POSTGRES_HUB_MIGRATIONS.map((m) => m.name)).toEqual(HUB_MIGRATIONS.map((m) => m.name));
  });

  it('001 creates incidents and the timeline, with CHECKs and a unique name', async () => {
    const client = await connect();
    expect(await migratePostgresHub(client, 1)).toBe(1);
    expect(await tables(client)).toEqual(['hub_schema_migrations', 'incident_timeline', 'incidents']);
    await insertIncident(client, 'a');
    await expect(insertIncident(client, 'b').then(() => client.query(`UPDATE incidents SET name = 'inc-a' WHERE id = 'b'`))).rejects.toThrow(/incidents_name_unique/);
    await expect(client.query(`INSERT INTO incidents (id, name, title, severity, status, declared_by, created_at, updated_at) VALUES ('c', 'n', 't', 'SEV9', 'investigating', 'me', now(), now())`)).rejects.toThrow(/check constraint/);
  });

  it('002 adds the event log and a random identity per database, keeping existing incidents', async () => {
    const client = await connect();
    await migratePostgresHub(client, 1);
    await insertIncident(client, 'a');
    expect(await migratePostgresHub(client, 2)).toBe(2);
    const meta = Object.fromEntries((await client.query<{ key: string; value: string }>('SELECT key, value FROM hub_meta')).rows.map((r) => [r.key, r.value]));
    expect(meta.epoch).toMatch(/^[0-9a-f]{12}$/);
    expect(meta.cursor_key).toMatch(/^[0-9a-f]{64}$/);
    await expect(client.query(`INSERT INTO events (type, incident_id, data, at) VALUES ('incident.exploded', 'a', '{}', now())`)).rejects.toThrow(/check constraint/);
    expect((await client.query('SELECT id FROM incidents')).rowCount).toBe(1);
  });

  it('003 adds tokens that can only hold a SHA-256 hex hash; 004 idempotency keys unique per user and key', async () => {
    const client = await connect();
    expect(await migratePostgresHub(client, 4)).toBe(4);
    await expect(client.query(`INSERT INTO tokens VALUES ('it_plaintext', 'a@example.com', now())`)).rejects.toThrow(/check constraint/);
    await client.query(`INSERT INTO tokens VALUES ($1, 'a@example.com', now())`, ['a'.repeat(64)]);
    const insert = (user: string) => client.query(`INSERT INTO idempotency_keys (user_email, key, fingerprint, state, created_at) VALUES ($1, 'k', 'f', 'in-progress', now())`, [user]);
    await insert('a@example.com');
    await insert('b@example.com');
    await expect(insert('a@example.com')).rejects.toThrow(/duplicate key/);
    await expect(client.query(`UPDATE idempotency_keys SET state = 'done'`)).rejects.toThrow(/check constraint/);
  });

  it('instances starting together migrate once (the others wait, then find it done); reopening changes nothing', async () => {
    const results = await Promise.all([connect(), connect(), connect()].map(async (c) => migratePostgresHub(await c)));
    expect(results).toEqual([4, 4, 4]);
    const client = await connect();
    expect((await client.query('SELECT version FROM hub_schema_migrations ORDER BY version')).rows.map((r: { version: number }) => r.version)).toEqual([1, 2, 3, 4]);
    expect(await migratePostgresHub(client)).toBe(4);
  });

  it('refuses a database from a newer hub, and a failing migration leaves the previous version', async () => {
    const client = await connect();
    await migratePostgresHub(client, 2);
    await client.query('CREATE TABLE tokens (x text)'); // makes 003 fail
    await expect(migratePostgresHub(client)).rejects.toThrow(/already exists/);
    expect(await postgresSchemaVersion(client)).toBe(2);
    await client.query(`INSERT INTO hub_schema_migrations (version, name) VALUES (99, 'from the future')`);
    await expect(migratePostgresHub(client)).rejects.toThrow(/newer than this hub knows/);
  });

  describe('query plans of the list', () => {
    it.each([
      ['open', false, 'incidents_open'],
      ['open', true, 'incidents_open'],
      ['resolved', false, 'incidents_resolved'],
      ['resolved', true, 'incidents_resolved'],
      ['all', false, 'incidents_by_created'],
      ['all', true, 'incidents_by_created'],
    ] as const)('status=%s (cursor: %s) walks %s in order, no sort step', async (status, withCursor, index) => {
      const client = await connect();
      await migratePostgresHub(client);
      // Enough rows (1% open, as in production) and fresh statistics that the planner decides as it would there.
      await client.query(`
        INSERT INTO incidents (id, name, title, severity, status, declared_by, created_at, updated_at)
        SELECT 'i' || n, 'inc-' || n, 't', 'SEV3', CASE WHEN n % 100 = 0 THEN 'investigating' ELSE 'resolved' END, 'me',
               timestamptz '2026-01-01' + n * interval '1 minute', now()
          FROM generate_series(1, 20000) AS n`);
      await client.query('ANALYZE incidents');
      const values = withCursor ? [51, '2026-01-10T00:00:00.000Z', 'i9'] : [51];
      const plan = (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${postgresListSql(status, withCursor)}`, values)).rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).toContain(index);
      expect(plan).not.toMatch(/Sort/);
    });

    it('the name family of a generated name is read from the unique index', async () => {
      const client = await connect();
      await migratePostgresHub(client);
      await client.query(`
        INSERT INTO incidents (id, name, title, severity, status, declared_by, created_at, updated_at)
        SELECT 'i' || n, 'inc-20260101-t' || n, 't', 'SEV3', 'resolved', 'me', now(), now() FROM generate_series(1, 20000) AS n`);
      await client.query(`INSERT INTO incidents (id, name, title, severity, status, declared_by, created_at, updated_at) VALUES
        ('x1', 'inc-x', 't', 'SEV3', 'resolved', 'me', now(), now()), ('x2', 'inc-x-2', 't', 'SEV3', 'resolved', 'me', now(), now()),
        ('x3', 'inc-x-10', 't', 'SEV3', 'resolved', 'me', now(), now()), ('x4', 'inc-xy', 't', 'SEV3', 'resolved', 'me', now(), now())`);
      await client.query('ANALYZE incidents');
      const plan = (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${NAME_FAMILY_SQL}`, ['inc-x'])).rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).toContain('incidents_name_unique');
      expect(plan).not.toContain('Seq Scan');
      expect((await client.query<{ name: string }>(NAME_FAMILY_SQL, ['inc-x'])).rows.map((r) => r.name).sort()).toEqual(['inc-x', 'inc-x-10', 'inc-x-2']);
    });
  });
});
