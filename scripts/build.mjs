// Builds what the app runs: the renderer (Vite) and the Electron main + preload bundles (esbuild).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './ensure-installed.mjs';

const { build } = await import('vite');
await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
const main = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-main.mjs')], { cwd: ROOT, stdio: 'inherit' });
if (main.status !== 0) process.exit(main.status ?? 1);
