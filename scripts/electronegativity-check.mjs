// Runs @doyensec/electronegativity (the Electron security linter) over our sources and fails on any
// finding that is not explained in .electronegativity-allowlist.json with a reason. The package's own
// CLI is broken against the commander it resolves, so its runner is called as a library.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { ROOT } from './ensure-installed.mjs';

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity');
const electronVersion = require('electron/package.json').version;
const allowlist = JSON.parse(readFileSync(join(ROOT, '.electronegativity-allowlist.json'), 'utf8'));

for (const entry of allowlist) {
  if (!entry.id || !entry.file || typeof entry.reason !== 'string' || entry.reason.trim().length < 20) {
    console.error(`allowlist entry without a real reason: ${JSON.stringify(entry)}`);
    process.exit(1);
  }
}

const TARGETS = ['src-main', 'src-renderer'];
const unexplained = [];
let total = 0;
for (const target of TARGETS) {
  const input = join(ROOT, target);
  const result = await run({ input, isRelative: false, electronVersionOverride: electronVersion, parserPlugins: [] });
  const parseErrors = result.errors.filter((e) => !e.tolerable);
  if (parseErrors.length > 0) {
    for (const e of parseErrors) console.error(`electronegativity could not parse ${relative(ROOT, e.file)}: ${e.message}`);
    process.exit(1);
  }
  for (const issue of result.issues) {
    total++;
    const file = relative(ROOT, issue.file);
    const explained = allowlist.find((a) => a.id === issue.id && a.file === file);
    const where = `${issue.id} ${file}:${issue.location?.line ?? '?'}`;
    if (explained) console.log(`allowed  ${where} — ${explained.reason}`);
    else unexplained.push(`${where} — ${issue.description ?? ''} ${issue.shortenedURL ?? ''}`);
  }
}
if (unexplained.length > 0) {
  console.error(`electronegativity: ${unexplained.length} finding(s) not in .electronegativity-allowlist.json:`);
  for (const line of unexplained) console.error(`  ${line}`);
  process.exit(1);
}
console.log(`electronegativity: ${total} finding(s), all explained in the allowlist`);
