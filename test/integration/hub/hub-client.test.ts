// The typed hub client of the core against the real hub (and, for broken answers, against small local
// servers that misbehave on purpose).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { HubError } from '../../../src-main/core/hub-client/hub-error.js';
import { createHubClient, type HubClient } from '../../../src-main/core/hub-client/hub-client.js';
import { describeEachBackend, startTestHub, type TestHub } from './hub-fixture.js';

async function misbehavingServer(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const hubError = async (promise: Promise<unknown>): Promise<HubError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HubError) return error;
    throw error;
  }
  throw new Error('expected a HubError');
};

describeEachBackend('hub client', (backend) => {
  let hub: TestHub;
  let client: HubClient;
  beforeEach(async () => {
    hub = await startTestHub({}, backend);
    client = createHubClient({ baseUrl: hub.url, token: hub.token, timeoutMs: 5_000 });
  });
  afterEach(() => hub.close());

  it('creates idempotently, lists with ETag → not modified, gets, patches, posts updates, reads the timeline', async () => {
    const created = await client.createIncident({ title: 'API latency', severity: 'SEV2', service: 'api' }, { idempotencyKey: 'client-1' });
    expect(created.replayed).toBe(false);
    expect(created.incident.declaredBy).toBe('alice@example.com');
    const replay = await client.createIncident({ title: 'API latency', severity: 'SEV2', service: 'api' }, { idempotencyKey: 'client-1' });
    expect(replay).toEqual({ incident: created.incident, replayed: true });

    const list = await client.listIncidents({ status: 'open' });
    if (list.notModified) throw new Error('first list cannot be not-modified');
    expect(list.incidents.map((i) => i.id)).toEqual([created.incident.id]);
    expect(await client.listIncidents({ status: 'open', ifNoneMatch: list.etag })).toEqual({ notModified: true, etag: list.etag });

    const { etag } = await client.getIncident(created.incident.id);
    const patched = await client.patchIncident(created.incident.id, { commander: 'alice@example.com' }, { ifMatch: etag ?? '' });
    expect(patched.incident.commander).toBe('alice@example.com');
    expect(patched.etag).not.toBe(etag);

    const updated = await client.postUpdate(created.incident.id, { message: 'Scaled out', status: 'monitoring' });
    expect(updated.incident).toMatchObject({ status: 'monitoring', lastUpdateAt: updated.incident.updatedAt });
    const timeline = await client.timeline(created.incident.id);
    expect(timeline.map((e) => e.kind)).toEqual(['declared', 'commander_changed', 'update_posted', 'status_changed']);

    const changed = await client.listIncidents({ status: 'open', ifNoneMatch: list.etag });
    expect(changed.notModified).toBe(false);
  });

  it('turns the hub\'s errors into HubErrors: 412 carries the current incident and its ETag', async () => {
    const { incident } = await client.createIncident({ title: 'Cache misses', severity: 'SEV3' }, { idempotencyKey: 'client-2' });
    const { etag } = await client.getIncident(incident.id);
    await client.patchIncident(incident.id, { severity: 'SEV2' }, { ifMatch: etag ?? '' });
    const stale = await hubError(client.patchIncident(incident.id, { severity: 'SEV1' }, { ifMatch: etag ?? '' }));
    expect(stale).toMatchObject({ status: 412, code: 'precondition_failed' });
    expect(stale.current?.incident.severity).toBe('SEV2');
    expect(stale.current?.etag).toMatch(/^"v\d+"$/);

    expect(await hubError(client.getIncident('missing'))).toMatchObject({ status: 404, code: 'not_found' });
    expect(await hubError(client.createIncident({ title: 'Cache misses', severity: 'SEV1' }, { idempotencyKey: 'client-2' }))).toMatchObject({ status: 422, code: 'idempotency_key_reused' });
    const unauthorized = createHubClient({ baseUrl: hub.url, token: 'it_wrongwrongwrongwrong' });
    expect(await hubError(unauthorized.listIncidents())).toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('keeps a path prefix of the base URL', async () => {
    const seen: string[] = [];
    const { url, server } = await misbehavingServer((request, response) => {
      seen.push(request.url ?? '');
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"incidents":[]}');
    });
    try {
      await createHubClient({ baseUrl: `${url}/hub`, token: 't' }).listIncidents({ limit: 5 });
      expect(seen).toEqual(['/hub/v1/incidents?limit=5']);
    } finally {
      server.close();
    }
  });

  it('reports garbage, off-contract answers, timeouts and unreachable hubs as clear HubErrors', async () => {
    const { url, server } = await misbehavingServer((request, response) => {
      if (request.url?.startsWith('/v1/incidents/garbage')) response.writeHead(200, { 'content-type': 'application/json' }).end('<html>proxy error</html>');
      else if (request.url?.startsWith('/v1/incidents/shape')) response.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"x"}');
      else if (request.url?.startsWith('/v1/incidents/error')) response.writeHead(502).end('Bad Gateway');
      // else: never answer
    });
    try {
      const broken = createHubClient({ baseUrl: url, token: 't', timeoutMs: 10_000 });
      const garbage = await hubError(broken.getIncident('garbage'));
      expect(garbage).toMatchObject({ status: 200, code: 'bad_response' });
      expect(garbage.message).toContain('not JSON');
      expect(await hubError(broken.getIncident('shape'))).toMatchObject({ status: 200, code: 'bad_response' });
      expect(await hubError(broken.getIncident('error'))).toMatchObject({ status: 502, code: 'bad_response' });
      const impatient = createHubClient({ baseUrl: url, token: 't', timeoutMs: 300 });
      expect(await hubError(impatient.getIncident('hang'))).toMatchObject({ status: 0, code: 'timeout' });
    } finally {
      server.closeAllConnections();
      server.close();
    }
    const unreachable = createHubClient({ baseUrl: url, token: 't', timeoutMs: 2_000 });
    expect(await hubError(unreachable.listIncidents())).toMatchObject({ status: 0, code: 'network' });
  });
});
