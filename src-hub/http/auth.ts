// Bearer tokens per user (DESIGN.md §4), and the per-token rate limit. Tokens are `it_` + 256 random
// bits (the log redactor knows the prefix) and only their SHA-256 is stored: the token has full
// entropy, so a plain hash is as strong as a slow KDF here, and a lookup by hash needs no
// constant-time compare. Every route needs a token except those marked `config: { public: true }`.
import { hash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction, RouteHandlerMethod } from 'fastify';
import type { HubRepository } from '../storage/repository.js';
import { HubHttpError } from './http-error.js';
import { TokenRateLimiter, type RateLimitOptions } from './rate-limit.js';
import { TokenCache } from './token-cache.js';

export const TOKEN_PREFIX = 'it_';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated user's email; '' on public routes. */
    hubUser: string;
  }
  interface FastifyContextConfig {
    /** Routes that need no token: /health and the OpenAPI document. */
    public?: boolean;
  }
}

export const generateToken = (): string => TOKEN_PREFIX + randomBytes(32).toString('base64url');

// One-shot crypto.hash: a fifth of the cost of createHash() on this path, which every poll takes.
export const hashToken = (token: string): string => hash('sha256', token, 'hex');

export async function createToken(repository: HubRepository, userEmail: string, at: Date): Promise<string> {
  const token = generateToken();
  await repository.addToken(hashToken(token), userEmail, at.toISOString());
  return token;
}

const CHALLENGE = 'Bearer realm="incident-hub"';
const TOKEN_MAX = 512;
/** Only valid tokens are cached; the TTL bounds how long a token deleted from the database still works. */
const TOKEN_CACHE_TTL_MS = 30_000;
const TOKEN_CACHE_MAX = 10_000;
/** Methods whose requests carry no body: authenticated inside the handler, not by a hook (see below). */
const BODYLESS = new Set(['GET', 'HEAD']);
const guarded = Symbol('hub.authenticated');

const missingToken = () =>
  new HubHttpError(401, 'unauthorized', 'a bearer token is required (Authorization: Bearer it_…); create one with `incident-tray hub token create --user EMAIL`', undefined, {
    'www-authenticate': CHALLENGE,
  });
const invalidToken = () =>
  new HubHttpError(401, 'unauthorized', 'the bearer token is not valid for this hub', undefined, { 'www-authenticate': `${CHALLENGE}, error="invalid_token"` });

/** Lifecycle of the app: set when shutdown starts (requests still arriving then get 503 in our error shape). */
export interface Lifecycle {
  closing: boolean;
}

export const shuttingDown = () =>
  new HubHttpError(503, 'unavailable', 'the hub is shutting down; retry shortly', undefined, { connection: 'close', 'retry-after': '1' });

/** `Bearer <token>`, scheme case-insensitive (RFC 9110), without a regular expression on the hot path. */
function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined || header.length < 8 || header.length > TOKEN_MAX + 7) return undefined;
  if (header.slice(0, 7).toLowerCase() !== 'bearer ') return undefined;
  const token = header.slice(7).trim();
  return token.length > 0 && !token.includes(' ') ? token : undefined;
}

type Outcome = undefined | HubHttpError | Promise<void>;

export const rateLimited = (seconds: number, limit: RateLimitOptions) =>
  new HubHttpError(429, 'rate_limited', `too many requests for this token (at most ${limit.max} per ${Math.round(limit.timeWindowMs / 1000)} s); retry in ${seconds} s`, undefined, {
    'retry-after': String(seconds),
  });

/** Who a bearer token belongs to (cached), and its rate limit: shared by the routes and the poll fast path. */
export class BearerAuthenticator {
  private readonly cache = new TokenCache(TOKEN_CACHE_TTL_MS, TOKEN_CACHE_MAX);
  private readonly limiter: TokenRateLimiter;

  constructor(
    private readonly repository: HubRepository,
    readonly rateLimit: RateLimitOptions,
    private readonly lifecycle: Lifecycle,
  ) {
    this.limiter = new TokenRateLimiter(rateLimit);
  }

  /** The user of a token already known, without I/O; undefined when the header is malformed or the token not cached. */
  cachedUser(header: string | undefined): { user: string; tokenHash: string } | undefined {
    const token = bearerToken(header);
    if (token === undefined) return undefined;
    const tokenHash = hashToken(token);
    const user = this.cache.get(tokenHash);
    return user === undefined ? undefined : { user, tokenHash };
  }

  /** Counts one request against the token's limit. */
  take(tokenHash: string) {
    return this.limiter.take(tokenHash);
  }

  /** Synchronous when the token is cached (every poll after the first): undefined means admitted. */
  authenticate(request: FastifyRequest): Outcome {
    if (this.lifecycle.closing) return shuttingDown();
    const token = bearerToken(request.headers.authorization);
    if (token === undefined) return missingToken();
    const tokenHash = hashToken(token);
    const cached = this.cache.get(tokenHash);
    if (cached !== undefined) return this.admit(request, tokenHash, cached);
    return this.repository.userForToken(tokenHash).then((user) => {
      if (user === undefined) throw invalidToken();
      this.cache.set(tokenHash, user);
      const refused = this.admit(request, tokenHash, user);
      if (refused) throw refused;
    });
  }

  private admit(request: FastifyRequest, tokenHash: string, user: string): HubHttpError | undefined {
    const decision = this.limiter.take(tokenHash);
    if (!decision.allowed) return rateLimited(decision.retryAfterSeconds, this.rateLimit);
    request.hubUser = user;
    return undefined;
  }
}

export function registerBearerAuth(app: FastifyInstance, authenticator: BearerAuthenticator): void {
  app.decorateRequest('hubUser', '');
  const authenticate = (request: FastifyRequest) => authenticator.authenticate(request);

  // Routes with a body are checked in an onRequest hook, before the body is read: a stranger's
  // upload is refused unread. Bodyless routes are checked at the start of the handler: the same
  // check without the hook machinery. Both are attached here, for every route not marked public, so
  // no route can forget.
  const hook = (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const outcome = authenticate(request);
    if (outcome === undefined) done();
    else if (outcome instanceof Promise) outcome.then(() => done(), (error: Error) => done(error));
    else done(outcome);
  };
  app.addHook('onRoute', (route) => {
    if (route.config?.public) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.every((method) => BODYLESS.has(method))) {
      const handler = route.handler as RouteHandlerMethod & { [guarded]?: true };
      if (handler[guarded]) return; // HEAD routes are made from their GET route, already guarded
      const guardedHandler = function (this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
        const outcome = authenticate(request);
        if (outcome === undefined) return handler.call(this, request, reply);
        if (outcome instanceof Promise) return outcome.then(() => handler.call(this, request, reply));
        return Promise.reject(outcome);
      };
      route.handler = Object.assign(guardedHandler, { [guarded]: true as const });
      return;
    }
    const existing = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
    if (!existing.includes(hook)) route.onRequest = [hook, ...existing];
  });
}
