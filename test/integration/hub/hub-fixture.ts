// A real hub on 127.0.0.1 on either backend — a SQLite file in a throwaway folder, or a fresh schema
// in the run's PostgreSQL cluster (test/support/postgres-global-setup.ts) — and two users' tokens.
// `describeEachBackend` runs a suite once per backend; the PostgreSQL run skips (one line says why)
// where no PostgreSQL is available.
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { createToken } from '../../../src-hub/http/auth.js';
import { startHub, type HubOptions, type RunningHub, type StartHubOptions } from '../../../src-hub/server.js';
import { openPostgresHub } from '../../../src-hub/storage/postgres/open-postgres-hub.js';
import type { HubRepository } from '../../../src-hub/storage/repository.js';
import { SqliteHubRepository } from '../../../src-hub/storage/sqlite/sqlite-hub-repository.js';
import { createTestSchema } from '../../support/postgres-schemas.js';
import { makeTempHome } from '../../support/temp-home.js';

export const HUB_BACKENDS = ['sqlite', 'postgres'] as const;
export type HubBackend = (typeof HUB_BACKENDS)[number];

export type HubTable = 'incidents' | 'events' | 'incident_timeline' | 'idempotency_keys' | 'tokens';

/** The PostgreSQL URL of this run, or undefined (the global setup has said why, once). */
export function postgresTestUrl(): string | undefined {
  return inject('postgresUrl') || undefined;
}

/** `describe` once per backend, named `name [backend]`. */
export function describeEachBackend(name: string, body: (backend: HubBackend) => void): void {
  for (const backend of HUB_BACKENDS) {
    describe.skipIf(backend === 'postgres' && postgresTestUrl() === undefined)(`${name} [${backend}]`, () => body(backend));
  }
}

/** Where a test hub keeps its data, with the means to count rows and to start more instances on it. */
export interface TestStorage {
  backend: HubBackend;
  /** startHub options selecting this storage. */
  where: Pick<StartHubOptions, 'dbPath' | 'databaseUrl'>;
  open(): Promise<HubRepository>;
  count(table: HubTable): Promise<number>;
  /** Rows of a read-only SQL query with unqualified table names (another connection). */
  rows(sql: string): Promise<Record<string, unknown>[]>;
  cleanup(): Promise<void>;
}

export async function createTestStorage(backend: HubBackend): Promise<TestStorage> {
  if (backend === 'sqlite') {
    const temp = makeTempHome('incident-hub-test-');
    const dbPath = join(temp.home, 'hub.db');
    return {
      backend,
      where: { dbPath },
      open: async () => SqliteHubRepository.open(dbPath),
      async count(table) {
        // A second connection, as WAL allows.
        const db = new BetterSqlite3(dbPath, { readonly: true });
        try {
          return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
        } finally {
          db.close();
        }
      },
      async rows(sql) {
        const db = new BetterSqlite3(dbPath, { readonly: true });
        try {
          return db.prepare(sql).all() as Record<string, unknown>[];
        } finally {
          db.close();
        }
      },
      cleanup: async () => temp.cleanup(),
    };
  }
  const baseUrl = postgresTestUrl();
  if (!baseUrl) throw new Error('PostgreSQL is not available for this test');
  const schema = await createTestSchema(baseUrl);
  return {
    backend,
    where: { databaseUrl: schema.url },
    open: () => openPostgresHub(schema.url),
    async count(table) {
      const { rows } = await schema.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM ${schema.name}.${table}`);
      return rows[0]?.n ?? 0;
    },
    async rows(sql) {
      const client = new pg.Client({ connectionString: schema.url });
      await client.connect();
      try {
        return (await client.query<Record<string, unknown>>(sql)).rows;
      } finally {
        await client.end();
      }
    },
    cleanup: () => schema.drop(),
  };
}

export interface TestHub {
  backend: HubBackend;
  url: string;
  hub: RunningHub;
  storage: TestStorage;
  /** alice@example.com */
  token: string;
  /** bob@example.com */
  otherToken: string;
  /** fetch with Alice's token and a JSON body. */
  call(path: string, init?: { method?: string; body?: unknown; rawBody?: string; headers?: Record<string, string>; token?: string | null; baseUrl?: string }): Promise<Response>;
  create(body: Record<string, unknown>, key?: string): Promise<Response>;
  /** Counts rows straight from the database (another connection). */
  count(table: HubTable): Promise<number>;
  /** Another hub instance on the same data (a restart, or a second instance on PostgreSQL); closed by close(). */
  startInstance(options?: TestHubOptions): Promise<RunningHub>;
  close(): Promise<void>;
}

let keys = 0;

/** Options of startHub that a test may set (storage, host and port are the fixture's). */
export type TestHubOptions = HubOptions & Pick<StartHubOptions, 'pool'>;

export async function startTestHub(options: TestHubOptions = {}, backend: HubBackend = 'sqlite'): Promise<TestHub> {
  const storage = await createTestStorage(backend);
  const setup = await storage.open();
  const token = await createToken(setup, 'alice@example.com', new Date());
  const otherToken = await createToken(setup, 'bob@example.com', new Date());
  await setup.close();
  const hub = await startHub({ ...storage.where, host: '127.0.0.1', port: 0, ...options });
  const instances: RunningHub[] = [hub];

  const call: TestHub['call'] = (path, init = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    const bearer = init.token === undefined ? token : init.token;
    if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
    let body: string | undefined = init.rawBody;
    if (init.body !== undefined) body = JSON.stringify(init.body);
    if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
    return fetch(`${init.baseUrl ?? hub.url}${path}`, { method: init.method ?? 'GET', headers, body });
  };
  return {
    backend,
    url: hub.url,
    hub,
    storage,
    token,
    otherToken,
    call,
    create: (body, key = `key-${++keys}`) => call('/v1/incidents', { method: 'POST', body, headers: { 'idempotency-key': key } }),
    count: (table) => storage.count(table),
    async startInstance(instanceOptions = {}) {
      const instance = await startHub({ ...storage.where, host: '127.0.0.1', port: 0, ...instanceOptions });
      instances.push(instance);
      return instance;
    },
    async close() {
      await Promise.all(instances.map((instance) => instance.close()));
      await storage.cleanup();
    },
  };
}

export interface ErrorBody {
  error: { code: string; message: string; details?: { current: Record<string, unknown> } };
}

export const errorOf = async (response: Response): Promise<ErrorBody['error']> => ((await response.json()) as ErrorBody).error;
