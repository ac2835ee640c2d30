// Figures for the declare flow (DESIGN.md §3), one JSON line each: with the vendor fakes adding
// latency (Slack 150 ms per call, PagerDuty 300 ms, hub 40 ms), how long from submit until every step
// is done and until PagerDuty is paged, over 50 SEV1 declares with a service (every step runs); beside
// the critical path (the longest dependent chain of calls, as the runner's graph orders them, with
// the configured latencies) and the sequential sum of every call one declare makes.
//
// The hub is the real server behind a small proxy in this file that waits 40 ms before forwarding
// each request. "All done" is the progress event the runner sends when the run ended (running:
// false): every step settled and the follow-ups (headline's PagerDuty link, record's links) made.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, Agent, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { createNodeCore } from '../src-main/core/create-node-core.js';
import type { DeclareProgress } from '../src-shared/domain.js';
import type { RecordedCall } from '../test/fakes/fake-http.js';
import { DECLARER, startDeclareWorld, startHubOn } from '../test/support/declare-world.js';
import { percentile } from './percentile.js';

const DECLARES = 50;
const LATENCY = { slack: 150, pagerduty: 300, hub: 40 } as const;
const GOAL_MARGIN_MS = 50;
/** Between declares, so the list refresh after one run does not overlap the next declare. */
const PAUSE_MS = 100;
const CORE_FLAG = '--core-process';

type Vendor = keyof typeof LATENCY;

const round = (n: number) => Number(n.toFixed(1));
const print = (figure: string, value: number | boolean, unit: string, extra: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ bench: 'declare', figure, value: typeof value === 'number' ? round(value) : value, unit, ...extra }));

// ---- the hub's latency: a proxy that waits before forwarding ----

interface ProxiedCall {
  method: string;
  path: string;
  at: number;
  end?: number;
}

