// Figures for the hub (issue #4), one JSON line each:
// - conditional polls (If-None-Match → 304) per second at 100 connections, against the hub (auth,
//   rate limiter, real ETag) and a bare node:http server answering 304, in the same run, and the ratio
//   (plus a one-route Fastify app as the framework's floor, to read the ratio against);
// - open-list query time with 100,000 incidents, 1% open;
// - SSE fan-out: POST /v1/incidents → delivery at 200 connected clients, p50/p99.
// The load generator runs in a child process (bench/hub/load-generator.ts). Loopback only.
// `--backend postgres` (issue #8) adds, in the same run, creates/s and conditional polls/s on one and
// on two instances, and SSE delivery across instances, for SQLite and PostgreSQL side by side
// (bench/hub/backend-figures.ts), on BENCH_DATABASE_URL or a throwaway cluster from Debian's
// PostgreSQL (fsync on, synchronous_commit off — the durability of SQLite's WAL + NORMAL).
// `--only-backends` prints only that comparison.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { createToken } from '../src-hub/http/auth.js';
import { startHub } from '../src-hub/server.js';
import { listSql } from '../src-hub/storage/sqlite/list-sql.js';
import { openHubDatabase } from '../src-hub/storage/sqlite/open-hub-database.js';
import { SqliteHubRepository } from '../src-hub/storage/sqlite/sqlite-hub-repository.js';
import { startPostgresCluster, type PostgresCluster } from '../test/support/postgres-cluster.js';
import { createTestSchema } from '../test/support/postgres-schemas.js';
import { backendFigures } from './hub/backend-figures.js';
import { seedIncidents } from './hub/seed.js';
import { percentile } from './percentile.js';

const CONNECTIONS = 100;
const WARMUP_ROUNDS = 2;
const SLICE_SEC = 3;
const ROUNDS = 7;
const SEEDED = 100_000;
const OPEN_EVERY = 100; // 1% open
const QUERY_RUNS = 300;
const SSE_CLIENTS = 200;
const SSE_POSTS = 30;

const LOAD = fileURLToPath(new URL('./hub/load-generator.ts', import.meta.url));

const round = (n: number) => Number(n.toFixed(3));
const print = (figure: string, value: number | null, unit: string, extra: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ bench: 'hub', figure, value: value === null ? null : round(value), unit, ...extra }));

function backendArgument(): 'sqlite' | 'postgres' {
  const at = process.argv.indexOf('--backend');
  const value = at < 0 ? 'sqlite' : process.argv[at + 1];
  if (value !== 'sqlite' && value !== 'postgres') {
    console.error(`--backend must be sqlite or postgres (got ${value})`);
    process.exit(2);
  }
  return value;
}
const backend = backendArgument();

function runLoad<T>(job: Record<string, unknown>): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', LOAD, JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as T) : reject(new Error(`load generator exited ${code}`))));
  });
}

interface PollResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

