// The connection pool of a PostgreSQL-backed hub, and the two ways code uses it: one statement on any
// connection, or a transaction on one connection. Both turn "database unavailable" failures into
// StorageUnavailableError (503 + Retry-After), and never hand a broken connection back to the pool.
import pg from 'pg';
import { isConnectionError, translatePgError } from './postgres-errors.js';

export interface PostgresPoolOptions {
  /** Connections per hub instance (PostgreSQL's max_connections is shared by every instance). */
  max: number;
  /** How long a request waits for a free connection before it is answered 503. */
  acquireTimeoutMs: number;
  log: (message: string, fields?: Record<string, unknown>) => void;
}

export const POSTGRES_POOL_DEFAULTS = { max: 10, acquireTimeoutMs: 3_000 } as const;
const STATEMENT_TIMEOUT_MS = 15_000;

const INT8_OID = 20;

/**
 * bigint columns (the event sequence) arrive as numbers: ids stay far below 2^53, and every caller
 * compares them as numbers. Other types keep node-postgres's parsers.
 */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

export function createPostgresPool(connectionString: string, options: PostgresPoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: options.max,
    connectionTimeoutMillis: options.acquireTimeoutMs,
    idleTimeoutMillis: 30_000,
    application_name: 'incident-hub',
    // A request never waits on the database for ever (a lock held by someone else, an overloaded
    // server): past this it is answered 503 and the client retries.
    statement_timeout: STATEMENT_TIMEOUT_MS,
    // Notice a database host that vanished without closing the connection.
    keepAlive: true,
    types,
  });
  // An idle connection that dies (database restart) emits 'error' on the pool; without a listener
  // that would crash the process. The pool drops that connection and opens a new one when needed.
  pool.on('error', (error) => options.log('idle database connection failed (it is replaced)', { error: error.message }));
  return pool;
}

export type Queryable = Pick<pg.PoolClient, 'query'>;

/** One statement on any pooled connection. */
export async function query<R extends pg.QueryResultRow>(pool: pg.Pool, text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
  try {
    return await pool.query<R>(text, values);
  } catch (error) {
    throw translatePgError(error, pool.options.max ?? 0);
  }
}

/**
 * Runs `work` in one READ COMMITTED transaction on one connection: BEGIN, work, COMMIT, or ROLLBACK
 * when `work` throws. Row locks (SELECT … FOR UPDATE) and constraints do the concurrency work, so
 * any number of hub instances may run it against the same database at once.
 */
export async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw translatePgError(error, pool.options.max ?? 0);
  }
  let failure: unknown;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    failure = error;
    if (!isConnectionError(error)) await client.query('ROLLBACK').catch(() => {});
    throw translatePgError(error, pool.options.max ?? 0);
  } finally {
    // A connection that failed at the socket level is destroyed rather than reused.
    client.release(isConnectionError(failure));
  }
}