async function startDelayingProxy(target: string, delayMs: number) {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true });
  const calls: ProxiedCall[] = [];
  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const call: ProxiedCall = { method: incoming.method ?? 'GET', path: (incoming.url ?? '/').split('?')[0] ?? '/', at: Date.now() };
    calls.push(call);
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      void sleep(delayMs).then(() => {
        const forwarded = httpRequest({ host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: incoming.headers, agent }, (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
          answer.on('end', () => (call.end = Date.now()));
        });
        forwarded.on('error', () => outgoing.destroy());
        forwarded.end(Buffer.concat(chunks));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---- the runner's graph of calls (src-main/core/declare/declare-runner.ts, runSteps) ----

/** A call one warm declare makes, and the calls it waits for in the runner's code. */
interface GraphCall {
  key: string;
  vendor: Vendor;
  after: string[];
}
const GRAPH: GraphCall[] = [
  { key: 'hub POST /v1/incidents', vendor: 'hub', after: [] },
  { key: 'pagerduty POST /incidents', vendor: 'pagerduty', after: [] },
  // The channel waits for the hub's first answer (which settles the name).
  { key: 'conversations.create', vendor: 'slack', after: ['hub POST /v1/incidents'] },
  { key: 'conversations.setPurpose', vendor: 'slack', after: ['conversations.create'] },
  { key: 'conversations.setTopic', vendor: 'slack', after: ['conversations.create'] },
  { key: 'conversations.invite', vendor: 'slack', after: ['conversations.create'] },
  { key: 'chat.postMessage (headline)', vendor: 'slack', after: ['conversations.create'] },
  { key: 'pins.add', vendor: 'slack', after: ['chat.postMessage (headline)'] },
  { key: 'chat.postMessage (digest)', vendor: 'slack', after: ['conversations.create'] },
  // The link goes in once the headline is posted (onPosted) and PagerDuty answered, beside the pin.
  { key: 'chat.update', vendor: 'slack', after: ['chat.postMessage (headline)', 'pagerduty POST /incidents'] },
  // Promise.all([hub, pagerduty, channelKnown]).then(followUpRecord): GET for the ETag, then PATCH.
  { key: 'hub GET /v1/incidents/{id}', vendor: 'hub', after: ['hub POST /v1/incidents', 'pagerduty POST /incidents', 'conversations.create'] },
  { key: 'hub PATCH /v1/incidents/{id}', vendor: 'hub', after: ['hub GET /v1/incidents/{id}'] },
];

/** Longest chain through the graph with the given durations: its length and its calls. */
function longestChain(duration: (key: string) => number): { ms: number; chain: string[]; finish: Map<string, number> } {
  const finish = new Map<string, number>();
  const via = new Map<string, string | undefined>();
  for (const call of GRAPH) {
    // GRAPH lists every call after the calls it waits for.
    let start = 0;
    let from: string | undefined;
    for (const dep of call.after) {
      const end = finish.get(dep);
      if (end === undefined) throw new Error(`graph order: ${dep} before ${call.key}`);
      if (end > start) [start, from] = [end, dep];
    }
    finish.set(call.key, start + duration(call.key));
    via.set(call.key, from);
  }
  let last = GRAPH[0]?.key ?? '';
  for (const [key, end] of finish) if (end > (finish.get(last) ?? 0)) last = key;
  const chain: string[] = [];
  for (let key: string | undefined = last; key; key = via.get(key)) chain.unshift(key);
  return { ms: finish.get(last) ?? 0, chain, finish };
}

// ---- one declare's calls, as the fakes and the proxy recorded them ----

interface TimedCall {
  key: string;
  vendor: Vendor;
  /** When the request reached the server (before the fake read and validated it). */
  arrived: number;
  /** When the fake had read and validated it (RecordedCall.at), or the proxy its headers. */
  at: number;
  end: number | undefined;
}

/**
 * When each request reached a fake's server, before it read the body and validated it against the
 * vendor's spec (RecordedCall.at is after that): tells the client's own delay from the fake's work.
 */
function arrivals(fake: object): { method: string; path: string; at: number; used: boolean }[] {
  const list: { method: string; path: string; at: number; used: boolean }[] = [];
  const server = Reflect.get(fake, 'server') as Server | undefined;
  server?.on('request', (request: IncomingMessage) => list.push({ method: request.method ?? 'GET', path: (request.url ?? '/').split('?')[0] ?? '/', at: Date.now(), used: false }));
  return list;
}
function arrivalOf(list: ReturnType<typeof arrivals>, call: RecordedCall): number {
  const found = list.find((a) => !a.used && a.method === call.method && a.path === call.path && a.at <= call.at);
  if (!found) return call.at;
  found.used = true;
  return found.at;
}

function keyOf(vendor: Vendor, call: { operation?: string; method?: string; path?: string; body?: unknown }): string {
  if (vendor === 'slack') {
    if (call.operation === 'chat.postMessage') {
      const channel = (call.body as { channel?: string } | undefined)?.channel ?? '';
      return `chat.postMessage (${channel === '#incidents' ? 'digest' : 'headline'})`;
    }
    return call.operation ?? 'unknown';
  }
  if (vendor === 'pagerduty') return `pagerduty ${call.operation ?? 'unknown'}`;
  return `hub ${call.method} ${call.path}`;
}

/**
 * Where one declare's time went, along the chain that actually ended last (each call's latest-answering
 * dependency, walked back from the call that answered last): before each call, the client's own delay
 * from the answer it waited for to its request reaching the server; the fake reading and validating it;
 * the answer's time over the configured latency; after the last answer, until the run-ended event.
 */
function breakdown(run: { calls: TimedCall[]; submittedAt: number; runEnded: number }): { chain: string[]; parts: Record<string, number> } {
  const byKey = new Map(run.calls.map((c) => [c.key, c]));
  const endOf = (key: string) => byKey.get(key)?.end ?? -Infinity;
  let last: string | undefined;
  for (const g of GRAPH) if (last === undefined || endOf(g.key) > endOf(last)) last = g.key;
  const chain: string[] = [];
  for (let key = last; key; ) {
    chain.unshift(key);
    const deps: string[] = GRAPH.find((g) => g.key === key)?.after ?? [];
    key = deps.reduce<string | undefined>((best, d) => (best === undefined || endOf(d) > endOf(best) ? d : best), undefined);
  }
  const parts: Record<string, number> = {};
  let previousEnd = run.submittedAt;
  for (const key of chain) {
    const c = byKey.get(key);
    if (!c || c.end === undefined) break;
    parts[`client: before ${key}`] = c.arrived - previousEnd;
    parts[`fake reads+validates ${key}`] = c.at - c.arrived;
    parts[`${key}: answer over latency`] = c.end - c.at - LATENCY[c.vendor];
    previousEnd = c.end;
  }
  parts['client: last answer → run-ended event'] = run.submittedAt + run.runEnded - previousEnd;
  return { chain, parts };
}

const sumBy = (calls: TimedCall[]) => {
  const counts: Record<string, number> = {};
  for (const c of calls) counts[c.key] = (counts[c.key] ?? 0) + 1;
  return counts;
};

// ---- the core's process: 50 declares, timed from its own progress events ----

interface Measured {
  id: string;
  /** Epoch ms at submit, to place the calls the fakes and the proxy recorded. */
  submittedAt: number;
  /** The rest in ms after submit. */
  runEnded: number;
  allSettled: number;
  pagerdutyPaged: number;
  runDeclareResolved: number;
  steps: string[];
  /** Most tries any step took (1 when nothing was retried). */
  maxAttempts: number;
}

interface CoreReport {
  runs: Measured[];
  eventLoopDelayMs: Record<string, number>;
  /** Share of the warm declares' time the core's event loop was busy, and its CPU time per declare. */
  eventLoopUtilization: number;
  cpuMsPerDeclare: number;
}

const SETTLED = new Set(['done', 'skipped', 'not-configured']);
const loopDelayOf = (histogram: ReturnType<typeof monitorEventLoopDelay>) => ({
  p50: round(histogram.percentile(50) / 1e6),
  p99: round(histogram.percentile(99) / 1e6),
  max: round(histogram.max / 1e6),
});

async function coreProcess(env: NodeJS.ProcessEnv): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'incident-tray-bench-declare-core-'));
  // As the app makes it (default retries and deadlines), without the background timers.
  const core = createNodeCore({ home, env });
  core.settings.save({ settings: { ...core.settings.effective(), user: { email: DECLARER } } });
  await core.start();
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  try {
    const runs: Measured[] = [];
    let elu = performance.eventLoopUtilization();
    let cpu = process.cpuUsage();
    for (let i = 0; i < DECLARES; i++) {
      if (i === 1) {
        loopDelay.enable();
        elu = performance.eventLoopUtilization();
        cpu = process.cpuUsage();
      }
      const events: { at: number; progress: DeclareProgress }[] = [];
      const off = core.onDeclareProgress((progress) => events.push({ at: performance.now(), progress }));
      // Date.now(), as the fakes and the proxy stamp their calls (timeOrigin + now() drifts from it).
      const submittedAt = Date.now();
      const t0 = performance.now();
      const started = await core.declare({ title: `Checkout 5xx after deploy ${i}`, severity: 'SEV1', service: 'checkout', description: 'Error rate above 5% on /pay.' });
      await core.runDeclare(started.id);
      const runDeclareResolved = performance.now() - t0;
      off();
      const mine = events.filter((e) => e.progress.id === started.id);
      const first = (what: string, test: (p: DeclareProgress) => boolean) => {
        const found = mine.find((e) => test(e.progress));
        if (!found) throw new Error(`declare ${i}: no progress event where ${what}; last: ${JSON.stringify(mine.at(-1)?.progress.steps)}`);
        return found.at - t0;
      };
      const last = mine.at(-1)?.progress;
      if (!last?.finished) throw new Error(`declare ${i} did not finish: ${JSON.stringify(last?.steps)}`);
      runs.push({
        id: started.id,
        submittedAt,
        runEnded: first('the run ended', (p) => !p.running && p.finished),
        allSettled: first('every step is settled', (p) => p.steps.every((s) => SETTLED.has(s.status))),
        pagerdutyPaged: first('pagerduty is done', (p) => p.steps.some((s) => s.step === 'pagerduty' && s.status === 'done')),
        runDeclareResolved,
        steps: last.steps.map((s) => `${s.step}:${s.status}`),
        maxAttempts: Math.max(...last.steps.map((s) => s.attempts ?? 0)),
      });
      // The list refresh after the run (for the popover) must not overlap the next declare.
      await sleep(PAUSE_MS);
    }
    loopDelay.disable();
    const used = process.cpuUsage(cpu);
    console.log(
      JSON.stringify({
        runs,
        eventLoopDelayMs: loopDelayOf(loopDelay),
        eventLoopUtilization: Number(performance.eventLoopUtilization(elu).utilization.toFixed(3)),
        cpuMsPerDeclare: round((used.user + used.system) / 1000 / (DECLARES - 1)),
      } satisfies CoreReport),
    );
  } finally {
    await core.close();
    rmSync(home, { recursive: true, force: true });
  }
}

