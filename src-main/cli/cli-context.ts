// What every CLI command gets: where to print, and a lazily built core (commands like --help must
// not open the database).
import type { Core } from '../core/create-core.js';
import { createNodeCore } from '../core/create-node-core.js';

export const EXIT_OK = 0;
export const EXIT_STEP_FAILED = 1;
export const EXIT_USAGE = 2;

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export interface CliContext {
  io: CliIo;
  env: NodeJS.ProcessEnv;
  core(): Core;
}

export function createCliContext(io: CliIo, env: NodeJS.ProcessEnv): CliContext & { dispose(): void } {
  let core: Core | undefined;
  return {
    io,
    env,
    core: () => (core ??= createNodeCore({ env })),
    dispose: () => core?.close(),
  };
}

/** Raised for bad input; main prints the message and exits 2. */
export class UsageError extends Error {}
