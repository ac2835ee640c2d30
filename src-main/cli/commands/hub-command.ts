// `incident-tray hub` runs the shared incident API until SIGINT/SIGTERM; `hub token create` mints a
// bearer token for a user and prints it alone on stdout (so it can be piped into a secret store).
// Storage: the SQLite file by default; `--database-url postgres://…` (or env DATABASE_URL) selects
// PostgreSQL, which several hub instances can share. An explicit --db beats DATABASE_URL from the
// environment (the flag is the more deliberate choice); both flags at once is a usage error.
import { join } from 'node:path';
import { z } from 'zod';
import { createToken } from '../../../src-hub/http/auth.js';
import { startHub } from '../../../src-hub/server.js';
import { isPostgresUrl, openPostgresHub } from '../../../src-hub/storage/postgres/open-postgres-hub.js';
import type { HubRepository } from '../../../src-hub/storage/repository.js';
import { SqliteHubRepository } from '../../../src-hub/storage/sqlite/sqlite-hub-repository.js';
import { createRedactingLogger } from '../../core/redact.js';
import { defaultAppHome } from '../../core/settings/app-home.js';
import { EXIT_OK, UsageError, type CliContext } from '../cli-context.js';

export const HUB_DATABASE_FILE = 'incident-hub.db';

interface StorageOptions {
  db?: string;
  databaseUrl?: string;
}

type HubStorage = { kind: 'sqlite'; dbPath: string } | { kind: 'postgres'; databaseUrl: string };

function hubStorage(context: CliContext, options: StorageOptions): HubStorage {
  if (options.db !== undefined && options.databaseUrl !== undefined) throw new UsageError('give either --db (SQLite) or --database-url (PostgreSQL), not both');
  const url = options.db === undefined ? (options.databaseUrl ?? (context.env.DATABASE_URL || undefined)) : undefined;
  if (url !== undefined) {
    if (!isPostgresUrl(url)) throw new UsageError(`--database-url / DATABASE_URL must be a postgres:// or postgresql:// URL (got ${redactUrl(url)})`);
    return { kind: 'postgres', databaseUrl: url };
  }
  return { kind: 'sqlite', dbPath: options.db ?? join(defaultAppHome(context.env), HUB_DATABASE_FILE) };
}

/** A database URL without its password, for messages. */
function redactUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]+):[^@]*@/i, '$1:***@');
}

function parsePort(raw: string | undefined): number {
  const port = raw === undefined ? 8787 : Number(raw);
  if (!/^[0-9]+$/.test(raw ?? '8787') || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be 0..65535 (got ${raw})`);
  }
  return port;
}

/** Opening PostgreSQL can fail for reasons the user fixes (wrong host, password): say which database. */
async function withDatabase<T>(storage: HubStorage, open: () => Promise<T>): Promise<T> {
  try {
    return await open();
  } catch (error) {
    if (storage.kind !== 'postgres') throw error;
    throw new Error(`cannot use the hub database ${redactUrl(storage.databaseUrl)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

export async function runHub(context: CliContext, options: { host?: string; port?: string } & StorageOptions): Promise<number> {
  const port = parsePort(options.port);
  const host = options.host ?? '127.0.0.1';
  const storage = hubStorage(context, options);
  const logger = createRedactingLogger((line) => context.io.err(line));
  const where = storage.kind === 'sqlite' ? { dbPath: storage.dbPath } : { databaseUrl: storage.databaseUrl };
  const hub = await withDatabase(storage, () => startHub({ ...where, host, port, log: (message, fields) => logger.error(message, fields) }));
  context.io.out(`listening on ${hub.url}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await hub.close();
  return EXIT_OK;
}

export async function runHubTokenCreate(context: CliContext, options: { user: string } & StorageOptions): Promise<number> {
  const email = z.email().safeParse(options.user.trim());
  if (!email.success) throw new UsageError(`--user must be an email address (got ${JSON.stringify(options.user)})`);
  const storage = hubStorage(context, options);
  const repository: HubRepository = await withDatabase(storage, async () =>
    storage.kind === 'sqlite' ? SqliteHubRepository.open(storage.dbPath) : openPostgresHub(storage.databaseUrl),
  );
  try {
    context.io.out(await createToken(repository, email.data, new Date()));
  } finally {
    await repository.close();
  }
  return EXIT_OK;
}
