// Graceful shutdown over real sockets: SSE streams end, a request in flight still completes, a request
// arriving meanwhile on an open connection gets 503 in the API's error shape, new connections are
// refused afterwards, and the database is closed cleanly (WAL checkpointed).
import BetterSqlite3 from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startTestHub } from './hub-fixture.js';
import { openSse } from './sse-reader.js';

describe('hub graceful shutdown', () => {
  it('ends SSE streams, finishes the request in flight, refuses new connections, closes the database', async () => {
    let release: () => void = () => {};
    let holding = false;
    const hub = await startTestHub({
      afterIdempotencyClaim: () => (holding ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve()),
    });
    const { dbPath, url } = hub;
    try {
      const stream = await openSse(`${url}/v1/events`, { authorization: `Bearer ${hub.token}` });
      await stream.until((f) => f.some((x) => x.comments.includes('connected')), 'the connected comment');

      holding = true;
      // The create in flight goes over a raw keep-alive socket, so that a second request can follow it
      // on the same connection after shutdown has begun (new connections are refused by then).
      const socket = connect(Number(new URL(url).port), '127.0.0.1');
      let received = '';
      socket.on('data', (d: Buffer) => (received += d.toString()));
      const socketClosed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
      const body = JSON.stringify({ title: 'Declared during shutdown', severity: 'SEV2' });
      socket.write(
        `POST /v1/incidents HTTP/1.1\r\nHost: hub\r\nAuthorization: Bearer ${hub.token}\r\nIdempotency-Key: shutdown-1\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
      for (let i = 0; i < 200 && hub.count('idempotency_keys') === 0; i++) await new Promise((r) => setTimeout(r, 10));

      const closed = hub.hub.close();
      await stream.ended; // the stream is ended by the hub, not by us
      socket.write(`GET /health HTTP/1.1\r\nHost: hub\r\n\r\n`);
      release();
      await socketClosed; // the hub closes the connection after telling the late request it is draining
      await closed;

      const [first, late] = received.split(/(?=HTTP\/1\.1 )/);
      expect(first).toMatch(/^HTTP\/1\.1 201 /);
      expect(first).toContain('"title":"Declared during shutdown"');
      expect(late).toMatch(/^HTTP\/1\.1 503 /);
      expect(late).toMatch(/\r\nconnection: close\r\n/i);
      expect(late).toContain('{"error":{"code":"unavailable","message":"the hub is shutting down; retry shortly"}}');

      await expect(fetch(`${url}/health`)).rejects.toThrow();
      // The last connection closed the file cleanly: no WAL left behind, the incident is there.
      expect(existsSync(`${dbPath}-wal`)).toBe(false);
      const db = new BetterSqlite3(dbPath, { readonly: true });
      expect(db.prepare('SELECT title FROM incidents').all()).toEqual([{ title: 'Declared during shutdown' }]);
      db.close();
    } finally {
      release();
      await hub.close();
    }
  });
});
