// `npm run bench [-- name]`: runs every benchmark in bench/ (or the named ones); each prints JSON lines.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './ensure-installed.mjs';

const wanted = process.argv.slice(2);
const benches = readdirSync(join(ROOT, 'bench'))
  .filter((f) => f.endsWith('.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)));
for (const file of benches) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', file)], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
