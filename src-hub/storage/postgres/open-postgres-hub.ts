// Opens a PostgreSQL-backed hub store: the pool, then the migrations (on one connection, under the
// migration lock, so instances starting together do not race), then the repository.
import { PostgresHubRepository } from './postgres-hub-repository.js';
import { migratePostgresHub } from './migrations/index.js';
import { createPostgresPool, POSTGRES_POOL_DEFAULTS, type PostgresPoolOptions } from './postgres-pool.js';

export async function openPostgresHub(connectionString: string, options: Partial<PostgresPoolOptions> = {}): Promise<PostgresHubRepository> {
  const pool = createPostgresPool(connectionString, {
    max: options.max ?? POSTGRES_POOL_DEFAULTS.max,
    acquireTimeoutMs: options.acquireTimeoutMs ?? POSTGRES_POOL_DEFAULTS.acquireTimeoutMs,
    log: options.log ?? (() => {}),
  });
  try {
    const client = await pool.connect();
    try {
      await migratePostgresHub(client);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
  return new PostgresHubRepository(pool);
}

/** `postgres://` or `postgresql://`: anything else given as a database URL is a mistake worth naming. */
export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url);
