// Builds what the app runs: the renderer (Vite), the Electron main + preload bundles and the CLI (esbuild).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './ensure-installed.mjs';

const { build } = await import('vite');
await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
const main = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-main.mjs')], { cwd: ROOT, stdio: 'inherit' });
if (main.status !== 0) process.exit(main.status ?? 1);
const cli = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, stdio: 'inherit' });
if (cli.status !== 0) process.exit(cli.status ?? 1);