function runCoreProcess(env: NodeJS.ProcessEnv): Promise<CoreReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), CORE_FLAG, JSON.stringify(env)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as CoreReport) : reject(new Error(`the core's process exited ${code}`))));
  });
}

// ---- the vendors' process: the fakes, the hub and its proxy; records every call ----

async function main(): Promise<void> {
  const benchStarted = performance.now();
  const hubHome = mkdtempSync(join(tmpdir(), 'incident-tray-bench-declare-'));
  const hub = await startHubOn(join(hubHome, 'team-hub.db'));
  const proxy = await startDelayingProxy(hub.running.url, LATENCY.hub);
  // The world's own core stays idle: the declares run in a process of their own, so the fakes' spec
  // validation and the hub's work do not share the core's event loop (they would not in real life).
  const world = await startDeclareWorld({
    latency: { slackMs: LATENCY.slack, pagerdutyMs: LATENCY.pagerduty },
    env: { HUB_URL: proxy.url, HUB_TOKEN: hub.token },
  });
  const slackEnds = new Map<RecordedCall, number>();
  const pagerdutyEnds = new Map<RecordedCall, number>();
  world.slack.onAnswered = (call) => slackEnds.set(call, Date.now());
  world.pagerduty.onAnswered = (call) => pagerdutyEnds.set(call, Date.now());
  const slackArrivals = arrivals(world.slack);
  const pagerdutyArrivals = arrivals(world.pagerduty);
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  try {
    const marks = { slack: world.slack.calls.length, pagerduty: world.pagerduty.calls.length, hub: proxy.calls.length };
    loopDelay.enable();
    const report = await runCoreProcess(world.env);
    loopDelay.disable();
    const allCalls: TimedCall[] = [
      ...world.slack.calls.slice(marks.slack).map((c) => ({ key: keyOf('slack', c), vendor: 'slack' as const, arrived: arrivalOf(slackArrivals, c), at: c.at, end: slackEnds.get(c) })),
      ...world.pagerduty.calls.slice(marks.pagerduty).map((c) => ({ key: keyOf('pagerduty', c), vendor: 'pagerduty' as const, arrived: arrivalOf(pagerdutyArrivals, c), at: c.at, end: pagerdutyEnds.get(c) })),
      ...proxy.calls.slice(marks.hub).map((c) => ({ key: keyOf('hub', c), vendor: 'hub' as const, arrived: c.at, at: c.at, end: c.end })),
    ].sort((a, b) => a.arrived - b.arrived);
    // A declare's calls: those that arrived between its submit and its run-ended event (the list
    // refresh for the popover comes after the run; declares are 100 ms apart; ±2 ms for the clock).
    const runs = report.runs.map((run) => ({
      ...run,
      calls: allCalls
        .filter((c) => c.arrived >= run.submittedAt - 2 && c.arrived <= run.submittedAt + run.runEnded + 2)
        .map((c) => ({ ...c, key: c.key.replace(encodeURIComponent(run.id), '{id}') })),
    }));
    const violations = [...world.slack.violations(), ...world.pagerduty.violations()].length;
    analyse(runs, {
      violations,
      core: { eventLoopDelayMs: report.eventLoopDelayMs, eventLoopUtilization: report.eventLoopUtilization, cpuMsPerDeclare: report.cpuMsPerDeclare },
      vendorsEventLoopDelayMs: loopDelayOf(loopDelay),
      wallSeconds: (performance.now() - benchStarted) / 1000,
    });
  } finally {
    await world.close();
    await proxy.close();
    await hub.running.close();
    rmSync(hubHome, { recursive: true, force: true });
  }
}

