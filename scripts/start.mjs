// `npm start`: install if needed, build, then launch the Electron app with the embedded local store.
// Where no Electron binary is installed it says so in one line and serves the same UI in a browser
// through `incident-tray ui`.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, electronBinaryInstalled, ensureInstalled } from './ensure-installed.mjs';

const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

await ensureInstalled();
run(process.execPath, [join(ROOT, 'scripts', 'build.mjs')]);

const child = electronBinaryInstalled()
  ? spawn(join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'electron.cmd' : 'electron'), ['.'], { cwd: ROOT, stdio: 'inherit' })
  : (console.log('No Electron binary is installed here: serving the same UI through `incident-tray ui` instead.'),
    spawn(process.execPath, [join(ROOT, 'bin', 'incident-tray.mjs'), 'ui', '--port', process.env.PORT ?? '0'], { cwd: ROOT, stdio: 'inherit' }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
