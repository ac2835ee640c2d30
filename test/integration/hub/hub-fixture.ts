// A real hub on 127.0.0.1 with a real SQLite file in a throwaway folder, and two users' tokens.
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { createToken } from '../../../src-hub/http/auth.js';
import { startHub, type HubOptions, type RunningHub } from '../../../src-hub/server.js';
import { SqliteHubRepository } from '../../../src-hub/storage/sqlite/sqlite-hub-repository.js';
import { makeTempHome } from '../../support/temp-home.js';

export interface TestHub {
  url: string;
  hub: RunningHub;
  dbPath: string;
  /** alice@example.com */
  token: string;
  /** bob@example.com */
  otherToken: string;
  /** fetch with Alice's token and a JSON body. */
  call(path: string, init?: { method?: string; body?: unknown; rawBody?: string; headers?: Record<string, string>; token?: string | null }): Promise<Response>;
  create(body: Record<string, unknown>, key?: string): Promise<Response>;
  /** Counts rows straight from the file (a second connection, as WAL allows). */
  count(table: 'incidents' | 'events' | 'incident_timeline' | 'idempotency_keys' | 'tokens'): number;
  close(): Promise<void>;
}

let keys = 0;

export async function startTestHub(options: HubOptions = {}): Promise<TestHub> {
  const temp = makeTempHome('incident-hub-test-');
  const dbPath = join(temp.home, 'hub.db');
  const setup = SqliteHubRepository.open(dbPath);
  const token = await createToken(setup, 'alice@example.com', new Date());
  const otherToken = await createToken(setup, 'bob@example.com', new Date());
  await setup.close();
  const hub = await startHub({ dbPath, host: '127.0.0.1', port: 0, ...options });

  const call: TestHub['call'] = (path, init = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    const bearer = init.token === undefined ? token : init.token;
    if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
    let body: string | undefined = init.rawBody;
    if (init.body !== undefined) body = JSON.stringify(init.body);
    if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
    return fetch(`${hub.url}${path}`, { method: init.method ?? 'GET', headers, body });
  };
  return {
    url: hub.url,
    hub,
    dbPath,
    token,
    otherToken,
    call,
    create: (body, key = `key-${++keys}`) => call('/v1/incidents', { method: 'POST', body, headers: { 'idempotency-key': key } }),
    count(table) {
      const db = new BetterSqlite3(dbPath, { readonly: true });
      try {
        return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
      } finally {
        db.close();
      }
    },
    async close() {
      await hub.close();
      temp.cleanup();
    },
  };
}

export interface ErrorBody {
  error: { code: string; message: string; details?: { current: Record<string, unknown> } };
}

export const errorOf = async (response: Response): Promise<ErrorBody['error']> => ((await response.json()) as ErrorBody).error;
