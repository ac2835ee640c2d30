// One fresh schema per test hub in the run's PostgreSQL database: isolated tables, no database to
// create (fast), dropped afterwards. The hub reaches it through the URL's search_path option.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TestSchema {
  name: string;
  /** The database URL with `search_path` set to this schema. */
  url: string;
  /** A superuser query on the admin pool (qualify tables with the schema name). */
  query<R extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
  drop(): Promise<void>;
}

const pools = new Map<string, pg.Pool>();

/** Shared per worker and URL; idle connections never keep the worker alive. */
function adminPool(baseUrl: string): pg.Pool {
  let pool = pools.get(baseUrl);
  if (!pool) {
    pool = new pg.Pool({ connectionString: baseUrl, max: 4, idleTimeoutMillis: 1_000, allowExitOnIdle: true });
    pool.on('error', () => {}); // an idle admin connection dropped by a test's database restart
    pools.set(baseUrl, pool);
  }
  return pool;
}

export function withSearchPath(baseUrl: string, schema: string): string {
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

export async function createTestSchema(baseUrl: string): Promise<TestSchema> {
  const name = `hub_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const pool = adminPool(baseUrl);
  await pool.query(`CREATE SCHEMA ${name}`);
  return {
    name,
    url: withSearchPath(baseUrl, name),
    query: (sql, values) => pool.query(sql, values),
    drop: async () => {
      await pool.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`).catch(() => {});
    },
  };
}
