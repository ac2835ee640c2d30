// The backend comparison of bench/hub.ts (`--backend postgres`, issue #8): for SQLite and PostgreSQL
// in the same run, creates per second and conditional polls per second on one instance and — for
// PostgreSQL, which several instances can share — on two, plus SSE delivery POST → client, across
// instances for PostgreSQL (clients on B, creates through A) and within the one SQLite instance.
// Every hub instance is its own process (bench/hub/hub-instance.ts); the load is another.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createToken } from '../../src-hub/http/auth.js';
import { openPostgresHub } from '../../src-hub/storage/postgres/open-postgres-hub.js';
import { SqliteHubRepository } from '../../src-hub/storage/sqlite/sqlite-hub-repository.js';

const INSTANCE = fileURLToPath(new URL('./hub-instance.ts', import.meta.url));
const CREATE_CONCURRENCY = 16;
const CREATE_SEC = 5;
const POLL_CONNECTIONS = 100;
const POLL_SEC = 3;
const POLL_SLICES = 3;
const SSE_CLIENTS = 100;
const SSE_POSTS = 40;
const SSE_WARMUP_POSTS = 3;

export type Backend = 'sqlite' | 'postgres';
type Print = (figure: string, value: number | null, unit: string, extra?: Record<string, unknown>) => void;
type RunLoad = <T>(job: Record<string, unknown>) => Promise<T>;

interface Instance {
  url: string;
  child: ChildProcess;
}

function startInstance(storage: { dbPath?: string; databaseUrl?: string }): Promise<Instance> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', INSTANCE, JSON.stringify(storage)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /listening on (\S+)/.exec(out);
      if (match?.[1]) resolve({ url: match[1], child });
    });
    child.on('exit', (code) => reject(new Error(`hub instance exited ${code} before listening`)));
  });
}

const stop = (instance: Instance) =>
  new Promise<void>((resolve) => {
    instance.child.once('exit', () => resolve());
    instance.child.kill('SIGTERM');
  });

interface CreatesResult {
  createsPerSecond: number;
  p99Ms: number;
  statuses: Record<string, number>;
}
interface PollsResult {
  requestsPerSecond: number;
  p99Ms: number;
  perInstance: number[];
  statusCodes: Record<string, number>[];
  errors: number;
}
interface FanoutResult {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  deliveries: number;
}

/** Runs the figures of one backend; `databaseUrl` (with its own search_path) for PostgreSQL. */
export async function backendFigures(backend: Backend, where: { home: string; databaseUrl?: string }, print: Print, runLoad: RunLoad): Promise<void> {
  const storage = backend === 'sqlite' ? { dbPath: join(where.home, `backends-${backend}.db`) } : { databaseUrl: where.databaseUrl };
  const setup = backend === 'sqlite' ? SqliteHubRepository.open(storage.dbPath ?? '') : await openPostgresHub(storage.databaseUrl ?? '');
  const token = await createToken(setup, 'bench@example.com', new Date());
  await setup.close();
  const shared = { backend, cores: (await import('node:os')).availableParallelism() };

  const a = await startInstance(storage);
  const instances = [a];
  try {
    const auth = { authorization: `Bearer ${token}` };
    for (let i = 0; i < 20; i++) {
      await fetch(`${a.url}/v1/incidents`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': `seed-${i}` },
        body: JSON.stringify({ title: `Open incident ${i}`, severity: 'SEV2' }),
      });
    }
    const measure = async (urls: string[], label: string) => {
      await runLoad({ kind: 'creates', baseUrls: urls, token, concurrency: CREATE_CONCURRENCY, durationSec: 1, prefix: `warm-${label}` });
      const created = await runLoad<CreatesResult>({ kind: 'creates', baseUrls: urls, token, concurrency: CREATE_CONCURRENCY, durationSec: CREATE_SEC, prefix: `bench-${label}` });
      print('creates per second', created.createsPerSecond, 'creates/s', { ...shared, instances: urls.length, concurrency: CREATE_CONCURRENCY, seconds: CREATE_SEC, p99Ms: created.p99Ms, statuses: created.statuses });
      // Every instance must have caught up before the ETag is the same everywhere.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const etag = (await fetch(`${urls[0]}/v1/incidents?status=open`, { headers: auth })).headers.get('etag') ?? '';
      const pollUrls = urls.map((url) => `${url}/v1/incidents?status=open`);
      const headers = { ...auth, 'if-none-match': etag };
      await runLoad({ kind: 'polls-multi', urls: pollUrls, headers, connections: POLL_CONNECTIONS, durationSec: 1 });
      // Median of a few slices: on a small shared machine one long run mostly measures its neighbours.
      const slices: PollsResult[] = [];
      for (let i = 0; i < POLL_SLICES; i++) slices.push(await runLoad<PollsResult>({ kind: 'polls-multi', urls: pollUrls, headers, connections: POLL_CONNECTIONS, durationSec: POLL_SEC }));
      const ordered = [...slices].sort((x, y) => x.requestsPerSecond - y.requestsPerSecond);
      const polled = ordered[Math.floor(ordered.length / 2)] ?? ordered[0];
      if (!polled) return;
      const all304 = slices.every((slice) => slice.errors === 0 && slice.statusCodes.every((codes) => Object.keys(codes).join() === '304'));
      print('conditional polls (304) per second', polled.requestsPerSecond, 'req/s', {
        ...shared,
        instances: urls.length,
        connections: POLL_CONNECTIONS,
        slices: POLL_SLICES,
        secondsEach: POLL_SEC,
        perSlice: slices.map((slice) => Math.round(slice.requestsPerSecond)),
        p99Ms: polled.p99Ms,
        perInstance: polled.perInstance,
        all304,
      });
    };
    await measure([a.url], 'one');

    if (backend === 'postgres') {
      const b = await startInstance(storage);
      instances.push(b);
      await measure([a.url, b.url], 'two');
      const fan = await runLoad<FanoutResult>({ kind: 'fanout', baseUrl: b.url, postBaseUrl: a.url, token, clients: SSE_CLIENTS, posts: SSE_POSTS, warmupPosts: SSE_WARMUP_POSTS });
      print('cross-instance SSE delivery (POST to A → client of B) p50', fan.p50Ms, 'ms', { ...shared, clients: SSE_CLIENTS, posts: SSE_POSTS, deliveries: fan.deliveries });
      print('cross-instance SSE delivery (POST to A → client of B) p99', fan.p99Ms, 'ms', { ...shared, clients: SSE_CLIENTS, posts: SSE_POSTS, maxMs: fan.maxMs, goal: '< 200 ms' });
    } else {
      const note = 'SQLite serves one hub process per file: no second instance';
      print('creates per second', null, 'creates/s', { ...shared, instances: 2, note });
      print('conditional polls (304) per second', null, 'req/s', { ...shared, instances: 2, note });
      const fan = await runLoad<FanoutResult>({ kind: 'fanout', baseUrl: a.url, token, clients: SSE_CLIENTS, posts: SSE_POSTS, warmupPosts: SSE_WARMUP_POSTS });
      print('SSE delivery (POST → client, one instance) p50', fan.p50Ms, 'ms', { ...shared, clients: SSE_CLIENTS, posts: SSE_POSTS, deliveries: fan.deliveries });
      print('SSE delivery (POST → client, one instance) p99', fan.p99Ms, 'ms', { ...shared, clients: SSE_CLIENTS, posts: SSE_POSTS, maxMs: fan.maxMs });
    }
  } finally {
    await Promise.all(instances.map(stop));
  }
}
