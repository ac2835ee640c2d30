// Cursors, ETags, request fingerprints, the token cache and the rate limiter of the hub.
import { describe, expect, it } from 'vitest';
import { requestFingerprint } from '../../../src-hub/http/canonical-json.js';
import { ifNoneMatchHits, incidentEtag, listEtag, parseIfMatch } from '../../../src-hub/http/etags.js';
import { HubHttpError } from '../../../src-hub/http/http-error.js';
import { createCursorCodec } from '../../../src-hub/http/list-cursor.js';
import { TokenRateLimiter } from '../../../src-hub/http/rate-limit.js';
import { TokenCache } from '../../../src-hub/http/token-cache.js';

describe('list cursors', () => {
  const codec = createCursorCodec('k'.repeat(64));
  const position = { createdAt: '2026-11-24T10:00:00.000Z', id: '0190-a' };

  it('round-trip and are opaque base64url', () => {
    const cursor = codec.encode('open', position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(codec.decode('open', cursor)).toEqual(position);
  });

  it.each([
    ['garbage', 'not a cursor'],
    ['an empty signature', `${Buffer.from('["open","2026-11-24T10:00:00.000Z","x"]').toString('base64url')}.`],
    ['three parts', 'a.b.c'],
  ])('refuse %s', (_name, cursor) => {
    expect(() => codec.decode('open', cursor)).toThrow(HubHttpError);
  });

  it('refuse another key, another filter and a re-signed wrong shape', () => {
    const cursor = codec.encode('open', position);
    expect(() => createCursorCodec('other').decode('open', cursor)).toThrow(/cursor/);
    expect(() => codec.decode('all', cursor)).toThrow(/cursor/);
    const error = (() => {
      try {
        codec.decode('open', `${cursor}x`);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toMatchObject({ statusCode: 400, code: 'invalid_cursor' });
  });
});

describe('ETags', () => {
  it('list ETags change with the sequence, the query and the database epoch', () => {
    const tag = listEtag('e1', 5, { status: 'open', limit: 50 });
    expect(tag).toMatch(/^".*"$/);
    expect(listEtag('e1', 6, { status: 'open', limit: 50 })).not.toBe(tag);
    expect(listEtag('e1', 5, { status: 'all', limit: 50 })).not.toBe(tag);
    expect(listEtag('e1', 5, { status: 'open', limit: 10 })).not.toBe(tag);
    expect(listEtag('e1', 5, { status: 'open', limit: 50, cursor: 'c' })).not.toBe(tag);
    expect(listEtag('e2', 5, { status: 'open', limit: 50 })).not.toBe(tag);
    expect(listEtag('e1', 5, { status: 'open', limit: 50 })).toBe(tag);
  });

  it('If-None-Match: weak comparison, lists and *', () => {
    expect(ifNoneMatchHits('"a"', '"a"')).toBe(true);
    expect(ifNoneMatchHits('W/"a"', '"a"')).toBe(true);
    expect(ifNoneMatchHits('"x", "a"', '"a"')).toBe(true);
    expect(ifNoneMatchHits('*', '"a"')).toBe(true);
    expect(ifNoneMatchHits('"b"', '"a"')).toBe(false);
    expect(ifNoneMatchHits(undefined, '"a"')).toBe(false);
  });

  it('If-Match: our version tags, *, foreign tags never match, lists refused', () => {
    expect(parseIfMatch(incidentEtag(7))).toEqual({ kind: 'version', version: 7 });
    expect(parseIfMatch(undefined)).toEqual({ kind: 'missing' });
    expect(parseIfMatch('*')).toEqual({ kind: 'any' });
    expect(parseIfMatch('W/"v7"')).toEqual({ kind: 'never' });
    expect(parseIfMatch('"v0"')).toEqual({ kind: 'never' });
    expect(parseIfMatch('"v1", "v2"')).toEqual({ kind: 'list' });
  });
});

describe('request fingerprints', () => {
  it('ignore key order and whitespace, not values, method or path', () => {
    const a = requestFingerprint('POST', '/v1/incidents', { title: 't', severity: 'SEV1', links: { slack: 'a', pagerduty: 'b' } });
    expect(requestFingerprint('POST', '/v1/incidents', { links: { pagerduty: 'b', slack: 'a' }, severity: 'SEV1', title: 't' })).toBe(a);
    expect(requestFingerprint('POST', '/v1/incidents', { title: 't', severity: 'SEV2', links: { slack: 'a', pagerduty: 'b' } })).not.toBe(a);
    expect(requestFingerprint('POST', '/v1/other', { title: 't', severity: 'SEV1', links: { slack: 'a', pagerduty: 'b' } })).not.toBe(a);
  });
});

describe('token cache', () => {
  it('forgets entries after the TTL and stays within its bound', () => {
    let now = 0;
    const cache = new TokenCache(1_000, 2, () => now);
    cache.set('h1', 'a@example.com');
    expect(cache.get('h1')).toBe('a@example.com');
    now = 1_000;
    expect(cache.get('h1')).toBeUndefined();
    cache.set('h1', 'a');
    cache.set('h2', 'b');
    cache.set('h3', 'c');
    expect([cache.get('h1'), cache.get('h2'), cache.get('h3')]).toEqual([undefined, 'b', 'c']);
  });
});

describe('rate limiter', () => {
  it('allows max per window per key, then says when to retry, and starts over in the next window', () => {
    let now = 0;
    const limiter = new TokenRateLimiter({ max: 2, timeWindowMs: 10_000 }, () => now);
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('a')).toEqual({ allowed: true });
    now = 2_500;
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 8 });
    expect(limiter.take('b')).toEqual({ allowed: true });
    now = 10_000;
    expect(limiter.take('a')).toEqual({ allowed: true });
  });
});
