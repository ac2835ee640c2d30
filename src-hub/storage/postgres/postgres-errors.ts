// Which PostgreSQL / node-postgres failures mean "the database is unavailable right now" (retry
// shortly: 503) as opposed to a bug (500), and which unique constraint a 23505 violated.
import { StorageUnavailableError } from '../storage-unavailable.js';

interface PgLikeError {
  code?: unknown;
  message?: unknown;
  constraint?: unknown;
}

const asPgError = (error: unknown): PgLikeError => (typeof error === 'object' && error !== null ? (error as PgLikeError) : {});

/** Socket-level failures (errno names) and SQLSTATEs of a server that is going away or full. */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03', '53300']);
/** node-postgres reports a dropped connection and a pool wait that timed out only by message. */
const UNAVAILABLE_MESSAGES = ['Connection terminated', 'connection error and is not queryable', 'Client was closed and is not queryable', 'terminating connection'];
export const POOL_TIMEOUT_MESSAGE = 'timeout exceeded when trying to connect';

/** True when the connection that saw this error must not go back to the pool. */
export function isConnectionError(error: unknown): boolean {
  const { code, message } = asPgError(error);
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.some((text) => message.includes(text));
}

export const isPoolTimeout = (error: unknown): boolean => {
  const { message } = asPgError(error);
  return typeof message === 'string' && message.includes(POOL_TIMEOUT_MESSAGE);
};

/** The error a caller should see: StorageUnavailableError for the transient kinds, the error itself otherwise. */
export function translatePgError(error: unknown, poolSize: number): unknown {
  if (error instanceof StorageUnavailableError) return error;
  if (isPoolTimeout(error)) {
    return new StorageUnavailableError(`the hub's database connections are all busy (${poolSize} in use); retry shortly`, 1, { cause: error });
  }
  if (isConnectionError(error)) {
    return new StorageUnavailableError('the hub cannot reach its database right now; retry shortly', 2, { cause: error });
  }
  // 57014: the statement timeout (or an operator) cancelled it — an overloaded or locked database.
  if (asPgError(error).code === '57014') {
    return new StorageUnavailableError('the hub\'s database did not answer in time; retry shortly', 2, { cause: error });
  }
  return error;
}

/** The name of the unique constraint a 23505 violated, or undefined for any other error. */
export function uniqueViolation(error: unknown): string | undefined {
  const { code, constraint } = asPgError(error);
  return code === '23505' && typeof constraint === 'string' ? constraint : undefined;
}
