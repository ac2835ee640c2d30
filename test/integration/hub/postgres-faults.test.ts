// Faults of a PostgreSQL-backed hub, each against a real server: the database restarting under two
// instances with SSE clients connected (503 + Retry-After meanwhile, nothing lost after), and the
// connection pool exhausted (a clear 503 with Retry-After, then recovery). The restart runs on a
// cluster of its own so that the other test files' database stays up.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../../src-hub/http/auth.js';
import { startHub, type RunningHub } from '../../../src-hub/server.js';
import { openPostgresHub } from '../../../src-hub/storage/postgres/open-postgres-hub.js';
import { postgresBinDir, startPostgresCluster, type PostgresCluster } from '../../support/postgres-cluster.js';
import { createTestSchema, type TestSchema } from '../../support/postgres-schemas.js';
import { errorOf, postgresTestUrl, startTestHub, type TestHub } from './hub-fixture.js';
import { eventFrames, openSse, type SseReader } from './sse-reader.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a careful client does: retry a 503 after its Retry-After (bounded), with the same key. */
async function withRetries(request: () => Promise<Response>, deadlineMs = 15_000): Promise<Response> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const response = await request().catch(() => undefined);
    if (response && response.status !== 503) return response;
    if (Date.now() > deadline) throw new Error(`still unavailable after ${deadlineMs} ms`);
    await sleep(Math.min(1_000, Number(response?.headers.get('retry-after') ?? 1) * 250));
  }
}

describe.skipIf(postgresBinDir() === undefined)('hub on PostgreSQL: the database restarts under connected clients', () => {
  let cluster: PostgresCluster;
  let schema: TestSchema;
  let token: string;
  const hubs: RunningHub[] = [];
  const streams: SseReader[] = [];
  beforeAll(async () => {
    cluster = await startPostgresCluster();
    schema = await createTestSchema(cluster.url);
    const setup = await openPostgresHub(schema.url);
    token = await createToken(setup, 'alice@example.com', new Date());
    await setup.close();
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await Promise.all(hubs.map((hub) => hub.close()));
    cluster?.destroy();
  });

  const start = async () => {
    const hub = await startHub({ databaseUrl: schema.url, host: '127.0.0.1', port: 0, pool: { acquireTimeoutMs: 1_000 } });
    hubs.push(hub);
    return hub;
  };
  const create = (hub: RunningHub, title: string, key: string) =>
    fetch(`${hub.url}/v1/incidents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({ title, severity: 'SEV2' }),
    });
  const open = async (hub: RunningHub, headers: Record<string, string> = {}) => {
    const stream = await openSse(`${hub.url}/v1/events`, { authorization: `Bearer ${token}`, ...headers });
    streams.push(stream);
    await stream.until((f) => f.some((x) => x.event === 'stream.position'), 'the stream position');
    return stream;
  };
  const titles = (stream: SseReader) => eventFrames(stream.frames).map((f) => (JSON.parse(f.data ?? '{}') as { title: string }).title);

  it('answers 503 with Retry-After while it is down, keeps SSE streams, and loses nothing once it is back', async () => {
    const a = await start();
    const b = await start();
    const onA = await open(a);
    const onB = await open(b);
    const leaving = await open(b);
    expect((await create(a, 'Before the restart', 'k-1')).status).toBe(201);
    await onB.until((f) => eventFrames(f).length === 1, 'the first event on B');
    const leftAt = eventFrames(await leaving.until((f) => eventFrames(f).length === 1, 'the first event'))[0]?.id ?? '';
    leaving.close();

    cluster.stop();
    const refused = await create(a, 'While down', 'k-2');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(await errorOf(refused)).toMatchObject({ code: 'unavailable', message: expect.stringContaining('database') });
    const list = await fetch(`${b.url}/v1/incidents`, { headers: { authorization: `Bearer ${token}` } });
    expect(list.status).toBe(503);
    cluster.start();

    // The client retries the refused declare with the same key; another declares through B.
    expect((await withRetries(() => create(a, 'While down', 'k-2'))).status).toBe(201);
    expect((await withRetries(() => create(b, 'After the restart', 'k-3'))).status).toBe(201);
    const expected = ['Before the restart', 'While down', 'After the restart'];
    for (const stream of [onA, onB]) {
      await stream.until((f) => eventFrames(f).length === 3, 'every event after the restart', 10_000);
      expect(titles(stream)).toEqual(expected);
    }
    const ids = (await schema.query<{ id: number }>(`SELECT id::int AS id FROM ${schema.name}.events ORDER BY id`)).rows.map((r) => String(r.id));
    expect(eventFrames(onA.frames).map((f) => f.id)).toEqual(ids);
    expect(eventFrames(onB.frames).map((f) => f.id)).toEqual(ids);

    // The client that dropped meanwhile reconnects, to the other instance, and gets what it missed.
    const back = await open(a, { 'last-event-id': leftAt });
    await back.until((f) => eventFrames(f).length === 2, 'the two missed events');
    expect(titles(back)).toEqual(['While down', 'After the restart']);
  }, 60_000);
});

describe.skipIf(postgresTestUrl() === undefined)('hub on PostgreSQL: connection pool exhausted', () => {
  let hub: TestHub;
  afterEach(async () => hub?.close());

  it('answers 503 with Retry-After when no connection frees up in time, and recovers', async () => {
    hub = await startTestHub({ pool: { max: 2, acquireTimeoutMs: 300 } }, 'postgres');
    const { id } = (await (await hub.create({ title: 'Busy database', severity: 'SEV2' })).json()) as { id: string };
    const schemaName = new URL(String(hub.storage.where.databaseUrl)).searchParams.get('options')?.split('=')[1] ?? '';

    // Another client holds the incidents table: the hub's two connections block on it.
    const admin = await import('pg').then(({ default: pg }) => new pg.Client({ connectionString: postgresTestUrl() }));
    await admin.connect();
    try {
      await admin.query('BEGIN');
      await admin.query(`LOCK TABLE ${schemaName}.incidents IN ACCESS EXCLUSIVE MODE`);
      const blocked = [hub.call(`/v1/incidents/${id}`), hub.call(`/v1/incidents/${id}`)];
      for (let i = 0; i < 200; i++) {
        // Statistics are a snapshot per transaction, and this client is inside one.
        await admin.query('SELECT pg_stat_clear_snapshot()');
        const { rows } = await admin.query<{ n: number }>(
          `SELECT COUNT(*)::int AS n FROM pg_stat_activity WHERE application_name = 'incident-hub' AND wait_event_type = 'Lock' AND query LIKE '%FROM incidents%'`,
        );
        if (rows[0]?.n === 2) break;
        await sleep(10);
        if (i === 199) throw new Error('the hub\'s connections never blocked on the lock');
      }
      const started = Date.now();
      const refused = await hub.call(`/v1/incidents/${id}`);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('1');
      const error = await errorOf(refused);
      expect(error.code).toBe('unavailable');
      expect(error.message).toMatch(/connections are all busy \(2 in use\)/);
      expect(Date.now() - started).toBeLessThan(3_000);
      await admin.query('COMMIT');
      expect((await Promise.all(blocked)).map((r) => r.status)).toEqual([200, 200]);
    } finally {
      await admin.end();
    }
    expect((await hub.call(`/v1/incidents/${id}`)).status).toBe(200);
    expect((await hub.create({ title: 'After the rush', severity: 'SEV3' })).status).toBe(201);
  });
});
