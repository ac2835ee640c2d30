// The load side of bench/hub.ts, run as its own process so it never shares an event loop (or, on two
// cores, a core) with the server it measures. Reads one JSON job from argv, prints one JSON result.
import autocannon from 'autocannon';
import { request, type IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import { percentile } from '../percentile.js';

interface PollTarget {
  name: string;
  url: string;
  headers: Record<string, string>;
}

type Job =
  | { kind: 'polls'; url: string; headers: Record<string, string>; connections: number; durationSec: number }
  | { kind: 'alternating-polls'; targets: PollTarget[]; connections: number; sliceSec: number; rounds: number }
  | { kind: 'polls-multi'; urls: string[]; headers: Record<string, string>; connections: number; durationSec: number }
  | { kind: 'creates'; baseUrls: string[]; token: string; concurrency: number; durationSec: number; prefix: string }
  /** Clients stream from baseUrl; posts go to postBaseUrl (another instance) when given. */
  | { kind: 'fanout'; baseUrl: string; postBaseUrl?: string; token: string; clients: number; posts: number; warmupPosts?: number };


/**
 * Short slices against each target in turn, round after round, from one process: a machine whose
 * load changes (other work on the same cores) then affects neighbouring slices alike, so the ratio
 * of adjacent slices is steadier than the ratio of two long runs.
 */
async function alternatingPolls(job: Extract<Job, { kind: 'alternating-polls' }>) {
  const results: Record<string, Awaited<ReturnType<typeof polls>>[]> = {};
  for (let round = 0; round < job.rounds; round++) {
    for (const target of job.targets) {
      const result = await polls({ kind: 'polls', url: target.url, headers: target.headers, connections: job.connections, durationSec: job.sliceSec });
      (results[target.name] ??= []).push(result);
    }
  }
  return results;
}

async function polls(job: Extract<Job, { kind: 'polls' }>) {
  const result = await autocannon({ url: job.url, headers: job.headers, connections: job.connections, duration: job.durationSec });
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats as Record<string, { count: number }>).map(([code, stat]) => [code, stat.count]),
  );
  return { requestsPerSecond: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99, total: result.requests.total, errors: result.errors, timeouts: result.timeouts, statusCodes };
}

/** Conditional polls against several instances at once, the connections split between them. */
async function pollsMulti(job: Extract<Job, { kind: 'polls-multi' }>) {
  const each = Math.max(1, Math.floor(job.connections / job.urls.length));
  const results = await Promise.all(job.urls.map((url) => polls({ kind: 'polls', url, headers: job.headers, connections: each, durationSec: job.durationSec })));
  return {
    requestsPerSecond: results.reduce((sum, r) => sum + r.requestsPerSecond, 0),
    p99Ms: Math.max(...results.map((r) => r.p99Ms)),
    perInstance: results.map((r) => Math.round(r.requestsPerSecond)),
    statusCodes: results.map((r) => r.statusCodes),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
  };
}

/**
 * Creates (POST /v1/incidents, each with its own Idempotency-Key and title) from `concurrency`
 * workers for the duration, the workers spread over the instances.
 */
async function creates(job: Extract<Job, { kind: 'creates' }>) {
  const until = performance.now() + job.durationSec * 1000;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const worker = async (w: number) => {
    const baseUrl = job.baseUrls[w % job.baseUrls.length] ?? '';
    for (let i = 0; performance.now() < until; i++) {
      const started = performance.now();
      const response = await fetch(`${baseUrl}/v1/incidents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${job.token}`, 'content-type': 'application/json', 'idempotency-key': `${job.prefix}-${w}-${i}` },
        body: JSON.stringify({ title: `${job.prefix} ${w} ${i}`, severity: 'SEV4' }),
      });
      await response.arrayBuffer();
      latencies.push(performance.now() - started);
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: job.concurrency }, (_, w) => worker(w)));
  const seconds = (performance.now() - started) / 1000;
  return { createsPerSecond: (statuses['201'] ?? 0) / seconds, total: latencies.length, statuses, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}

/** Opens one SSE stream and reports each incident title that arrives, with its arrival time. */
function openStream(url: string, token: string, onTitle: (title: string, at: number) => void): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } }, (res) => {
      let buffer = '';
      let connected = false;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const at = performance.now();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!connected && frame.includes(': connected')) {
            connected = true;
            resolve(res);
          }
          const data = frame.split('\n').find((line) => line.startsWith('data: '));
          if (data) onTitle((JSON.parse(data.slice(6)) as { title: string }).title, at);
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
}

async function fanout(job: Extract<Job, { kind: 'fanout' }>) {
  const waiting = new Map<string, { started: number; remaining: number; done: () => void }>();
  const latencies: number[] = [];
  const onTitle = (title: string, at: number) => {
    const post = waiting.get(title);
    if (!post) return;
    latencies.push(at - post.started);
    if (--post.remaining === 0) post.done();
  };
  const streams = await Promise.all(Array.from({ length: job.clients }, () => openStream(`${job.baseUrl}/v1/events`, job.token, onTitle)));
  // Warm-up posts (first use of every code path on both ends) are delivered but not counted.
  const warmup = job.warmupPosts ?? 0;
  for (let i = -warmup; i < job.posts; i++) {
    const title = `Fan-out probe ${i}`;
    const delivered = new Promise<void>((done) => waiting.set(title, { started: performance.now(), remaining: job.clients, done }));
    const response = await fetch(`${job.postBaseUrl ?? job.baseUrl}/v1/incidents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${job.token}`, 'content-type': 'application/json', 'idempotency-key': `fanout-${job.postBaseUrl ?? ''}-${i}` },
      body: JSON.stringify({ title, severity: 'SEV3' }),
    });
    if (response.status !== 201) throw new Error(`create answered ${response.status}`);
    await Promise.race([delivered, new Promise((_, reject) => setTimeout(() => reject(new Error(`event ${i} not delivered to every client within 10 s`)), 10_000))]);
    waiting.delete(title);
    if (i < 0) latencies.length = 0;
  }
  for (const stream of streams) stream.destroy();
  return { clients: job.clients, posts: job.posts, deliveries: latencies.length, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), maxMs: Math.max(...latencies) };
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
const run = (): Promise<unknown> => {
  switch (job.kind) {
    case 'polls':
      return polls(job);
    case 'alternating-polls':
      return alternatingPolls(job);
    case 'polls-multi':
      return pollsMulti(job);
    case 'creates':
      return creates(job);
    case 'fanout':
      return fanout(job);
  }
};
const result = await run();
process.stdout.write(`${JSON.stringify(result)}\n`);
