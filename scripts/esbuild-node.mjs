// What every Node-side bundle shares: the app's main (build-main.mjs), the CLI (build-cli.mjs) and
// bench:watch's core, so that a footprint measured on one holds for the others. Each part costs an
// idle core memory it would otherwise keep for nothing (bench:watch, RSS):
// - whitespace and syntax minified, names kept (stack traces and error names still read): less
//   script for V8 to parse and hold;
// - zod's locales: its `z` namespace carries all ~50 (about 450 KB of script), while only English,
//   zod's default, is ever configured. The locale index becomes English alone.
import { dirname } from 'node:path';

/** zod/v4/locales/index.(c)js → English only. Any other locale read from `z.locales` is undefined. */
export const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.c?js$/ }, (args) => ({
      contents: args.path.endsWith('.cjs')
        ? "module.exports = { en: require('./en.cjs').default };"
        : "export { default as en } from './en.js';",
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

/** @type {import('esbuild').BuildOptions} */
export const nodeBundleOptions = {
  bundle: true,
  platform: 'node',
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  plugins: [zodEnglishOnly],
};
