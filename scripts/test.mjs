// `npm test`: install if needed, make sure Debian's Chromium is there for the real-renderer tests
// (installing it when we are root with apt, otherwise naming the exact command), then run every
// test project; the Electron e2e tests run where an Electron binary exists and skip with a line where not.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureInstalled } from './ensure-installed.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INSTALL_COMMAND = 'sudo apt-get update && sudo apt-get install -y chromium xvfb';

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

await ensureInstalled();
ensureChromium();
const vitest = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const args = process.argv.slice(2);
const unit = spawnSync(process.execPath, [vitest, 'run', ...args], { cwd: ROOT, stdio: 'inherit' });
if (unit.status !== 0) process.exit(unit.status ?? 1);
const e2e = spawnSync(process.execPath, [vitest, 'run', '--config', 'vitest.e2e.config.ts'], { cwd: ROOT, stdio: 'inherit' });
process.exit(e2e.status ?? 1);
