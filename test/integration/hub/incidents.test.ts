// The incident routes over real HTTP against a real SQLite file: create (idempotent, names), the
// conditional list and its pages, guarded edits, status updates and the timeline they leave.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { incidentSchema, type Incident } from '../../../src-shared/domain.js';
import { incidentListSchema, timelineSchema } from '../../../src-shared/hub-api.js';
import { errorOf, describeEachBackend, startTestHub, type TestHub } from './hub-fixture.js';

const incidentOf = async (response: Response): Promise<Incident> => incidentSchema.parse(await response.json());

describeEachBackend('hub incidents', (backend) => {
  let hub: TestHub;
  let release: (() => void) | undefined;
  let holdNextCreate = false;
  beforeEach(async () => {
    holdNextCreate = false;
    hub = await startTestHub({
      afterIdempotencyClaim: () =>
        holdNextCreate ? new Promise<void>((resolve) => (release = () => ((holdNextCreate = false), resolve()))) : Promise.resolve(),
    }, backend);
  });
  afterEach(async () => {
    release?.();
    await hub.close();
  });

  it('creates an incident: 201, a §4 record, a generated name, declaredBy from the token, a Location', async () => {
    const response = await hub.create({ title: 'Checkout 5xx', severity: 'SEV2', service: 'checkout', links: { slack: 'https://example.slack.com/archives/C1' } });
    expect(response.status).toBe(201);
    const incident = await incidentOf(response);
    expect(incident).toMatchObject({ title: 'Checkout 5xx', severity: 'SEV2', status: 'investigating', service: 'checkout', declaredBy: 'alice@example.com' });
    expect(incident.name).toMatch(/^inc-\d{8}-checkout-5xx$/);
    expect(incident.links.slack).toBe('https://example.slack.com/archives/C1');
    expect(response.headers.get('location')).toBe(`/v1/incidents/${incident.id}`);
    const fetched = await hub.call(`/v1/incidents/${incident.id}`);
    expect(await incidentOf(fetched)).toEqual(incident);
  });

  it('keeps a client-chosen id and name, refuses a taken name or id with 409 and writes nothing', async () => {
    const first = await incidentOf(await hub.create({ id: '0190a6f0-0000-7000-8000-000000000001', name: 'inc-custom', title: 'A', severity: 'SEV3' }));
    expect(first).toMatchObject({ id: '0190a6f0-0000-7000-8000-000000000001', name: 'inc-custom' });
    const nameTaken = await hub.create({ name: 'inc-custom', title: 'B', severity: 'SEV3' });
    expect(nameTaken.status).toBe(409);
    expect((await errorOf(nameTaken)).code).toBe('name_taken');
    const idTaken = await hub.create({ id: first.id, title: 'C', severity: 'SEV3' });
    expect(idTaken.status).toBe(409);
    expect((await errorOf(idTaken)).code).toBe('conflict');
    expect(await hub.count('incidents')).toBe(1);
    expect(await hub.count('events')).toBe(1);
  });

  it('generated names stay unique: the same title twice gets a -2 suffix', async () => {
    const a = await incidentOf(await hub.create({ title: 'Queue stuck', severity: 'SEV3' }));
    const b = await incidentOf(await hub.create({ title: 'Queue stuck', severity: 'SEV3' }));
    expect(b.name).toBe(`${a.name}-2`);
  });

  describe('Idempotency-Key', () => {
    it('replays the first answer for the same key and body: same 201, byte-identical body, one incident', async () => {
      const body = { title: 'Payments down', severity: 'SEV1', description: 'card auth failing' };
      const first = await hub.create(body, 'declare-1');
      const firstText = await first.text();
      // Same JSON value with another key order and spacing is the same request.
      const replay = await hub.call('/v1/incidents', {
        method: 'POST',
        rawBody: ' { "description": "card auth failing", "severity": "SEV1", "title": "Payments down" } ',
        headers: { 'idempotency-key': 'declare-1' },
      });
      expect(replay.status).toBe(201);
      expect(await replay.text()).toBe(firstText);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      expect(await hub.count('incidents')).toBe(1);
      expect(await hub.count('events')).toBe(1);
    });

    it('refuses the same key with another body: 422, nothing written', async () => {
      await hub.create({ title: 'Payments down', severity: 'SEV1' }, 'declare-2');
      const other = await hub.create({ title: 'Payments down', severity: 'SEV2' }, 'declare-2');
      expect(other.status).toBe(422);
      expect((await errorOf(other)).code).toBe('idempotency_key_reused');
      expect(await hub.count('incidents')).toBe(1);
    });

    it('keys are per user: the same key from another user is another request', async () => {
      await hub.create({ title: 'Same key', severity: 'SEV4' }, 'shared-key');
      const bob = await hub.call('/v1/incidents', { method: 'POST', token: hub.otherToken, body: { title: 'Same key', severity: 'SEV4' }, headers: { 'idempotency-key': 'shared-key' } });
      expect(bob.status).toBe(201);
      expect((await incidentOf(bob)).declaredBy).toBe('bob@example.com');
      expect(await hub.count('incidents')).toBe(2);
    });

    it('answers 409 to a duplicate arriving while the first is in flight, then replays once it is done', async () => {
      holdNextCreate = true;
      const body = { title: 'Slow create', severity: 'SEV2' };
      const first = hub.create(body, 'declare-3');
      // Wait until the first request holds the key.
      for (let i = 0; i < 1000 && (await hub.count('idempotency_keys')) === 0; i++) await new Promise((r) => setTimeout(r, 10));
      const duplicate = await hub.create(body, 'declare-3');
      expect(duplicate.status).toBe(409);
      expect((await errorOf(duplicate)).code).toBe('idempotency_in_progress');
      expect(duplicate.headers.get('retry-after')).toBe('1');
      release?.();
      const done = await first;
      expect(done.status).toBe(201);
      const text = await done.text();
      const replay = await hub.create(body, 'declare-3');
      expect(await replay.text()).toBe(text);
      expect(await hub.count('incidents')).toBe(1);
    });

    it('a create refused after claiming its key frees the key for a corrected retry', async () => {
      await hub.create({ name: 'inc-taken', title: 'First', severity: 'SEV3' });
      const refused = await hub.create({ name: 'inc-taken', title: 'Second', severity: 'SEV3' }, 'retry-me');
      expect(refused.status).toBe(409);
      const again = await hub.create({ name: 'inc-taken', title: 'Second', severity: 'SEV3' }, 'retry-me');
      expect(again.status).toBe(409);
      expect((await errorOf(again)).code).toBe('name_taken');
    });
  });

  describe('the open list', () => {
    it('answers 304 to If-None-Match while nothing changed, and 200 with a new ETag after any write', async () => {
      const created = await incidentOf(await hub.create({ title: 'One', severity: 'SEV3' }));
      const first = await hub.call('/v1/incidents?status=open');
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^".+"$/);
      expect(incidentListSchema.parse(await first.json()).incidents.map((i) => i.id)).toEqual([created.id]);

      const unchanged = await hub.call('/v1/incidents?status=open', { headers: { 'if-none-match': etag ?? '' } });
      expect(unchanged.status).toBe(304);
      expect(await unchanged.text()).toBe('');
      expect(unchanged.headers.get('etag')).toBe(etag);

      // Another query is another representation.
      const limited = await hub.call('/v1/incidents?status=open&limit=1', { headers: { 'if-none-match': etag ?? '' } });
      expect(limited.status).toBe(200);

      // Any write (here a status update) moves the ETag on.
      await hub.call(`/v1/incidents/${created.id}/updates`, { method: 'POST', body: { message: 'Rolled back' } });
      const changed = await hub.call('/v1/incidents?status=open', { headers: { 'if-none-match': etag ?? '' } });
      expect(changed.status).toBe(200);
      expect(changed.headers.get('etag')).not.toBe(etag);
    });

    it('a conditional poll with a bad query is still refused, and an equivalent query still matches', async () => {
      await hub.create({ title: 'One', severity: 'SEV3' });
      await hub.call('/v1/incidents'); // the token is now known to the hub (the poll fast path is warm)
      const etag = (await hub.call('/v1/incidents?status=open')).headers.get('etag') ?? '';
      const bogus = await hub.call('/v1/incidents?status=open&bogus=1', { headers: { 'if-none-match': etag } });
      expect(bogus.status).toBe(400);
      expect((await errorOf(bogus)).code).toBe('invalid_input');
      const repeated = await hub.call('/v1/incidents?status=open&status=open', { headers: { 'if-none-match': etag } });
      expect(repeated.status).toBe(400);
      for (const same of ['/v1/incidents', '/v1/incidents?limit=50', '/v1/incidents?limit=050&status=open', '/v1/incidents?status=%6Fpen']) {
        expect((await hub.call(same, { headers: { 'if-none-match': etag } })).status, same).toBe(304);
      }
      expect((await hub.call('/v1/incidents?status=open', { token: hub.otherToken, headers: { 'if-none-match': etag } })).status).toBe(304);
      expect((await hub.call('/v1/incidents?status=open', { token: 'it_unknown-unknown-unknown', headers: { 'if-none-match': etag } })).status).toBe(401);
    });

    it('filters by status, newest first, and pages with cursors without gaps or repeats', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) ids.push((await incidentOf(await hub.create({ title: `Incident ${i}`, severity: 'SEV4' }))).id);
      const resolvedId = ids[2] ?? '';
      await hub.call(`/v1/incidents/${resolvedId}/updates`, { method: 'POST', body: { message: 'Fixed', status: 'resolved' } });

      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = incidentListSchema.parse(await (await hub.call(`/v1/incidents?status=open&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).json());
        seen.push(...page.incidents.map((i) => i.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(seen).toEqual([...ids].reverse().filter((id) => id !== resolvedId));
      expect(pages).toBe(3);

      const resolved = incidentListSchema.parse(await (await hub.call('/v1/incidents?status=resolved')).json());
      expect(resolved.incidents.map((i) => i.id)).toEqual([resolvedId]);
      const all = incidentListSchema.parse(await (await hub.call('/v1/incidents?status=all&limit=200')).json());
      expect(all.incidents).toHaveLength(7);
      expect(all.nextCursor).toBeUndefined();
    });

    it('a cursor from one filter is refused on another', async () => {
      for (let i = 0; i < 3; i++) await hub.create({ title: `I ${i}`, severity: 'SEV4' });
      const page = incidentListSchema.parse(await (await hub.call('/v1/incidents?status=open&limit=1')).json());
      const other = await hub.call(`/v1/incidents?status=all&limit=1&cursor=${encodeURIComponent(page.nextCursor ?? '')}`);
      expect(other.status).toBe(400);
      expect((await errorOf(other)).code).toBe('invalid_cursor');
    });
  });

  describe('PATCH with If-Match', () => {
    it('428 without If-Match, 412 with a stale one (current incident in details), 200 with the fresh one', async () => {
      const created = await incidentOf(await hub.create({ title: 'Search slow', severity: 'SEV3' }));
      const read = await hub.call(`/v1/incidents/${created.id}`);
      const etag = read.headers.get('etag') ?? '';

      const blind = await hub.call(`/v1/incidents/${created.id}`, { method: 'PATCH', body: { severity: 'SEV2' } });
      expect(blind.status).toBe(428);
      expect((await errorOf(blind)).code).toBe('precondition_required');

      const bobs = await hub.call(`/v1/incidents/${created.id}`, { method: 'PATCH', token: hub.otherToken, body: { commander: 'bob@example.com' }, headers: { 'if-match': etag } });
      expect(bobs.status).toBe(200);
      const bobsEtag = bobs.headers.get('etag');
      expect(bobsEtag).not.toBe(etag);

      const stale = await hub.call(`/v1/incidents/${created.id}`, { method: 'PATCH', body: { severity: 'SEV1' }, headers: { 'if-match': etag } });
      expect(stale.status).toBe(412);
      expect(stale.headers.get('etag')).toBe(bobsEtag);
      const error = await errorOf(stale);
      expect(error.code).toBe('precondition_failed');
      expect(error.details?.current).toMatchObject({ commander: 'bob@example.com', severity: 'SEV3' });

      const merged = await hub.call(`/v1/incidents/${created.id}`, { method: 'PATCH', body: { severity: 'SEV1' }, headers: { 'if-match': bobsEtag ?? '' } });
      expect(merged.status).toBe(200);
      expect(await incidentOf(merged)).toMatchObject({ severity: 'SEV1', commander: 'bob@example.com' });
    });

    it('an ETag that is not ours is stale; * accepts any version; null clears a field', async () => {
      const created = await incidentOf(await hub.create({ title: 'Login errors', severity: 'SEV3', description: 'some', service: 'auth' }));
      const foreign = await hub.call(`/v1/incidents/${created.id}`, { method: 'PATCH', body: { severity: 'SEV1' }, headers: { 'if-match': '"not-a-version"' } });
      expect(foreign.status).toBe(412);
      const any = await hub.call(`/v1/incidents/${created.id}`, { method: 'PATCH', body: { description: null, service: 'identity' }, headers: { 'if-match': '*' } });
      expect(any.status).toBe(200);
      const patched = await incidentOf(any);
      expect(patched.description).toBeUndefined();
      expect(patched.service).toBe('identity');
      const missing = await hub.call('/v1/incidents/nope', { method: 'PATCH', body: { severity: 'SEV1' }, headers: { 'if-match': '*' } });
      expect(missing.status).toBe(404);
    });

    it('accepts application/merge-patch+json as well as application/json', async () => {
      const created = await incidentOf(await hub.create({ title: 'Merge patch', severity: 'SEV3' }));
      const response = await hub.call(`/v1/incidents/${created.id}`, {
        method: 'PATCH',
        rawBody: JSON.stringify({ severity: 'SEV4' }),
        headers: { 'content-type': 'application/merge-patch+json', 'if-match': '*' },
      });
      expect(response.status).toBe(200);
      expect((await incidentOf(response)).severity).toBe('SEV4');
    });

    it('a patch that changes nothing writes nothing and keeps the ETag', async () => {
      const created = await incidentOf(await hub.create({ title: 'Same', severity: 'SEV3' }));
      const etag = (await hub.call(`/v1/incidents/${created.id}`)).headers.get('etag') ?? '';
      const events = await hub.count('events');
      const same = await hub.call(`/v1/incidents/${created.id}`, { method: 'PATCH', body: { severity: 'SEV3', title: 'Same' }, headers: { 'if-match': etag } });
      expect(same.status).toBe(200);
      expect(same.headers.get('etag')).toBe(etag);
      expect(await hub.count('events')).toBe(events);
    });
  });

  it('writes a timeline entry for every change: declared, severity, status, commander, edit, update, resolved', async () => {
    const created = await incidentOf(await hub.create({ title: 'DB failover', severity: 'SEV3' }));
    const path = `/v1/incidents/${created.id}`;
    let etag = (await hub.call(path)).headers.get('etag') ?? '';
    const patch = async (body: Record<string, unknown>) => {
      const response = await hub.call(path, { method: 'PATCH', body, headers: { 'if-match': etag } });
      expect(response.status).toBe(200);
      etag = response.headers.get('etag') ?? '';
    };
    await patch({ severity: 'SEV1' });
    await patch({ status: 'identified' });
    await patch({ commander: 'carol@example.com' });
    await patch({ title: 'DB failover in eu-west', links: { pagerduty: 'https://example.pagerduty.com/incidents/P1' } });
    const update = await hub.call(`${path}/updates`, { method: 'POST', body: { message: 'Failover done, watching', status: 'monitoring' } });
    expect(update.status).toBe(201);
    const updated = await incidentOf(update);
    expect(updated.lastUpdateAt).toBe(updated.updatedAt);
    const resolve = await hub.call(`${path}/updates`, { method: 'POST', body: { message: 'All good', status: 'resolved' } });
    expect((await incidentOf(resolve)).status).toBe('resolved');

    const timeline = timelineSchema.parse(await (await hub.call(`${path}/timeline`)).json()).entries;
    expect(timeline.map((e) => [e.kind, e.from, e.to])).toEqual([
      ['declared', undefined, 'SEV3'],
      ['severity_changed', 'SEV3', 'SEV1'],
      ['status_changed', 'investigating', 'identified'],
      ['commander_changed', undefined, 'carol@example.com'],
      ['edited', undefined, undefined],
      ['update_posted', undefined, undefined],
      ['status_changed', 'identified', 'monitoring'],
      ['update_posted', undefined, undefined],
      ['resolved', 'monitoring', 'resolved'],
    ]);
    expect(timeline.every((e) => e.actor === 'alice@example.com' && e.incidentId === created.id)).toBe(true);
    expect(timeline[4]?.message).toBe('changed title, links.pagerduty');
    expect(timeline[5]?.message).toBe('Failover done, watching');
  });

  it('404 for an unknown incident on every incident route', async () => {
    for (const [method, path, body] of [
      ['GET', '/v1/incidents/unknown', undefined],
      ['GET', '/v1/incidents/unknown/timeline', undefined],
      ['POST', '/v1/incidents/unknown/updates', { message: 'x' }],
    ] as const) {
      const response = await hub.call(path, { method, body });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect((await errorOf(response)).code).toBe('not_found');
    }
  });
});
