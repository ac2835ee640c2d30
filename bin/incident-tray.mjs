#!/usr/bin/env node
// The `incident-tray` command: the CLI's esbuild bundle (scripts/build-cli.mjs), built here on first
// use and whenever its sources change, so `npx incident-tray` works straight after `npm ci`.
// For stack traces into the TypeScript sources, run with NODE_OPTIONS=--enable-source-maps.
import { pathToFileURL } from 'node:url';
import { cliEntry } from '../scripts/build-cli.mjs';

const { main } = await import(pathToFileURL(await cliEntry()).href);
process.exitCode = await main(process.argv);
