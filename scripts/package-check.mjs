// `npm run package:check`: builds, then packs the app with electron-builder `--dir` against a stand-in
// Electron dist (no Electron binary can be downloaded in CI) and inspects what was packed.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './ensure-installed.mjs';

for (const script of ['build.mjs', 'stand-in-electron-dist.mjs']) {
  const args = script === 'stand-in-electron-dist.mjs' ? ['--check'] : [];
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...args], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
