// Build of the renderer (DESIGN.md §2): one index.html whose view is picked by the URL hash
// (#/popover, #/declare, #/settings). The output is loaded by Electron from disk and by the
// `incident-tray ui` harness over http, so asset paths are relative (`base: './'`).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: fromRoot('./src-renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: fromRoot('./dist/renderer'),
    emptyOutDir: true,
    // The strict CSP forbids inline scripts and styles: never inline an asset or the module preload
    // polyfill, so every script and stylesheet is a file of its own.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    cssCodeSplit: false,
    sourcemap: true,
    target: 'chrome130',
    // Loaded from disk (Electron) or loopback (harness), never over a network: one bundle is fine.
    chunkSizeWarningLimit: 1024,
  },
  server: { host: '127.0.0.1', strictPort: false },
});
