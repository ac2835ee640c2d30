// `incident-tray hub` runs the shared incident API until SIGINT/SIGTERM; `hub token create` mints a
// bearer token for a user and prints it alone on stdout (so it can be piped into a secret store).
import { join } from 'node:path';
import { z } from 'zod';
import { createToken } from '../../../src-hub/http/auth.js';
import { startHub } from '../../../src-hub/server.js';
import { SqliteHubRepository } from '../../../src-hub/storage/sqlite/sqlite-hub-repository.js';
import { createRedactingLogger } from '../../core/redact.js';
import { defaultAppHome } from '../../core/settings/app-home.js';
import { EXIT_OK, UsageError, type CliContext } from '../cli-context.js';

export const HUB_DATABASE_FILE = 'incident-hub.db';

const hubDatabase = (context: CliContext, db: string | undefined): string => db ?? join(defaultAppHome(context.env), HUB_DATABASE_FILE);

function parsePort(raw: string | undefined): number {
  const port = raw === undefined ? 8787 : Number(raw);
  if (!/^[0-9]+$/.test(raw ?? '8787') || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be 0..65535 (got ${raw})`);
  }
  return port;
}

export async function runHub(context: CliContext, options: { host?: string; port?: string; db?: string }): Promise<number> {
  const port = parsePort(options.port);
  const host = options.host ?? '127.0.0.1';
  const logger = createRedactingLogger((line) => context.io.err(line));
  const hub = await startHub({ dbPath: hubDatabase(context, options.db), host, port, log: (message, fields) => logger.error(message, fields) });
  context.io.out(`listening on ${hub.url}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await hub.close();
  return EXIT_OK;
}

export async function runHubTokenCreate(context: CliContext, options: { user: string; db?: string }): Promise<number> {
  const email = z.email().safeParse(options.user.trim());
  if (!email.success) throw new UsageError(`--user must be an email address (got ${JSON.stringify(options.user)})`);
  const repository = SqliteHubRepository.open(hubDatabase(context, options.db));
  try {
    context.io.out(await createToken(repository, email.data, new Date()));
  } finally {
    await repository.close();
  }
  return EXIT_OK;
}
