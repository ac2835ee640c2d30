#!/usr/bin/env node
// The `incident-tray` command. The CLI is TypeScript run through tsx, so that `npx incident-tray`
// works straight after `npm ci` with no build step.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../src-main/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv);
