// Builds the hub's Fastify app from a repository and options, and runs it (startHub). Request logging
// is off on purpose: a log line per poll would cost more than answering the poll; failures are logged.
import Fastify, { type FastifyInstance } from 'fastify';
import { createServer } from 'node:http';
import { v7 as uuidv7 } from 'uuid';
import { LocalChangeFeed, type ChangeFeed } from './events/change-feed.js';
import { EventBus } from './events/event-bus.js';
import { SseBroadcaster } from './events/sse-broadcaster.js';
import { BearerAuthenticator, registerBearerAuth, type Lifecycle } from './http/auth.js';
import { registerErrorHandling, type HubLog } from './http/error-handler.js';
import { createCursorCodec } from './http/list-cursor.js';
import { createPollFastPath } from './http/poll-fast-path.js';
import type { RateLimitOptions } from './http/rate-limit.js';
import { IncidentService } from './incidents/incident-service.js';
import { openApiText } from './openapi.js';
import { registerEventRoutes } from './routes/event-routes.js';
import { registerIncidentRoutes } from './routes/incident-routes.js';
import { registerPublicRoutes } from './routes/public-routes.js';
import type { RouteContext } from './routes/route-context.js';
import { registerUpdateRoutes } from './routes/update-routes.js';
import { HUB_DEFAULTS } from './hub-defaults.js';
import type { HubRepository } from './storage/repository.js';
import { openPostgresHub } from './storage/postgres/open-postgres-hub.js';
import { PostgresChangeFeed } from './storage/postgres/postgres-change-feed.js';
import type { PostgresPoolOptions } from './storage/postgres/postgres-pool.js';
import { SqliteHubRepository } from './storage/sqlite/sqlite-hub-repository.js';

export interface HubOptions {
  /** Largest request body accepted (413 beyond). */
  bodyLimitBytes?: number;
  rateLimit?: RateLimitOptions;
  /** Interval of the SSE `: heartbeat` comment. */
  heartbeatMs?: number;
  idempotencyLeaseMs?: number;
  /** Idempotency keys older than this are forgotten (a retry after that creates anew). */
  idempotencyRetentionMs?: number;
  now?: () => Date;
  log?: HubLog;
  /** Test seam, see IncidentServiceOptions. */
  afterIdempotencyClaim?: () => Promise<void>;
  /**
   * How committed events reach this instance's bus. Default: the writer publishes its own (one
   * process owns the SQLite file). Several instances on one PostgreSQL database read them from there.
   */
  changeFeed?: (bus: EventBus, repository: HubRepository) => Promise<ChangeFeed>;
}

export { HUB_DEFAULTS };

export interface HubApp {
  app: FastifyInstance;
  broadcaster: SseBroadcaster;
}

