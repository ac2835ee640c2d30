// Bearer tokens per user (DESIGN.md §4), and the per-token rate limit. Tokens are `it_` + 256 random
// bits (the log redactor knows the prefix) and only their SHA-256 is stored: the token has full
// entropy, so a plain hash is as strong as a slow KDF here, and a lookup by hash needs no
// constant-time compare. Every route needs a token except those marked `config: { public: true }`.
import { hash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
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

const BEARER = /^Bearer[ ]+([A-Za-z0-9._~+/=-]{1,512})$/i;
const CHALLENGE = 'Bearer realm="incident-hub"';
/** Only valid tokens are cached; the TTL bounds how long a token deleted from the database still works. */
const TOKEN_CACHE_TTL_MS = 30_000;
const TOKEN_CACHE_MAX = 10_000;

const missingToken = () =>
  new HubHttpError(401, 'unauthorized', 'a bearer token is required (Authorization: Bearer it_…); create one with `incident-tray hub token create --user EMAIL`', undefined, {
    'www-authenticate': CHALLENGE,
  });
const invalidToken = () =>
  new HubHttpError(401, 'unauthorized', 'the bearer token is not valid for this hub', undefined, { 'www-authenticate': `${CHALLENGE}, error="invalid_token"` });

/** Set when shutdown starts: requests still arriving on open connections get 503 in our error shape. */
export interface Lifecycle {
  closing: boolean;
}

export const shuttingDown = () =>
  new HubHttpError(503, 'unavailable', 'the hub is shutting down; retry shortly', undefined, { connection: 'close', 'retry-after': '1' });

export function registerBearerAuth(app: FastifyInstance, repository: HubRepository, rateLimit: RateLimitOptions, lifecycle: Lifecycle): void {
  const cache = new TokenCache(TOKEN_CACHE_TTL_MS, TOKEN_CACHE_MAX);
  const limiter = new TokenRateLimiter(rateLimit);
  app.decorateRequest('hubUser', '');

  const admit = (request: FastifyRequest, tokenHash: string, user: string, done: HookHandlerDoneFunction) => {
    const decision = limiter.take(tokenHash);
    if (!decision.allowed) {
      const seconds = decision.retryAfterSeconds;
      done(new HubHttpError(429, 'rate_limited', `too many requests for this token (at most ${rateLimit.max} per ${Math.round(rateLimit.timeWindowMs / 1000)} s); retry in ${seconds} s`, undefined, { 'retry-after': String(seconds) }));
      return;
    }
    request.hubUser = user;
    done();
  };

  // Callback style and synchronous when the token is cached: this runs before every poll.
  const authenticate = (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
    if (lifecycle.closing) return done(shuttingDown());
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match?.[1]) return done(missingToken());
    const tokenHash = hashToken(match[1]);
    const cached = cache.get(tokenHash);
    if (cached !== undefined) return admit(request, tokenHash, cached, done);
    repository.userForToken(tokenHash).then(
      (user) => {
        if (user === undefined) return done(invalidToken());
        cache.set(tokenHash, user);
        admit(request, tokenHash, user, done);
      },
      (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
    );
  };

  // Attached per route rather than globally, so public routes pay nothing and unknown paths answer 404.
  app.addHook('onRoute', (route) => {
    if (route.config?.public) return;
    const existing = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
    route.onRequest = [authenticate, ...existing];
  });
}