// ---- the figures ----

function analyse(runs: (Measured & { calls: TimedCall[] })[], context: { violations: number; core: Record<string, unknown>; vendorsEventLoopDelayMs: Record<string, number>; wallSeconds: number }): void {
  const [firstRun, ...warm] = runs;
  if (!firstRun || warm.length === 0) throw new Error('no declares measured');
  const shared = { declares: warm.length, percentilesOver: 'declares 2..50 (the first pays the warm-ups, reported as first_declare_ms)', latencyMs: LATENCY };

  const allDone = warm.map((r) => r.runEnded);
  const paged = warm.map((r) => r.pagerdutyPaged);
  const settled = warm.map((r) => r.allSettled);
  const resolved = warm.map((r) => r.runDeclareResolved);
  const measuredTo = "the progress event with running: false (run ended: every step settled and the follow-ups — headline's PagerDuty link, the record's links — made)";

  // The critical path and the sequential sum, from the calls one warm declare made.
  const sample = warm[Math.floor(warm.length / 2)] ?? firstRun;
  const counts = sumBy(sample.calls);
  const unexpected = Object.keys(counts).filter((key) => !GRAPH.some((g) => g.key === key) || counts[key] !== 1);
  const missing = GRAPH.filter((g) => !counts[g.key]).map((g) => g.key);
  const latencyOf = (key: string) => LATENCY[GRAPH.find((g) => g.key === key)?.vendor ?? 'slack'];
  const critical = longestChain(latencyOf);
  // The recorded order must match the graph, in every warm declare: no call reaches its server
  // before the calls it waits for answered.
  // (chat.update is left out when PagerDuty answered before the headline was posted: the link is in it.)
  const orderBroken = new Set<string>();
  const absent: Record<string, number> = {};
  for (const run of warm) {
    const byKey = new Map(run.calls.map((c) => [c.key, c]));
    for (const g of GRAPH) {
      const call = byKey.get(g.key);
      if (!call) absent[g.key] = (absent[g.key] ?? 0) + 1;
      for (const d of g.after) if (call && (byKey.get(d)?.end ?? Infinity) > call.arrived) orderBroken.add(`${g.key} started before ${d} answered`);
    }
  }
  const recorded = new Map(sample.calls.map((c) => [c.key, c]));
  const timeline = GRAPH.map((g) => {
    const c = recorded.get(g.key);
    if (!c) return { call: g.key, missing: true };
    const start = c.arrived - sample.submittedAt;
    const depsEnd = Math.max(0, ...g.after.map((d) => (recorded.get(d)?.end ?? NaN) - sample.submittedAt));
    return {
      call: g.key,
      startMs: round(start),
      endMs: c.end === undefined ? null : round(c.end - sample.submittedAt),
      modelStartMs: (critical.finish.get(g.key) ?? 0) - latencyOf(g.key),
      gapAfterDepsMs: round(start - depsEnd),
    };
  });
  // The same graph with the durations this declare's calls took (latency + the fake's handling).
  const observed = longestChain((key) => {
    const c = recorded.get(key);
    return c?.end === undefined ? latencyOf(key) : c.end - c.arrived;
  });
  const sequential = sample.calls.reduce((sum, c) => sum + LATENCY[c.vendor], 0);
  const firstCounts = sumBy(firstRun.calls);

  const p95 = percentile(allDone, 95);
  print('submit_to_all_done_p50', percentile(allDone, 50), 'ms', { ...shared, measuredTo });
  print('submit_to_all_done_p95', p95, 'ms', { ...shared, measuredTo, maxMs: round(Math.max(...allDone)) });
  print('submit_to_all_steps_settled_p50', percentile(settled, 50), 'ms', { ...shared, measuredTo: 'first progress event where every step is done (the follow-ups may still run)' });
  print('submit_to_all_steps_settled_p95', percentile(settled, 95), 'ms', { ...shared });
  print('submit_to_runDeclare_resolved_p50', percentile(resolved, 50), 'ms', { ...shared, note: 'runDeclare also refreshes the open-incident list after the run' });
  print('submit_to_runDeclare_resolved_p95', percentile(resolved, 95), 'ms', { ...shared });
  print('submit_to_pagerduty_paged_p50', percentile(paged, 50), 'ms', { ...shared, measuredTo: 'the progress event where the pagerduty step is done' });
  print('submit_to_pagerduty_paged_p95', percentile(paged, 95), 'ms', { ...shared, floorMs: LATENCY.pagerduty });
  print('critical_path_ms', critical.ms, 'ms', {
    chain: critical.chain,
    from: "the runner's graph (runSteps) with the configured latencies; every warm declare's recorded calls checked against it",
    recordedOrderMatchesGraph: orderBroken.size === 0 && missing.length === 0 && unexpected.length === 0,
    ...(orderBroken.size ? { orderBroken: [...orderBroken] } : {}),
    ...(missing.length ? { missingCalls: missing } : {}),
    ...(Object.keys(absent).length ? { declaresWithoutTheCall: absent } : {}),
    ...(unexpected.length ? { unexpectedCalls: unexpected.map((k) => `${k} x${counts[k]}`) } : {}),
    sampleDeclare: { observedChainMs: round(observed.ms), observedChain: observed.chain, runEndedMs: round(sample.runEnded), timeline },
  });
  print('sequential_sum_ms', sequential, 'ms', { callsPerOperation: counts, calls: sample.calls.length, firstDeclareCallsPerOperation: firstCounts });
  print('goal_met', p95 <= critical.ms + GOAL_MARGIN_MS, 'boolean', {
    goal: `submit_to_all_done_p95 <= critical_path_ms + ${GOAL_MARGIN_MS}`,
    p95Ms: round(p95),
    criticalPathMs: critical.ms,
    marginMs: round(critical.ms + GOAL_MARGIN_MS - p95),
    p50OverCriticalPathMs: round(percentile(allDone, 50) - critical.ms),
  });

  // Where the time over the critical path goes, over the warm declares.
  const breakdowns = warm.map(breakdown);
  const chains: Record<string, number> = {};
  for (const b of breakdowns) chains[b.chain.join(' → ')] = (chains[b.chain.join(' → ')] ?? 0) + 1;
  const names = [...new Set(breakdowns.flatMap((b) => Object.keys(b.parts)))];
  const parts = Object.fromEntries(
    names.map((name) => {
      const values = breakdowns.map((b) => b.parts[name]).filter((v): v is number => v !== undefined);
      return [name, { p50: round(percentile(values, 50)), p95: round(percentile(values, 95)), max: round(Math.max(...values)), declares: values.length }];
    }),
  );
  // The parts add up to run-ended minus the configured latencies along the chain.
  const overhead = breakdowns.map((b) => Object.values(b.parts).reduce((sum, v) => sum + v, 0));
  print('time over the critical path, by part', percentile(overhead, 50), 'ms', {
    note: 'value: p50 of (run ended − the configured latencies along the chain that ended last); parts in ms over the warm declares',
    p95Ms: round(percentile(overhead, 95)),
    chainsThatEndedLast: chains,
    parts,
    coreProcess: context.core,
    vendorsEventLoopDelayMs: context.vendorsEventLoopDelayMs,
  });
  print('first_declare_ms', firstRun.runEnded, 'ms', {
    measuredTo,
    pagerdutyPagedMs: round(firstRun.pagerdutyPaged),
    excludedFromPercentiles: true,
    warmUps: Object.fromEntries(Object.entries(firstCounts).filter(([k]) => !counts[k] || firstCounts[k] !== counts[k])),
    timeline: firstRun.calls.map((c) => ({ call: c.key, startMs: round(c.arrived - firstRun.submittedAt), endMs: c.end === undefined ? null : round(c.end - firstRun.submittedAt) })),
  });
  print('bench wall time', context.wallSeconds, 's', {
    specViolations: context.violations,
    retried: runs.filter((r) => r.maxAttempts > 1).length,
    steps: firstRun.steps,
    machine: { cpus: availableParallelism(), loadAverage1m: round(loadavg()[0] ?? NaN) },
  });
}

if (process.argv[2] === CORE_FLAG) await coreProcess(JSON.parse(process.argv[3] ?? '{}') as NodeJS.ProcessEnv);
else await main();