/** The app, not yet listening. Closing it ends SSE streams first, then closes the repository. */
export async function buildHubApp(repository: HubRepository, options: HubOptions = {}): Promise<HubApp> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => {});
  const bodyLimit = options.bodyLimitBytes ?? HUB_DEFAULTS.bodyLimitBytes;
  const identity = await repository.identity();
  const bus = new EventBus(await repository.lastEventId());
  const feed = options.changeFeed ? await options.changeFeed(bus, repository) : new LocalChangeFeed(bus);
  const broadcaster = new SseBroadcaster(bus, repository, { heartbeatMs: options.heartbeatMs ?? HUB_DEFAULTS.heartbeatMs });
  const service = new IncidentService(repository, feed, {
    now,
    newId: uuidv7,
    idempotencyLeaseMs: options.idempotencyLeaseMs ?? HUB_DEFAULTS.idempotencyLeaseMs,
    afterIdempotencyClaim: options.afterIdempotencyClaim,
  });

  // Fastify's own 503-while-closing answer is not in our error shape: the auth hook and /health answer it.
  const lifecycle: Lifecycle = { closing: false };
  const authenticator = new BearerAuthenticator(repository, options.rateLimit ?? HUB_DEFAULTS.rateLimit, lifecycle);
  const fastPath = createPollFastPath({ authenticator, lifecycle, epoch: identity.epoch, sequence: () => bus.lastEventId });
  const app = Fastify({
    logger: false,
    bodyLimit,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: false,
    serverFactory: (handler) =>
      createServer((request, response) => {
        let answered = false;
        try {
          answered = fastPath(request, response);
        } catch (error) {
          // Never expected; the routes then answer (and log) as they would have anyway.
          log('poll fast path failed', { error: String(error) });
        }
        if (!answered) handler(request, response);
      }),
  });
  // Merge patches are JSON too; anything else (text/plain included) is refused with 415.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('application/merge-patch+json', { parseAs: 'string', bodyLimit }, app.getDefaultJsonParser('error', 'error'));
  registerErrorHandling(app, log);
  registerBearerAuth(app, authenticator);

  const context: RouteContext = { service, repository, bus, broadcaster, cursors: createCursorCodec(identity.cursorKey), identity, openApiJson: openApiText(), lifecycle };
  registerPublicRoutes(app, context);
  registerIncidentRoutes(app, context);
  registerUpdateRoutes(app, context);
  registerEventRoutes(app, context);

  const retentionMs = options.idempotencyRetentionMs ?? HUB_DEFAULTS.idempotencyRetentionMs;
  const purge = () =>
    repository.purgeIdempotencyKeys(new Date(now().getTime() - retentionMs).toISOString()).catch((error: unknown) => log('purging idempotency keys failed', { error: String(error) }));
  const purgeTimer = setInterval(purge, Math.min(retentionMs, 60 * 60 * 1000));
  purgeTimer.unref();
  void purge();

  // Streams never finish by themselves: end them before the server waits for open requests. Node
  // closes only the connections idle at the moment close() starts; a keep-alive connection whose
  // request was still running would hold the shutdown until its timeout, so sweep idle ones until done.
  let idleSweep: NodeJS.Timeout | undefined;
  app.addHook('preClose', async () => {
    lifecycle.closing = true;
    clearInterval(purgeTimer);
    broadcaster.closeAll();
    idleSweep = setInterval(() => app.server.closeIdleConnections(), 50);
    idleSweep.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(idleSweep);
    await feed.close();
    await repository.close();
  });
  return { app, broadcaster };
}

export interface StartHubOptions extends HubOptions {
  /** The SQLite file (the default backend: one hub process per file). */
  dbPath?: string;
  /** A postgres:// URL instead: any number of hub instances may share that database. */
  databaseUrl?: string;
  /** Connection pool of the PostgreSQL backend (per instance). */
  pool?: Partial<Pick<PostgresPoolOptions, 'max' | 'acquireTimeoutMs'>>;
  host: string;
  port: number;
}

/** The repository and, for PostgreSQL, the feed that follows the other instances' changes. */
async function openStorage(options: StartHubOptions): Promise<{ repository: HubRepository; changeFeed?: HubOptions['changeFeed'] }> {
  const log = options.log ?? (() => {});
  if (options.databaseUrl !== undefined) {
    const connectionString = options.databaseUrl;
    const repository = await openPostgresHub(connectionString, { ...options.pool, log });
    return {
      repository,
      changeFeed: (bus, repo) => PostgresChangeFeed.start(bus, repo, { connectionString, log }),
    };
  }
  if (options.dbPath === undefined) throw new Error('startHub needs dbPath (SQLite) or databaseUrl (PostgreSQL)');
  return { repository: SqliteHubRepository.open(options.dbPath) };
}

export interface RunningHub {
  url: string;
  port: number;
  app: FastifyInstance;
  /** Graceful: stop accepting, end SSE streams, let requests in flight finish, close the database. */
  close(): Promise<void>;
}

export async function startHub(options: StartHubOptions): Promise<RunningHub> {
  const { repository, changeFeed } = await openStorage(options);
  let app: FastifyInstance;
  try {
    ({ app } = await buildHubApp(repository, { changeFeed, ...options }));
    await app.listen({ host: options.host, port: options.port });
  } catch (error) {
    await repository.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closing: Promise<void> | undefined;
  return { url: `http://${host}:${port}`, port, app, close: () => (closing ??= app.close()) };
}
