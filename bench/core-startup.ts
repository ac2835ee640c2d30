// Figures for the headless core: cold start (open SQLite + migrations + settings) and the snapshot
// the popover draws, with many open incidents in the local store. One JSON line per figure.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createNodeCore } from '../src-main/core/create-node-core.js';
import { percentile } from './percentile.js';

const OPEN_INCIDENTS = 1_000;
const SNAPSHOT_RUNS = 200;

const print = (figure: string, value: number, unit: string, extra: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ bench: 'core', figure, value: Number(value.toFixed(3)), unit, ...extra }));

const home = mkdtempSync(join(tmpdir(), 'incident-tray-bench-'));
try {
  let started = performance.now();
  let core = createNodeCore({ home, env: {} });
  print('cold start, new database', performance.now() - started, 'ms');

  const severities = ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5'] as const;
  // Each declare runs to its end (the local store's record; no vendor is configured): open incidents.
  for (let i = 0; i < OPEN_INCIDENTS; i++) {
    const declared = await core.declare({ title: `Benchmark incident ${i}`, severity: severities[i % 5] ?? 'SEV3' });
    await core.runDeclare(declared.id);
  }
  await core.close();

  started = performance.now();
  core = createNodeCore({ home, env: {} });
  print('cold start, existing database', performance.now() - started, 'ms', { openIncidents: OPEN_INCIDENTS });
  started = performance.now();
  await core.start();
  print('start: open list read', performance.now() - started, 'ms', { openIncidents: core.snapshot().incidents.length });

  const times: number[] = [];
  for (let i = 0; i < SNAPSHOT_RUNS; i++) {
    const t = performance.now();
    core.snapshot();
    times.push(performance.now() - t);
  }
  print('snapshot p50', percentile(times, 50), 'ms', { openIncidents: OPEN_INCIDENTS, runs: SNAPSHOT_RUNS });
  print('snapshot p99', percentile(times, 99), 'ms', { openIncidents: OPEN_INCIDENTS, runs: SNAPSHOT_RUNS });
  print('rss after snapshots', process.memoryUsage().rss / 1024 / 1024, 'MB');
  await core.close();
} finally {
  rmSync(home, { recursive: true, force: true });
}