const home = mkdtempSync(join(tmpdir(), 'incident-hub-bench-'));
let cluster: PostgresCluster | undefined;
try {
  if (backend === 'postgres') {
    let baseUrl = process.env.BENCH_DATABASE_URL;
    if (!baseUrl) {
      cluster = await startPostgresCluster({ durable: true });
      baseUrl = cluster.url;
    }
    await backendFigures('sqlite', { home }, print, runLoad);
    const schema = await createTestSchema(baseUrl);
    try {
      await backendFigures('postgres', { home, databaseUrl: schema.url }, print, runLoad);
    } finally {
      await schema.drop();
    }
  }
  // `--only-backends`: just the comparison above (about a minute instead of several).
  if (!process.argv.includes('--only-backends')) {

    // ---- conditional polls ----
    const dbPath = join(home, 'hub.db');
    const setup = SqliteHubRepository.open(dbPath);
    const token = await createToken(setup, 'bench@example.com', new Date());
    await setup.close();
    // The limiter stays on (its cost is part of the figure) with a ceiling the load cannot reach.
    const hub = await startHub({ dbPath, host: '127.0.0.1', port: 0, rateLimit: { max: 1_000_000_000, timeWindowMs: 60_000 } });
    const auth = { authorization: `Bearer ${token}` };
    for (let i = 0; i < 20; i++) {
      await fetch(`${hub.url}/v1/incidents`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': `seed-${i}` },
        body: JSON.stringify({ title: `Open incident ${i}`, severity: 'SEV2' }),
      });
    }
    const etag = (await fetch(`${hub.url}/v1/incidents?status=open`, { headers: auth })).headers.get('etag') ?? '';

    const bare = createServer((_request, response) => {
      response.writeHead(304, { etag: '"bare"' });
      response.end();
    });
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/v1/incidents?status=open`;

    // The framework's own floor, to tell the hub's cost from Fastify's: one route answering 304.
    const minimal = Fastify({ logger: false });
    minimal.get('/v1/incidents', async (_request, reply) => reply.code(304).header('etag', '"minimal"').send());
    await minimal.listen({ host: '127.0.0.1', port: 0 });
    const minimalUrl = `http://127.0.0.1:${(minimal.server.address() as AddressInfo).port}/v1/incidents?status=open`;

    const targets = [
      { name: 'bare', url: bareUrl, headers: { 'if-none-match': '"bare"' } },
      { name: 'fastify', url: minimalUrl, headers: { 'if-none-match': '"minimal"' } },
      { name: 'hub', url: `${hub.url}/v1/incidents?status=open`, headers: { ...auth, 'if-none-match': etag } },
    ];
    await runLoad({ kind: 'alternating-polls', targets, connections: CONNECTIONS, sliceSec: 1, rounds: WARMUP_ROUNDS });
    const runs = await runLoad<Record<string, PollResult[]>>({ kind: 'alternating-polls', targets, connections: CONNECTIONS, sliceSec: SLICE_SEC, rounds: ROUNDS });
    await minimal.close();
    const bareRuns = runs.bare ?? [];
    const hubRuns = runs.hub ?? [];
    const minimalRuns = runs.fastify ?? [];
    const rates = (results: PollResult[]) => results.map((run) => Math.round(run.requestsPerSecond));
    const median = (values: number[]) => percentile(values, 50);
    const ratios = (results: PollResult[]) => results.map((run, i) => round(run.requestsPerSecond / (bareRuns[i]?.requestsPerSecond ?? NaN)));
    const p99 = (results: PollResult[]) => median(results.map((run) => run.p99Ms));
    const onlyNotModified = (results: PollResult[]) => results.every((run) => Object.keys(run.statusCodes).join() === '304' && run.errors === 0);
    const shared = { connections: CONNECTIONS, slices: ROUNDS, secondsEach: SLICE_SEC };
    print('conditional polls (304), bare node:http', median(rates(bareRuns)), 'req/s', { ...shared, p99Ms: p99(bareRuns), perSlice: rates(bareRuns), all304: onlyNotModified(bareRuns) });
    print('conditional polls (304), minimal Fastify route (reference)', median(rates(minimalRuns)), 'req/s', { ...shared, p99Ms: p99(minimalRuns), ratioToBare: median(ratios(minimalRuns)) });
    print('conditional polls (304), hub', median(rates(hubRuns)), 'req/s', { ...shared, p99Ms: p99(hubRuns), p99MsWorstSlice: Math.max(...hubRuns.map((run) => run.p99Ms)), perSlice: rates(hubRuns), all304: onlyNotModified(hubRuns), goal: 'p99 < 20 ms' });
    print('conditional polls, hub / bare (median of adjacent slices)', median(ratios(hubRuns)), 'ratio', { perSlice: ratios(hubRuns), goal: '>= 0.7' });
    await new Promise<void>((resolve) => bare.close(() => resolve()));

    // ---- SSE fan-out ----
    const fan = await runLoad<{ p50Ms: number; p99Ms: number; maxMs: number; deliveries: number }>({ kind: 'fanout', baseUrl: hub.url, token, clients: SSE_CLIENTS, posts: SSE_POSTS });
    print('SSE fan-out POST → delivery p50', fan.p50Ms, 'ms', { clients: SSE_CLIENTS, posts: SSE_POSTS, deliveries: fan.deliveries });
    print('SSE fan-out POST → delivery p99', fan.p99Ms, 'ms', { clients: SSE_CLIENTS, posts: SSE_POSTS, maxMs: round(fan.maxMs), goal: '< 100 ms' });
    await hub.close();

    // ---- open-list query with 100,000 incidents ----
    const bigPath = join(home, 'big.db');
    const db = openHubDatabase(bigPath);
    let started = performance.now();
    seedIncidents(db, SEEDED, OPEN_EVERY);
    const seedMs = performance.now() - started;
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${listSql('open', false)}`).all({ limit: 1 }) as { detail: string }[]).map((row) => row.detail).join('; ');
    const repository = new SqliteHubRepository(db);
    for (const limit of [50, 200]) {
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < QUERY_RUNS; i++) {
        started = performance.now();
        rows = (await repository.listIncidents({ status: 'open', limit })).incidents.length;
        times.push(performance.now() - started);
      }
      print(`open-list query, limit ${limit}, p50`, percentile(times, 50), 'ms', { incidents: SEEDED, open: SEEDED / OPEN_EVERY, rows });
      print(`open-list query, limit ${limit}, p99`, percentile(times, 99), 'ms', { incidents: SEEDED, open: SEEDED / OPEN_EVERY, rows, plan, goal: '< 5 ms', seedMs: round(seedMs) });
    }
    await repository.close();
  }
} finally {
  cluster?.destroy();
  rmSync(home, { recursive: true, force: true });
}
