// `npm test`: install if needed, make sure Debian's Chromium is there for the real-renderer tests
// (installing it when we are root with apt, otherwise naming the exact command) and Debian's
// PostgreSQL for the hub tests' second backend (installed the same way; where it cannot be, those
// tests skip with a line naming the command, unless HUB_TEST_REQUIRE_POSTGRES=1), then run every
// test project; the Electron e2e tests run where an Electron binary exists and skip with a line where
// not. Ends with one plain summary line, `tests: N passed, N failed, N skipped`, over both runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureInstalled } from './ensure-installed.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INSTALL_COMMAND = 'sudo apt-get update && sudo apt-get install -y chromium xvfb';
const RESULTS = join(ROOT, 'test-results');

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt && !process.env.CHROMIUM_PATH) {
    console.log('Chromium not found: installing Debian chromium with apt-get for the UI tests.');
    const apt = spawnSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium xvfb'], { stdio: 'inherit' });
    if (apt.status === 0 && existsSync(CHROMIUM)) return;
  }
  console.error(`The UI tests need Chromium at ${CHROMIUM} (or set CHROMIUM_PATH). Install it with: ${INSTALL_COMMAND}`);
  process.exit(1);
}

const POSTGRES_INSTALL_COMMAND = 'sudo apt-get update && sudo apt-get install -y postgresql';

function hasPostgres() {
  if (process.env.TEST_DATABASE_URL || process.env.POSTGRES_BIN_DIR) return true;
  const root = '/usr/lib/postgresql';
  return existsSync(root) && readdirSync(root).some((version) => existsSync(join(root, version, 'bin', 'initdb')));
}

function ensurePostgres() {
  if (hasPostgres()) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    console.log('PostgreSQL not found: installing Debian postgresql with apt-get for the hub tests.');
    spawnSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql'], { stdio: 'inherit' });
    if (hasPostgres()) return;
  }
  const message = `The hub's PostgreSQL tests need Debian's PostgreSQL (or TEST_DATABASE_URL). Install it with: ${POSTGRES_INSTALL_COMMAND}`;
  if (process.env.HUB_TEST_REQUIRE_POSTGRES === '1') {
    console.error(message);
    process.exit(1);
  }
  console.log(`${message} (skipping them for now)`);
}

/** Runs vitest with its usual output plus a JSON report, and answers the exit code and the counts. */
function runVitest(name, args) {
  const report = join(RESULTS, `${name}.json`);
  const vitest = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
  const result = spawnSync(
    process.execPath,
    [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args],
    { cwd: ROOT, stdio: 'inherit' },
  );
  const counts = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    counts.passed = json.numPassedTests ?? 0;
    counts.failed = json.numFailedTests ?? 0;
    counts.skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  }
  return { status: result.status ?? 1, counts };
}

await ensureInstalled();
ensureChromium();
ensurePostgres();
mkdirSync(RESULTS, { recursive: true });
const e2e = runVitest('e2e', ['--config', 'vitest.e2e.config.ts']);
const suite = runVitest('suite', process.argv.slice(2));
const total = (key) => e2e.counts[key] + suite.counts[key];
const summary = `tests: ${total('passed')} passed, ${total('failed')} failed, ${total('skipped')} skipped`;
writeFileSync(join(RESULTS, 'summary.txt'), `${summary}\n`);
console.log(summary);
process.exit(suite.status !== 0 ? suite.status : e2e.status);
