// `incident-tray ui`: headless core + the real renderer on loopback, for Chromium (DESIGN.md §5).
import { ensureRendererBuilt } from '../renderer-build.js';
import { startUiServer } from '../ui-server/ui-server.js';
import { EXIT_OK, UsageError, type CliContext } from '../cli-context.js';

export async function runUi(context: CliContext, options: { port?: string; host?: string }): Promise<number> {
  const port = options.port === undefined ? 0 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0..65535 (got ${options.port})`);
  const host = options.host ?? '127.0.0.1';
  const rendererDir = await ensureRendererBuilt((line) => context.io.err(line));
  // Background mode, as in the app: the open list follows the hub and other processes (a CLI declare
  // shows up), and the outbox resumes by itself.
  const server = await startUiServer({ core: await context.core({ background: true }), rendererDir, host, port });
  context.io.out(`ui on ${server.url}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return EXIT_OK;
}
