// One hub instance as its own process, for bench/hub.ts: instances of a scale-out deployment do not
// share an event loop, so two of them in one bench process would measure one. Reads its storage from
// argv (JSON), prints `listening on URL`, closes gracefully on SIGTERM.
import { startHub } from '../../src-hub/server.js';

interface InstanceJob {
  dbPath?: string;
  databaseUrl?: string;
  poolMax?: number;
}

const job = JSON.parse(process.argv[2] ?? '{}') as InstanceJob;
const hub = await startHub({
  ...(job.databaseUrl ? { databaseUrl: job.databaseUrl, pool: { max: job.poolMax ?? 10 } } : { dbPath: job.dbPath ?? '' }),
  host: '127.0.0.1',
  port: 0,
  // The limiter stays on (its cost is part of the figures) with a ceiling the load cannot reach.
  rateLimit: { max: 1_000_000_000, timeWindowMs: 60_000 },
  log: (message, fields) => process.stderr.write(`${message} ${JSON.stringify(fields ?? {})}\n`),
});
process.stdout.write(`listening on ${hub.url}\n`);
process.once('SIGTERM', () => {
  void hub.close().then(() => process.exit(0));
});
