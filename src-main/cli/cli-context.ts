// What every CLI command gets: where to print, and a lazily built core (commands like --help must
// not open the database).
import type { DeclareProgress } from '../../src-shared/domain.js';
import type { Core, CoreOptions } from '../core/create-core.js';
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
  /**
   * The core, opened and started. Every CLI start also resumes the outbox (DESIGN.md §3): declares
   * a crash or an outage left unfinished run on in the background, and the command waits for them
   * before it exits.
   */
  core(options?: Partial<CoreOptions>): Promise<Core>;
  /** Resolves when the outbox resumed at start has finished, with how each of those declares ended. */
  resumed(): Promise<DeclareProgress[]>;
}

export function createCliContext(io: CliIo, env: NodeJS.ProcessEnv): CliContext & { dispose(): Promise<void> } {
  let core: Promise<Core> | undefined;
  let resuming: Promise<DeclareProgress[]> = Promise.resolve([]);
  const open = async (options: Partial<CoreOptions> = {}) => {
    const opened = createNodeCore({ env, ...options });
    await opened.start();
    const waiting = opened.outbox().filter((d) => !d.running);
    if (waiting.length > 0) {
      io.err(`resuming ${waiting.length} unfinished declare${waiting.length === 1 ? '' : 's'}: ${waiting.map((d) => d.name).join(', ')}`);
      resuming = Promise.all(waiting.map((d) => opened.runDeclare(d.id))).then((runs) => runs.filter((r): r is DeclareProgress => r !== undefined));
    }
    return opened;
  };
  return {
    io,
    env,
    // The first call decides the options (the `watch` command opens a watching core).
    core: (options) => (core ??= open(options)),
    resumed: async () => {
      if (core) await core;
      return resuming;
    },
    dispose: async () => {
      if (!core) return;
      const opened = await core.catch(() => undefined);
      await resuming.catch(() => undefined);
      await opened?.close();
    },
  };
}

/** Raised for bad input; main prints the message and exits 2. */
export class UsageError extends Error {}
