// The UI harness serves the built renderer. A fresh clone has none yet, so build it on demand (and
// rebuild when a source file is newer than the build), instead of failing with "run npm run build".
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RENDERER_DIST = join(REPO_ROOT, 'dist', 'renderer');
const RENDERER_SRC = join(REPO_ROOT, 'src-renderer');
const SHARED_SRC = join(REPO_ROOT, 'src-shared');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function rendererIsStale(): boolean {
  const index = join(RENDERER_DIST, 'index.html');
  if (!existsSync(index)) return true;
  if (!existsSync(RENDERER_SRC)) return false; // an installed copy without sources: serve what is built
  return Math.max(newestMtime(RENDERER_SRC), newestMtime(SHARED_SRC)) > statSync(index).mtimeMs;
}

/** Builds dist/renderer with Vite when needed; returns the folder to serve. */
export async function ensureRendererBuilt(log: (line: string) => void = () => undefined): Promise<string> {
  if (rendererIsStale()) {
    log('building the renderer (first run or sources changed)…');
    // Build beside the served folder and swap it in, so a server (or a parallel test) never serves a
    // half-emptied folder while Vite writes.
    const staging = `${RENDERER_DIST}.building-${process.pid}`;
    const { build } = await import('vite');
    await build({ configFile: join(REPO_ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: staging, emptyOutDir: true } });
    const retired = `${RENDERER_DIST}.retired-${process.pid}`;
    if (existsSync(RENDERER_DIST)) renameSync(RENDERER_DIST, retired);
    renameSync(staging, RENDERER_DIST);
    rmSync(retired, { recursive: true, force: true });
  }
  return RENDERER_DIST;
}
