// What the Electron e2e tests need from the machine: an Electron binary, a display on Linux, and the
// built app. Each function says plainly what is missing instead of failing obscurely.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ELECTRON_PACKAGE = join(ROOT, 'node_modules', 'electron');

/** The Electron executable, or why there is none (install skipped with ELECTRON_SKIP_BINARY_DOWNLOAD=1). */
export function findElectronBinary(): { path: string } | { missing: string } {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(path) ? { path } : { missing: `ELECTRON_OVERRIDE_DIST_PATH has no Electron executable at ${path}` };
  }
  const pathFile = join(ELECTRON_PACKAGE, 'path.txt');
  if (!existsSync(pathFile)) {
    return { missing: 'no Electron binary installed (node_modules/electron/path.txt is absent: npm ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or the download failed)' };
  }
  const path = join(ELECTRON_PACKAGE, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(path) ? { path } : { missing: `node_modules/electron/path.txt names ${path}, which does not exist` };
}

/** Builds the renderer and main bundles when they are missing (a fresh clone). */
export function ensureBuilt(): void {
  const needed = ['dist/main/main.cjs', 'dist/preload/preload.cjs', 'dist/renderer/index.html'];
  if (needed.every((file) => existsSync(join(ROOT, file)))) return;
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed; the e2e tests need the built app');
}

/** On Linux without a display, starts Xvfb; returns its DISPLAY and a stop function. */
export async function ensureDisplay(): Promise<{ display?: string; stop(): void } | { missing: string }> {
  if (process.platform !== 'linux' || process.env.DISPLAY) return { stop: () => undefined };
  const xvfb = spawnSync('sh', ['-c', 'command -v Xvfb'], { encoding: 'utf8' }).stdout.trim();
  if (!xvfb) return { missing: 'no display and no Xvfb (apt-get install -y xvfb)' };
  const display = `:${90 + Math.floor(Math.random() * 400)}`;
  const server: ChildProcess = spawn(xvfb, [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  await new Promise((resolve) => setTimeout(resolve, 750));
  if (server.exitCode !== null) return { missing: `Xvfb ${display} exited at once (code ${server.exitCode})` };
  return { display, stop: () => void server.kill() };
}
