// Graceful shutdown over real sockets: SSE streams end, a request in flight still completes, a request
// arriving meanwhile on an open connection gets 503 in the API's error shape, new connections are
// refused afterwards, and the database is closed cleanly (SQLite: WAL checkpointed). Both backends.
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { expect, it } from 'vitest';
import { describeEachBackend, startTestHub } from './hub-fixture.js';
import { openSse } from './sse-reader.js';

describeEachBackend('hub graceful shutdown', (backend) => {
  it('ends SSE streams, finishes the request in flight, refuses new connections, closes the database', async () => {
    let release: () => void = () => {};
    let holding = false;
    const hub = await startTestHub({
      afterIdempotencyClaim: () => (holding ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve()),
    }, backend);
    const { url } = hub;
    try {
      const stream = await openSse(`${url}/v1/events`, { authorization: `Bearer ${hub.token}` });
      await stream.until((f) => f.some((x) => x.comments.includes('connected')), 'the connected comment');

      holding = true;
      const inFlight = hub.create({ title: 'Declared during shutdown', severity: 'SEV2' });
      for (let i = 0; i < 1000 && (await hub.count('idempotency_keys')) === 0; i++) await new Promise((r) => setTimeout(r, 10));
      // A request whose headers are still arriving when shutdown begins (its connection is busy, so
      // it is not closed as idle): it is finished afterwards and must be told the hub is draining.
      const late = connect(Number(new URL(url).port), '127.0.0.1');
      let lateAnswer = '';
      late.on('data', (d: Buffer) => (lateAnswer += d.toString()));
      const lateClosed = new Promise<void>((resolve) => late.on('close', () => resolve()));
      await new Promise<void>((resolve) => late.write('GET /health HTTP/1.1\r\nHost: hub\r\n', () => resolve()));
      // A full round trip on another connection: by its end the hub has read the partial request.
      expect((await fetch(`${url}/health`)).status).toBe(200);

      const closed = hub.hub.close();
      await stream.ended; // the stream is ended by the hub, not by us
      late.write('\r\n');
      await lateClosed; // the hub closes that connection after its 503
      expect(lateAnswer).toMatch(/^HTTP\/1\.1 503 /);
      expect(lateAnswer).toMatch(/\r\nconnection: close\r\n/i);
      expect(lateAnswer).toContain('{"error":{"code":"unavailable","message":"the hub is shutting down; retry shortly"}}');

      release();
      const response = await inFlight;
      expect(response.status).toBe(201);
      expect(((await response.json()) as { title: string }).title).toBe('Declared during shutdown');
      await closed;

      await expect(fetch(`${url}/health`)).rejects.toThrow();
      // The last connection closed the file cleanly: no WAL left behind (SQLite); the incident is there.
      const { dbPath } = hub.storage.where;
      if (dbPath !== undefined) expect(existsSync(`${dbPath}-wal`)).toBe(false);
      expect(await hub.storage.rows('SELECT title FROM incidents')).toEqual([{ title: 'Declared during shutdown' }]);
    } finally {
      release();
      await hub.close();
    }
  });
});
