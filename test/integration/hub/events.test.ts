// GET /v1/events over real sockets: live events with id/event/data, exact resume with Last-Event-ID
// (header or query), heartbeats, and refusals.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { incidentSchema } from '../../../src-shared/domain.js';
import { errorOf, describeEachBackend, startTestHub, type TestHub } from './hub-fixture.js';
import { eventFrames, openSse, type SseReader } from './sse-reader.js';

describeEachBackend('hub events (SSE)', (backend) => {
  let hub: TestHub;
  const streams: SseReader[] = [];
  beforeEach(async () => {
    hub = await startTestHub({ heartbeatMs: 50 }, backend);
  });
  afterEach(async () => {
    for (const stream of streams.splice(0)) stream.close();
    await hub.close();
  });
  const open = async (headers: Record<string, string> = {}, query = '') => {
    const stream = await openSse(`${hub.url}/v1/events${query}`, { authorization: `Bearer ${hub.token}`, ...headers });
    streams.push(stream);
    return stream;
  };
  const idOf = async (response: Response) => ((await response.json()) as { id: string }).id;

  it('streams every kind of change live: id is the sequence, event the type, data the incident', async () => {
    const stream = await open();
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    await stream.until((f) => f.some((x) => x.comments.includes('connected')), 'the connected comment');

    const id = await idOf(await hub.create({ title: 'Live one', severity: 'SEV2' }));
    await hub.call(`/v1/incidents/${id}`, { method: 'PATCH', body: { severity: 'SEV1' }, headers: { 'if-match': '*' } });
    await hub.call(`/v1/incidents/${id}/updates`, { method: 'POST', body: { message: 'Mitigated', status: 'resolved' } });

    const frames = eventFrames(await stream.until((f) => eventFrames(f).length >= 4, 'four events'));
    expect(frames.map((f) => f.event)).toEqual(['incident.created', 'incident.updated', 'incident.update_posted', 'incident.resolved']);
    const ids = frames.map((f) => Number(f.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(4);
    const incidents = frames.map((f) => incidentSchema.parse(JSON.parse(f.data ?? '')));
    expect(incidents.map((i) => [i.id, i.severity, i.status])).toEqual([
      [id, 'SEV2', 'investigating'],
      [id, 'SEV1', 'investigating'],
      [id, 'SEV1', 'resolved'],
      [id, 'SEV1', 'resolved'],
    ]);
  });

  it('resumes after Last-Event-ID: replays exactly what was missed, then goes on live', async () => {
    const first = await open();
    await hub.create({ title: 'Before the drop', severity: 'SEV3' });
    const seen = eventFrames(await first.until((f) => eventFrames(f).length === 1, 'the first event'));
    const lastId = seen[0]?.id ?? '';
    first.close();

    // Missed while disconnected:
    await hub.create({ title: 'Missed one', severity: 'SEV3' });
    await hub.create({ title: 'Missed two', severity: 'SEV3' });

    for (const resumed of [await open({ 'last-event-id': lastId }), await open({}, `?lastEventId=${lastId}`)]) {
      const replayed = eventFrames(await resumed.until((f) => eventFrames(f).length === 2, 'the two missed events'));
      expect(replayed.map((f) => JSON.parse(f.data ?? '{}').title)).toEqual(['Missed one', 'Missed two']);
      expect(Number(replayed[0]?.id)).toBeGreaterThan(Number(lastId));
    }
    await hub.create({ title: 'After resume', severity: 'SEV3' });
    for (const stream of streams.slice(1)) {
      const all = eventFrames(await stream.until((f) => eventFrames(f).length === 3, 'the live event after the replay'));
      expect(all.map((f) => JSON.parse(f.data ?? '{}').title)).toEqual(['Missed one', 'Missed two', 'After resume']);
    }
  });

  it('resumes across a hub restart: the events are in the database, not in memory', async () => {
    const stream = await open();
    await hub.create({ title: 'Before restart', severity: 'SEV3' });
    const lastId = eventFrames(await stream.until((f) => eventFrames(f).length === 1, 'the first event'))[0]?.id ?? '';
    await hub.create({ title: 'Missed before restart', severity: 'SEV3' });
    await hub.hub.close();
    await stream.ended;

    const restarted = await hub.startInstance();
    const resumed = await openSse(`${restarted.url}/v1/events`, { authorization: `Bearer ${hub.token}`, 'last-event-id': lastId });
    streams.push(resumed);
    const frames = eventFrames(await resumed.until((f) => eventFrames(f).length === 1, 'the event missed across the restart'));
    expect(JSON.parse(frames[0]?.data ?? '{}').title).toBe('Missed before restart');
  });

  it('a client without Last-Event-ID gets only what happens after it connected', async () => {
    await hub.create({ title: 'Old news', severity: 'SEV4' });
    const stream = await open();
    await stream.until((f) => f.some((x) => x.comments.includes('connected')), 'the connected comment');
    await hub.create({ title: 'Fresh', severity: 'SEV4' });
    const frames = eventFrames(await stream.until((f) => eventFrames(f).length === 1, 'one event'));
    expect(JSON.parse(frames[0]?.data ?? '{}').title).toBe('Fresh');
  });

  it('starts every stream with its position, so a first-time client has a baseline before any change', async () => {
    await hub.create({ title: 'Before', severity: 'SEV4' });
    await hub.create({ title: 'Before too', severity: 'SEV4' });
    const fresh = await open();
    const [position] = (await fresh.until((f) => f.some((x) => x.event === 'stream.position'), 'the position')).filter((f) => f.event === 'stream.position');
    expect(position?.id).toBe('2');
    expect(JSON.parse(position?.data ?? '{}')).toEqual({ lastEventId: 2 });
    const resumed = await open({ 'last-event-id': '1' });
    const frames = await resumed.until((f) => eventFrames(f).length === 1, 'the replay');
    expect(frames.find((f) => f.event === 'stream.position')?.id).toBe('1');
    expect(JSON.parse(eventFrames(frames)[0]?.data ?? '{}').title).toBe('Before too');
  });

  it('a Last-Event-ID from another database (beyond the newest event) resumes from now', async () => {
    await hub.create({ title: 'Existing', severity: 'SEV4' });
    const stream = await open({ 'last-event-id': '999999' });
    await stream.until((f) => f.some((x) => x.comments.includes('connected')), 'the connected comment');
    await hub.create({ title: 'New here', severity: 'SEV4' });
    const frames = eventFrames(await stream.until((f) => eventFrames(f).length === 1, 'the new event'));
    expect(JSON.parse(frames[0]?.data ?? '{}').title).toBe('New here');
  });

  it('sends a heartbeat comment at the configured interval', async () => {
    const stream = await open();
    const frames = await stream.until((f) => f.filter((x) => x.comments.includes('heartbeat')).length >= 2, 'two heartbeats');
    expect(frames.filter((f) => f.comments.includes('heartbeat')).length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a malformed Last-Event-ID with 400 and a missing token with 401', async () => {
    const bad = await hub.call('/v1/events', { headers: { 'last-event-id': 'abc' } });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).code).toBe('invalid_input');
    const badQuery = await hub.call('/v1/events?lastEventId=-1');
    expect(badQuery.status).toBe(400);
    const anonymous = await openSse(`${hub.url}/v1/events`, {});
    streams.push(anonymous);
    expect(anonymous.status).toBe(401);
  });
});
