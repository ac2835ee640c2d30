import type { BuildOptions, Plugin } from 'esbuild';

export const zodEnglishOnly: Plugin;
export const nodeBundleOptions: BuildOptions & { plugins: Plugin[] };
