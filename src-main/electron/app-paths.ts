// Where the shell finds the built renderer, the preload and the icons. Everything is resolved from
// the directory of the main bundle (dist/main), so the same code works from the repository (`electron .`)
// and from the packaged app, where dist/ and assets/ sit side by side inside app.asar.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface ShellPaths {
  /** dist/renderer/index.html: every window loads it, with a hash naming the view. */
  rendererIndex: string;
  /** dist/preload/preload.cjs: the only script with access to ipcRenderer. */
  preload: string;
  /** assets/: tray and app icons. */
  assets: string;
}

export function bundlePaths(mainBundleDir: string): ShellPaths {
  const root = join(mainBundleDir, '..', '..');
  return {
    rendererIndex: join(root, 'dist', 'renderer', 'index.html'),
    preload: join(root, 'dist', 'preload', 'preload.cjs'),
    assets: join(root, 'assets'),
  };
}

/**
 * True for a URL of our own renderer page (any hash or query), false for everything else — another
 * file, another scheme, a remote page. Used by navigation guards and by the IPC sender check.
 */
export function createAppUrlCheck(rendererIndex: string, platform: NodeJS.Platform = process.platform): (url: string) => boolean {
  const own = pathToFileURL(rendererIndex);
  // Windows paths are case-insensitive and Chromium may change the drive letter's case.
  const normalise = (pathname: string) => (platform === 'win32' ? pathname.toLowerCase() : pathname);
  const ownPath = normalise(decodeURIComponent(own.pathname));
  return (raw) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return false;
    }
    if (url.protocol !== 'file:' || (url.host !== '' && url.host !== own.host)) return false;
    return normalise(decodeURIComponent(url.pathname)) === ownPath;
  };
}
