// Conditional polls of the open list answered before the web framework. Every client polls
// `GET /v1/incidents` with If-None-Match, and nearly every answer is 304: here that answer costs a
// token-cache lookup, the rate limit and an ETag comparison, not a trip through Fastify's routing,
// hooks and reply machinery. Anything else (no If-None-Match, a token not yet cached, a bad query, a
// cursor, an ETag that differs, shutdown) is left to the routes, which handle every case; so the
// fast path only ever gives the answer the route would have given.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HUB_LIST_LIMIT_DEFAULT, HUB_LIST_LIMIT_MAX, LIST_STATUSES, type ListStatus } from '../../src-shared/hub-api.js';
import { rateLimited, type BearerAuthenticator, type Lifecycle } from './auth.js';
import { errorBodyText, JSON_TYPE } from './error-handler.js';
import { ifNoneMatchHits, listEtag } from './etags.js';

const PATH = '/v1/incidents';
const STATUSES: ReadonlySet<string> = new Set(LIST_STATUSES);
const LIMIT = /^[0-9]{1,3}$/;

/**
 * The query of a plain poll (`status` and `limit`, each at most once, in plain text), with the values
 * listIncidentsQuerySchema would give; undefined for anything else (a cursor, escapes, unknown or
 * repeated keys, bad values), which the route then validates with the schema itself. Parsing by hand
 * here because the schema plus a query-string parser cost more than everything else on this path.
 */
export function pollQuery(search: string): { status: ListStatus; limit: number } | undefined {
  let status: ListStatus | undefined;
  let limit: number | undefined;
  if (search !== '') {
    for (const pair of search.split('&')) {
      const eq = pair.indexOf('=');
      const key = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (eq < 0) return undefined;
      if (key === 'status' && status === undefined && STATUSES.has(value)) status = value as ListStatus;
      else if (key === 'limit' && limit === undefined && LIMIT.test(value) && Number(value) >= 1 && Number(value) <= HUB_LIST_LIMIT_MAX) limit = Number(value);
      else return undefined;
    }
  }
  return { status: status ?? 'open', limit: limit ?? HUB_LIST_LIMIT_DEFAULT };
}

export interface PollFastPathDeps {
  authenticator: BearerAuthenticator;
  lifecycle: Lifecycle;
  epoch: string;
  sequence(): number;
}

/** Answers the request and returns true, or touches nothing and returns false. */
export type PollFastPath = (request: IncomingMessage, response: ServerResponse) => boolean;

export function createPollFastPath({ authenticator, lifecycle, epoch, sequence }: PollFastPathDeps): PollFastPath {
  return (request, response) => {
    const ifNoneMatch = request.headers['if-none-match'];
    const url = request.url;
    if (request.method !== 'GET' || ifNoneMatch === undefined || url === undefined || lifecycle.closing) return false;
    if (!url.startsWith(PATH) || (url.length > PATH.length && url[PATH.length] !== '?')) return false;
    const query = pollQuery(url.slice(PATH.length + 1));
    if (query === undefined) return false;
    const etag = listEtag(epoch, sequence(), query);
    if (!ifNoneMatchHits(ifNoneMatch, etag)) return false;
    const who = authenticator.cachedUser(request.headers.authorization);
    if (who === undefined) return false;

    const decision = authenticator.take(who.tokenHash);
    if (!decision.allowed) {
      const error = rateLimited(decision.retryAfterSeconds, authenticator.rateLimit);
      response.writeHead(error.statusCode, { ...error.headers, 'content-type': JSON_TYPE }).end(errorBodyText(error));
      return true;
    }
    response.writeHead(304, { etag, 'cache-control': 'private, no-cache' }).end();
    return true;
  };
}
