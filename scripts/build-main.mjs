#!/usr/bin/env node
// Bundles the Electron main process and the preload (DESIGN.md §2):
//   src-main/electron/main.ts  → dist/main/main.cjs
//   src-main/preload/preload.ts → dist/preload/preload.cjs
// Pure-JS dependencies are bundled so the packaged app carries only what it uses; `electron` is the
// runtime itself and better-sqlite3 is a native addon rebuilt for Electron by electron-builder, so
// both stay external. The preload runs sandboxed, where only 'electron' can be required.
//
//   node scripts/build-main.mjs [--watch] [--outdir DIR]   (DIR defaults to dist/; tests build elsewhere)
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBundleOptions } from './esbuild-node.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const watch = process.argv.includes('--watch');
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag > 0 ? resolve(process.argv[outdirFlag + 1] ?? '') : join(root, 'dist');
const production = process.env.NODE_ENV === 'production';

/** @type {import('esbuild').BuildOptions} */
const common = {
  ...nodeBundleOptions,
  absWorkingDir: root,
  format: 'cjs',
  target: 'node22', // Electron 45 ships Node 22
  sourcemap: production ? false : 'linked',
  logLevel: 'info',
};

const targets = [
  {
    ...common,
    entryPoints: ['src-main/electron/main.ts'],
    outfile: join(outdir, 'main', 'main.cjs'),
    external: ['electron', 'better-sqlite3'],
    // ESM dependencies (electron-store, conf) read import.meta.url; give the CJS bundle one.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  },
  {
    ...common,
    entryPoints: ['src-main/preload/preload.ts'],
    outfile: join(outdir, 'preload', 'preload.cjs'),
    external: ['electron'],
    // The sandboxed preload must not require anything else: fail the build if it would.
    plugins: [...nodeBundleOptions.plugins, onlyElectronAtRuntime()],
  },
];

function onlyElectronAtRuntime() {
  return {
    name: 'only-electron-at-runtime',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^node:|^[a-z@][^:]*$/ }, (args) => {
        if (args.path === 'electron' || args.kind === 'entry-point') return undefined;
        const builtin = args.path.startsWith('node:') || ['events', 'timers', 'url'].includes(args.path);
        if (builtin) return { errors: [{ text: `the sandboxed preload cannot require "${args.path}"` }] };
        return undefined;
      });
    },
  };
}

await rm(join(outdir, 'main'), { recursive: true, force: true });
await rm(join(outdir, 'preload'), { recursive: true, force: true });

if (watch) {
  const { context } = await import('esbuild');
  for (const options of targets) await (await context(options)).watch();
} else {
  await Promise.all(targets.map((options) => build(options)));
}
