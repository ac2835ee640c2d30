// Which database failures the hub answers 503 (retry shortly) rather than 500, and which
// connections it must not hand back to the pool.
import { describe, expect, it } from 'vitest';
import { isConnectionError, translatePgError, uniqueViolation } from '../../../src-hub/storage/postgres/postgres-errors.js';
import { StorageUnavailableError } from '../../../src-hub/storage/storage-unavailable.js';

const pgError = (fields: Record<string, unknown>) => Object.assign(new Error(String(fields.message ?? 'x')), fields);

describe('PostgreSQL errors', () => {
  it('a pool wait that timed out is "busy": 503 with Retry-After 1, naming the pool size', () => {
    const translated = translatePgError(new Error('timeout exceeded when trying to connect'), 10);
    expect(translated).toBeInstanceOf(StorageUnavailableError);
    expect((translated as StorageUnavailableError).retryAfterSeconds).toBe(1);
    expect((translated as StorageUnavailableError).message).toContain('(10 in use)');
  });

  it.each([
    ['refused', pgError({ code: 'ECONNREFUSED' })],
    ['reset', pgError({ code: 'ECONNRESET' })],
    ['admin shutdown', pgError({ code: '57P01', message: 'terminating connection due to administrator command' })],
    ['starting up', pgError({ code: '57P03', message: 'the database system is starting up' })],
    ['connection exception class', pgError({ code: '08006' })],
    ['dropped socket', new Error('Connection terminated unexpectedly')],
  ])('%s is "unavailable": 503 with Retry-After 2, and the connection is discarded', (_name, error) => {
    expect(isConnectionError(error)).toBe(true);
    const translated = translatePgError(error, 10);
    expect(translated).toBeInstanceOf(StorageUnavailableError);
    expect((translated as StorageUnavailableError).retryAfterSeconds).toBe(2);
  });

  it('a statement cancelled by the timeout is "unavailable" too, but its connection is fine', () => {
    const cancelled = pgError({ code: '57014', message: 'canceling statement due to statement timeout' });
    expect(isConnectionError(cancelled)).toBe(false);
    expect(translatePgError(cancelled, 10)).toBeInstanceOf(StorageUnavailableError);
  });

  it('anything else stays what it is (a 500, logged): constraint and syntax errors are bugs here', () => {
    for (const error of [pgError({ code: '23514', message: 'violates check constraint' }), pgError({ code: '42601' }), new TypeError('x')]) {
      expect(isConnectionError(error)).toBe(false);
      expect(translatePgError(error, 10)).toBe(error);
    }
  });

  it('names the unique constraint a 23505 violated', () => {
    expect(uniqueViolation(pgError({ code: '23505', constraint: 'incidents_name_unique' }))).toBe('incidents_name_unique');
    expect(uniqueViolation(pgError({ code: '23503', constraint: 'x' }))).toBeUndefined();
    expect(uniqueViolation('not an error')).toBeUndefined();
  });
});
