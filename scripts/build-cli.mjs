#!/usr/bin/env node
// The `incident-tray` command runs from an esbuild bundle of src-main/cli in dist/cli/, built on first
// use and again whenever a file it was built from changes, so `npx incident-tray` still works straight
// after `npm ci` with no build step. Why a bundle and not TypeScript through tsx: `watch` runs for
// days, and tsx's loader alone was ~35 MB of RSS (bench:watch); a bundle also starts faster.
// One file, not code-split: with splitting, esbuild hands a lazily imported CommonJS package (pdjs,
// the Slack client) over as `default` only, and the split saved just ~2 MB of RSS.
//
// cli.mjs is replaced atomically and build.json (the inputs it was built from, written after it)
// says whether it is fresh, so concurrent first runs (the tests spawn many) each build and any of
// their results is whole.
//
//   node scripts/build-cli.mjs    builds now (npm run build does), printing where
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { nodeBundleOptions } from './esbuild-node.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI_DIR = join(ROOT, 'dist', 'cli');
const CLI_FILE = join(CLI_DIR, 'cli.mjs');
const BUILD_INFO = join(CLI_DIR, 'build.json');

/** @returns {{ inputs: Record<string, number> } | undefined} */
function readBuildInfo() {
  try {
    return JSON.parse(readFileSync(BUILD_INFO, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Fresh when the bundle exists and every input still has the modification time it was built from. */
export function isFresh(info, root = ROOT, bundle = CLI_FILE) {
  if (!info) return false;
  try {
    statSync(bundle);
    return Object.entries(info.inputs).every(([file, mtimeMs]) => statSync(join(root, file)).mtimeMs === mtimeMs);
  } catch {
    return false;
  }
}

const writeAtomically = (path, text) => {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
};

export async function buildCli() {
  const { build } = await import('esbuild');
  mkdirSync(CLI_DIR, { recursive: true });
  const startedAt = Date.now();
  const result = await build({
    ...nodeBundleOptions,
    absWorkingDir: ROOT,
    entryPoints: ['src-main/cli/main.ts'],
    outfile: CLI_FILE,
    write: false,
    format: 'esm',
    target: 'node20',
    // Linked: used only with --enable-source-maps, so it costs a running `watch` nothing.
    sourcemap: 'linked',
    // Native addons stay in node_modules; vite (the `ui` renderer build) is a tool, not bundled.
    external: ['better-sqlite3', 'pg-native', 'vite', 'esbuild'],
    // Bundled CommonJS dependencies still call require() and read __dirname.
    banner: {
      js: [
        "import { createRequire as __cliCreateRequire } from 'node:module';",
        "import { fileURLToPath as __cliFileURLToPath } from 'node:url';",
        'const require = __cliCreateRequire(import.meta.url);',
        'const __filename = __cliFileURLToPath(import.meta.url);',
        "const __dirname = __filename.replace(/[\\\\/][^\\\\/]*$/, '');",
      ].join('\n'),
    },
    metafile: true,
    logLevel: 'error',
  });
  // The map first: a reader that sees the new cli.mjs finds its map.
  const isMap = (file) => file.path.endsWith('.map');
  for (const file of [...result.outputFiles.filter(isMap), ...result.outputFiles.filter((f) => !isMap(f))]) writeAtomically(file.path, file.contents);
  const inputs = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    const file = resolve(ROOT, input);
    const { mtimeMs } = statSync(file);
    // Changed while it was being bundled: recorded as never matching, so the next run builds again.
    inputs[relative(ROOT, file)] = mtimeMs > startedAt ? -1 : mtimeMs;
  }
  writeAtomically(BUILD_INFO, JSON.stringify({ inputs }));
  return CLI_FILE;
}

/** The CLI's entry module, built first when missing or stale. */
export async function cliEntry() {
  const info = readBuildInfo();
  return isFresh(info) ? CLI_FILE : buildCli();
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  const entry = await buildCli();
  console.log(`CLI bundle: ${relative(ROOT, entry)}`);
}
