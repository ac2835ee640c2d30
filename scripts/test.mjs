// `npm test`: install if needed, make sure Debian's Chromium is there for the real-renderer tests
// (installing it when we are root with apt, otherwise naming the exact command), then run every
// test project; the Electron e2e tests run where an Electron binary exists and skip with a line where
// not. Ends with one plain summary line, `tests: N passed, N failed, N skipped`, over both runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
mkdirSync(RESULTS, { recursive: true });
const e2e = runVitest('e2e', ['--config', 'vitest.e2e.config.ts']);
const suite = runVitest('suite', process.argv.slice(2));
const total = (key) => e2e.counts[key] + suite.counts[key];
const summary = `tests: ${total('passed')} passed, ${total('failed')} failed, ${total('skipped')} skipped`;
writeFileSync(join(RESULTS, 'summary.txt'), `${summary}\n`);
console.log(summary);
process.exit(suite.status !== 0 ? suite.status : e2e.status);
