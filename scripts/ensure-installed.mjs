// Makes `npm start` and `npm test` work on a fresh clone: installs the dependencies when they are
// missing or older than package-lock.json. Electron's postinstall downloads a binary from its release
// host; machines that cannot reach it (CI sandboxes, air-gapped laptops) would die there, so probe the
// host first and install without the binary when it is unreachable — saying so in one line.
// Plain Node with no dependencies: it runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:https';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function dependenciesCurrent() {
  const installed = join(ROOT, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return false;
  return statSync(installed).mtimeMs >= statSync(join(ROOT, 'package-lock.json')).mtimeMs;
}

/** The address @electron/get downloads from (ELECTRON_MIRROR honoured), probed with a short deadline. */
function electronHostReachable(timeoutMs = 5000) {
  const version = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')).packages?.['node_modules/electron']?.version;
  const mirror = process.env.ELECTRON_MIRROR ?? process.env.npm_config_electron_mirror ?? 'https://github.com/electron/electron/releases/download/';
  const url = `${mirror.replace(/\/?$/, '/')}v${version}/SHASUMS256.txt`;
  return new Promise((resolve) => {
    const probe = request(url, { method: 'HEAD', timeout: timeoutMs }, (response) => {
      response.resume();
      resolve((response.statusCode ?? 500) < 500);
    });
    probe.on('timeout', () => probe.destroy(new Error('timeout')));
    probe.on('error', () => resolve(false));
    probe.end();
  });
}

export function electronBinaryInstalled() {
  return existsSync(join(ROOT, 'node_modules', 'electron', 'path.txt'));
}

export async function ensureInstalled() {
  if (dependenciesCurrent()) return;
  const env = { ...process.env };
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '1' && !(await electronHostReachable())) {
    console.log("Electron's download host is unreachable: installing without the Electron binary (the UI will run in a browser).");
    env.ELECTRON_SKIP_BINARY_DOWNLOAD = '1';
  }
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: ROOT, env, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`npm ci failed (exit ${result.status}); see its output above`);
  }
}
