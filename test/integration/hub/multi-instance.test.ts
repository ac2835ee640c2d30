// Two hub instances on one PostgreSQL database, as behind a load balancer: a change through either
// reaches the SSE clients and list ETags of both, Last-Event-ID means the same on both, and the
// database (not process memory) settles races: one incident per Idempotency-Key, no lost update,
// unique names.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { RunningHub } from '../../../src-hub/server.js';
import { EVENTS_LOCK } from '../../../src-hub/storage/postgres/postgres-sql.js';
import { errorOf, postgresTestUrl, startTestHub, type TestHub } from './hub-fixture.js';
import { eventFrames, openSse, type SseReader } from './sse-reader.js';

describe.skipIf(postgresTestUrl() === undefined)('two hub instances on one PostgreSQL database', () => {
  let hub: TestHub;
  let a: RunningHub;
  let b: RunningHub;
  const streams: SseReader[] = [];
  beforeEach(async () => {
    hub = await startTestHub({}, 'postgres');
    a = hub.hub;
    b = await hub.startInstance();
  });
  afterEach(async () => {
    for (const stream of streams.splice(0)) stream.close();
    await hub.close();
  });
  const open = async (on: RunningHub, headers: Record<string, string> = {}) => {
    const stream = await openSse(`${on.url}/v1/events`, { authorization: `Bearer ${hub.token}`, ...headers });
    streams.push(stream);
    await stream.until((f) => f.some((x) => x.event === 'stream.position'), 'the stream position');
    return stream;
  };
  const createOn = (on: RunningHub, body: Record<string, unknown>, key: string) =>
    hub.call('/v1/incidents', { baseUrl: on.url, method: 'POST', body, headers: { 'idempotency-key': key } });
  const titles = (stream: SseReader) => eventFrames(stream.frames).map((f) => (JSON.parse(f.data ?? '{}') as { title: string }).title);

  it('an incident created through A reaches the SSE clients of B, and moves B\'s list ETag', async () => {
    const onB = await open(b);
    const before = await hub.call('/v1/incidents', { baseUrl: b.url });
    const etag = before.headers.get('etag') ?? '';
    expect((await createOn(a, { title: 'Through A', severity: 'SEV2' }, 'a-1')).status).toBe(201);
    await onB.until((f) => eventFrames(f).length === 1, 'the event on B');
    expect(titles(onB)).toEqual(['Through A']);
    // B's bus has it now, so B's 304 fast path no longer matches the old ETag.
    const after = await hub.call('/v1/incidents', { baseUrl: b.url, headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(((await after.json()) as { incidents: { title: string }[] }).incidents.map((i) => i.title)).toEqual(['Through A']);
  });

  it('Last-Event-ID from A resumes exactly on B', async () => {
    const onA = await open(a);
    await createOn(a, { title: 'Seen on A', severity: 'SEV3' }, 'r-1');
    const lastId = eventFrames(await onA.until((f) => eventFrames(f).length === 1, 'the first event'))[0]?.id ?? '';
    onA.close();
    await createOn(b, { title: 'Missed one', severity: 'SEV3' }, 'r-2');
    await createOn(a, { title: 'Missed two', severity: 'SEV3' }, 'r-3');
    const onB = await open(b, { 'last-event-id': lastId });
    await onB.until((f) => eventFrames(f).length === 2, 'the two missed events');
    await createOn(a, { title: 'Live after resume', severity: 'SEV3' }, 'r-4');
    await onB.until((f) => eventFrames(f).length === 3, 'the live event');
    expect(titles(onB)).toEqual(['Missed one', 'Missed two', 'Live after resume']);
    // The position of a stream resumed on the instance that has not read that id yet is still that id.
    expect(onB.frames.find((f) => f.event === 'stream.position')?.id).toBe(lastId);
  });

  it('concurrent writes through both instances reach every client once, in id order, without gaps', async () => {
    const onA = await open(a);
    const onB = await open(b);
    const writes = Array.from({ length: 40 }, (_, i) => createOn(i % 2 ? a : b, { title: `Burst ${i}`, severity: 'SEV4' }, `burst-${i}`));
    expect((await Promise.all(writes)).map((r) => r.status)).toEqual(Array(40).fill(201));
    for (const stream of [onA, onB]) {
      const ids = eventFrames(await stream.until((f) => eventFrames(f).length >= 40, '40 events')).map((f) => Number(f.id));
      expect(ids).toHaveLength(40);
      // Creates never roll back here, so the sequence has no holes: the first id plus 0..39.
      expect(ids).toEqual(ids.map((_, i) => (ids[0] ?? 0) + i));
    }
    expect(new Set(titles(onA))).toEqual(new Set(Array.from({ length: 40 }, (_, i) => `Burst ${i}`)));
  });

  it('a write waits for the event lock, so no event id can become visible before a smaller one', async () => {
    // Hold the lock the way a slow writer on another instance would, between its INSERT and COMMIT.
    const holder = new pg.Client({ connectionString: postgresTestUrl() });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock($1)', [EVENTS_LOCK]);
      let answered = false;
      const create = createOn(a, { title: 'Behind the lock', severity: 'SEV3' }, 'lock-1').then((r) => ((answered = true), r));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(answered).toBe(false);
      expect(await hub.count('events')).toBe(0);
      await holder.query('COMMIT');
      expect((await create).status).toBe(201);
    } finally {
      await holder.end();
    }
  });

  it('the same Idempotency-Key at both instances at once creates one incident; every answer is that one or 409', async () => {
    const body = { title: 'Raced declare', severity: 'SEV1' };
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => createOn(i % 2 ? a : b, body, 'raced-key')));
    const statuses = answers.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const created = await Promise.all(answers.filter((r) => r.status === 201).map((r) => r.text()));
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created).size).toBe(1);
    for (const refused of answers.filter((r) => r.status === 409)) expect((await errorOf(refused)).code).toBe('idempotency_in_progress');
    expect(await hub.count('incidents')).toBe(1);
    expect(await hub.count('events')).toBe(1);
    const replay = await createOn(a, body, 'raced-key');
    expect(await replay.text()).toBe(created[0]);
  });

  it('two edits with the same If-Match through different instances: one wins, the other gets 412 with the winner', async () => {
    const { id } = (await (await createOn(a, { title: 'Contended', severity: 'SEV3' }, 'c-1')).json()) as { id: string };
    const etag = (await hub.call(`/v1/incidents/${id}`, { baseUrl: b.url })).headers.get('etag') ?? '';
    const [first, second] = await Promise.all([
      hub.call(`/v1/incidents/${id}`, { baseUrl: a.url, method: 'PATCH', body: { severity: 'SEV1' }, headers: { 'if-match': etag } }),
      hub.call(`/v1/incidents/${id}`, { baseUrl: b.url, method: 'PATCH', body: { severity: 'SEV2' }, headers: { 'if-match': etag } }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 412]);
    const [winner, loser] = first.status === 200 ? [first, second] : [second, first];
    const won = ((await winner.json()) as { severity: string }).severity;
    expect((await errorOf(loser)).details?.current.severity).toBe(won);
    expect(await hub.count('incident_timeline')).toBe(2);
  });

  it('the same title declared through both at once gets unique names', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => createOn(i % 2 ? a : b, { title: 'Same title', severity: 'SEV3' }, `same-${i}`)));
    expect(answers.map((r) => r.status)).toEqual(Array(6).fill(201));
    const names = await Promise.all(answers.map(async (r) => ((await r.json()) as { name: string }).name));
    expect(new Set(names).size).toBe(6);
    const base = names.find((n) => !/-\d+$/.test(n)) ?? '';
    expect(names.sort()).toEqual([base, `${base}-2`, `${base}-3`, `${base}-4`, `${base}-5`, `${base}-6`].sort());
  });
});
