#!/usr/bin/env node
// Creates a stand-in for Electron's prebuilt dist folder, so that electron-builder's packaging can be
// checked where the Electron binary cannot be downloaded (DESIGN.md §6):
//
//   node scripts/stand-in-electron-dist.mjs [DIR]      (DIR defaults to .stand-in-electron)
//   npx electron-builder --dir -c.electronDist=.stand-in-electron -c.npmRebuild=false
//
// or all in one, verifying what was packaged (run `npm run build` first):
//
//   node scripts/stand-in-electron-dist.mjs --check
//
// electron-builder copies the dist folder as the app's skeleton, renames the executable and adds
// resources/app.asar. It needs only the executable (named as on the current platform) and, because
// the configuration flips Electron's fuses, the fuse wire inside it: the sentinel, the wire version
// (1), its length and one state byte per fuse ('0' off, '1' on) — the layout of @electron/fuses.
// Everything else a real Electron ships (libraries, locales, resources/default_app.asar) is left out.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const check = args.includes('--check');
const target = resolve(root, args.find((a) => !a.startsWith('--')) ?? '.stand-in-electron');

const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_WIRE_VERSION = 1;
// Electron's defaults: runAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on,
// asar integrity off, only-asar off, browser V8 snapshot off, file:// privileges on.
const FUSE_STATES = '10110001';

const executableName = { win32: 'electron.exe', darwin: 'Electron.app' }[process.platform] ?? 'electron';

const binary = Buffer.concat([
  Buffer.from('#!/bin/sh\necho "stand-in Electron: packaging check only, cannot run the app" >&2\nexit 1\n'),
  Buffer.from(FUSE_SENTINEL),
  Buffer.from([FUSE_WIRE_VERSION, FUSE_STATES.length]),
  Buffer.from(FUSE_STATES),
  Buffer.from('\n'),
]);

await rm(target, { recursive: true, force: true });
if (process.platform === 'darwin') {
  // On macOS the fuses live in the framework binary of the .app bundle.
  const app = join(target, 'Electron.app', 'Contents');
  const framework = join(app, 'Frameworks', 'Electron Framework.framework');
  await mkdir(join(app, 'MacOS'), { recursive: true });
  await mkdir(join(app, 'Resources'), { recursive: true });
  await mkdir(framework, { recursive: true });
  await writeFile(join(app, 'MacOS', 'Electron'), binary, { mode: 0o755 });
  await writeFile(join(framework, 'Electron Framework'), binary);
  await writeFile(
    join(app, 'Info.plist'),
    `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0"><dict>
  <key>CFBundleExecutable</key><string>Electron</string>
  <key>CFBundleIdentifier</key><string>com.github.Electron</string>
  <key>CFBundleName</key><string>Electron</string>
  <key>CFBundlePackageType</key><string>APPL</string>
</dict></plist>
`,
  );
} else {
  await mkdir(join(target, 'resources'), { recursive: true });
  await writeFile(join(target, executableName), binary);
  await chmod(join(target, executableName), 0o755);
}
process.stdout.write(`stand-in Electron dist: ${target} (${executableName})\n`);

if (check) packageAndVerify();

/** Runs electron-builder --dir against the stand-in and checks the app it produced. */
function packageAndVerify() {
  for (const built of ['dist/main/main.cjs', 'dist/preload/preload.cjs', 'dist/renderer/index.html']) {
    if (!existsSync(join(root, built))) fail(`${built} is missing: run \`npm run build\` first`);
  }
  const command = ['--dir', `-c.electronDist=${relative(root, target)}`, '-c.npmRebuild=false'];
  process.stdout.write(`$ npx electron-builder ${command.join(' ')}\n`);
  const builder = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-builder', 'cli.js'), ...command], {
    cwd: root,
    stdio: 'inherit',
  });
  if (builder.status !== 0) fail(`electron-builder exited with ${builder.status}`);

  const asarFile = findFile(join(root, 'release'), 'app.asar');
  if (!asarFile) fail('no app.asar under release/');
  const require = createRequire(import.meta.url);
  const asar = require('@electron/asar');
  const packed = new Set(asar.listPackage(asarFile, {}).map((p) => p.replaceAll('\\', '/')));
  const mustHave = ['/package.json', '/dist/main/main.cjs', '/dist/preload/preload.cjs', '/dist/renderer/index.html', '/assets/icon.png', '/assets/tray/idle-light.png', '/assets/tray/idle-light@2x.png', '/assets/tray/idleTemplate.png'];
  const missing = mustHave.filter((p) => !packed.has(p));
  if (missing.length > 0) fail(`app.asar lacks ${missing.join(', ')}`);
  const leaked = [...packed].filter((p) => /^\/(src-|test\/|bench\/|scripts\/)|\.map$|\.ts$/.test(p));
  if (leaked.length > 0) fail(`app.asar carries sources or maps: ${leaked.slice(0, 5).join(', ')}`);
  const nativeAddon = findFile(`${asarFile}.unpacked`, 'better_sqlite3.node');
  if (!nativeAddon) fail('better_sqlite3.node is not unpacked next to app.asar (asarUnpack)');
  const mainPackage = JSON.parse(asar.extractFile(asarFile, 'package.json').toString('utf8'));
  if (mainPackage.main !== 'dist/main/main.cjs') fail(`package.json main is ${mainPackage.main}`);

  const executable = findFuseCarrier(join(root, 'release'));
  if (executable) {
    const bytes = readFileSync(executable);
    const at = bytes.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
    const fuses = bytes.subarray(at + 2, at + 2 + FUSE_STATES.length).toString();
    // runAsNode off, cookie encryption on, NODE_OPTIONS off, --inspect off, asar integrity on, only asar on.
    if (!fuses.startsWith('010011')) fail(`Electron fuses not flipped as configured: ${fuses}`);
  }
  process.stdout.write(`packaging check passed: ${relative(root, asarFile)} (${packed.size} entries), native addon unpacked, fuses flipped\n`);
}

function findFile(dir, name) {
  if (!existsSync(dir)) return undefined;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isFile() && entry.name === name) return path;
    if (entry.isDirectory() && !entry.name.endsWith('.asar')) {
      const found = findFile(path, name);
      if (found) return found;
    }
  }
  return undefined;
}

/** The packaged executable (or macOS framework) that carries the fuse wire. */
function findFuseCarrier(dir) {
  const candidates = ['Electron Framework', 'incident-tray', 'Incident Tray.exe', 'incident-tray.exe'];
  for (const name of candidates) {
    const found = findFile(dir, name);
    if (found) return found;
  }
  return undefined;
}

function fail(message) {
  process.stderr.write(`packaging check failed: ${message}\n`);
  process.exit(1);
}
