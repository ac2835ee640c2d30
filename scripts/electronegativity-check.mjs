// Runs @doyensec/electronegativity (the Electron security linter) over our sources and fails on any
// finding that is not explained in .electronegativity-allowlist.json with a reason. The package's own
// CLI is broken against the commander it resolves, so its runner is called as a library.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

// One scan over the app's sources together: the global checks (navigation limits, permission
// handler, CSP) look across files, so scanning the shell and the renderer apart reports false gaps.
// Tests, benches and built bundles are left out; dist/ would only repeat the sources plus libraries.
const SOURCES = ['src-main', 'src-renderer', 'src-shared', 'package.json'];
const workspace = mkdtempSync(join(tmpdir(), 'electronegativity-'));
for (const source of SOURCES) cpSync(join(ROOT, source), join(workspace, source), { recursive: true });

const unexplained = [];
let total = 0;
try {
  const result = await run({ input: workspace, isRelative: false, electronVersionOverride: electronVersion, parserPlugins: [] });
  const parseErrors = result.errors.filter((e) => !e.tolerable);
  if (parseErrors.length > 0) {
    for (const e of parseErrors) console.error(`electronegativity could not parse ${relative(workspace, e.file)}: ${e.message}`);
    process.exit(1);
  }
  for (const issue of result.issues) {
    total++;
    const file = issue.file === 'N/A' ? 'N/A' : relative(workspace, issue.file);
    const explained = allowlist.find((a) => a.id === issue.id && a.file === file);
    const where = `${issue.id} ${file}:${issue.location?.line ?? '?'}`;
    if (explained) console.log(`allowed  ${where} — ${explained.reason}`);
    else unexplained.push(`${where} — ${issue.description ?? ''} ${issue.shortenedURL ?? ''}`);
  }
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
if (unexplained.length > 0) {
  console.error(`electronegativity: ${unexplained.length} finding(s) not in .electronegativity-allowlist.json:`);
  for (const line of unexplained) console.error(`  ${line}`);
  process.exit(1);
}
console.log(`electronegativity: ${total} finding(s), all explained in the allowlist`);
