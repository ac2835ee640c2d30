// Bearer auth on every route but /health and the OpenAPI document, hashed token storage, and the
// per-token rate limit, over real HTTP.
import { readFileSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { hashToken } from '../../../src-hub/http/auth.js';
import { errorOf, describeEachBackend, startTestHub, type TestHub } from './hub-fixture.js';

describeEachBackend('hub auth and rate limit', (backend) => {
  let hub: TestHub;
  afterEach(() => hub.close());

  it('refuses every API route without a valid token: 401, WWW-Authenticate, nothing written', async () => {
    hub = await startTestHub({}, backend);
    const routes: [string, string, unknown?][] = [
      ['GET', '/v1/incidents'],
      ['POST', '/v1/incidents', { title: 'x', severity: 'SEV1' }],
      ['GET', '/v1/incidents/any'],
      ['PATCH', '/v1/incidents/any', { severity: 'SEV1' }],
      ['POST', '/v1/incidents/any/updates', { message: 'x' }],
      ['GET', '/v1/incidents/any/timeline'],
      ['GET', '/v1/events'],
    ];
    for (const [method, path, body] of routes) {
      for (const [token, challenge] of [
        [null, 'Bearer realm="incident-hub"'],
        ['it_not-a-real-token-at-all', 'Bearer realm="incident-hub", error="invalid_token"'],
      ] as const) {
        const response = await hub.call(path, { method, body, token, headers: { 'idempotency-key': 'k', 'if-match': '*' } });
        expect(response.status, `${method} ${path} with ${token}`).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe(challenge);
        expect((await errorOf(response)).code).toBe('unauthorized');
      }
    }
    // A stranger's body is refused unread: 401, not 400 for its bad JSON.
    const unread = await hub.call('/v1/incidents', { method: 'POST', token: null, rawBody: '{not json', headers: { 'idempotency-key': 'k' } });
    expect(unread.status).toBe(401);
    const basic = await hub.call('/v1/incidents', { token: null, headers: { authorization: 'Basic YWxpY2U6cHc=' } });
    expect(basic.status).toBe(401);
    expect(await hub.count('incidents')).toBe(0);
  });

  it('serves /health and /v1/openapi.json without a token', async () => {
    hub = await startTestHub({}, backend);
    const health = await hub.call('/health', { token: null });
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const openapi = await hub.call('/v1/openapi.json', { token: null });
    expect(openapi.status).toBe(200);
    expect(((await openapi.json()) as { openapi: string }).openapi).toBe('3.1.0');
  });

  it('stores tokens only as SHA-256 hashes', async () => {
    hub = await startTestHub({}, backend);
    const rows = await hub.storage.rows('SELECT token_hash, user_email FROM tokens ORDER BY user_email');
    expect(rows).toEqual([
      { token_hash: hashToken(hub.token), user_email: 'alice@example.com' },
      { token_hash: hashToken(hub.otherToken), user_email: 'bob@example.com' },
    ]);
    const { dbPath } = hub.storage.where;
    if (dbPath !== undefined) {
      const file = readFileSync(dbPath).toString('latin1') + readFileSync(`${dbPath}-wal`, { flag: 'a+' }).toString('latin1');
      expect(file).not.toContain(hub.token);
    } else {
      expect(JSON.stringify(await hub.storage.rows('SELECT * FROM tokens'))).not.toContain(hub.token);
    }
    expect(hub.token).toMatch(/^it_[A-Za-z0-9_-]{43}$/);
  });

  it('limits requests per token: 429 with Retry-After past the limit, other tokens unaffected', async () => {
    hub = await startTestHub({ rateLimit: { max: 3, timeWindowMs: 60_000 } }, backend);
    for (let i = 0; i < 3; i++) expect((await hub.call('/v1/incidents')).status).toBe(200);
    const limited = await hub.call('/v1/incidents');
    expect(limited.status).toBe(429);
    expect((await errorOf(limited)).code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // A limited create writes nothing.
    const create = await hub.create({ title: 'x', severity: 'SEV1' });
    expect(create.status).toBe(429);
    expect(await hub.count('incidents')).toBe(0);
    expect((await hub.call('/v1/incidents', { token: hub.otherToken })).status).toBe(200);
    // Conditional polls count too (Bob's 2nd and 3rd request), and are refused in the same shape.
    const etag = (await hub.call('/v1/incidents', { token: hub.otherToken })).headers.get('etag') ?? '';
    expect((await hub.call('/v1/incidents', { token: hub.otherToken, headers: { 'if-none-match': etag } })).status).toBe(304);
    const limitedPoll = await hub.call('/v1/incidents', { token: hub.otherToken, headers: { 'if-none-match': etag } });
    expect(limitedPoll.status).toBe(429);
    expect(limitedPoll.headers.get('retry-after')).toMatch(/^[1-9][0-9]*$/);
    expect(await errorOf(limitedPoll)).toMatchObject({ code: 'rate_limited' });
    // Health is never limited.
    expect((await hub.call('/health', { token: null })).status).toBe(200);
  });
});
