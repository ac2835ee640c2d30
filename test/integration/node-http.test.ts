// The core's HTTP client (src-main/core/node-http.ts) against a real local server: what the core
// relies on fetch for must hold here too, since fetch is no longer what it uses.
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeHttp } from '../../src-main/core/node-http.js';
import { json, startVendorServer } from '../fakes/vendor-server.js';

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});
async function serve(...args: Parameters<typeof startVendorServer>) {
  const server = await startVendorServer(...args);
  servers.push(server);
  return server;
}

describe('nodeHttp: the core HTTP client', () => {
  it('sends the method, headers and a unicode body; answers status, headers and text', async () => {
    const server = await serve((request, res) => {
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      json(res, 201, { echoed: request.body });
    });
    const body = JSON.stringify({ title: 'Checkout 🔥 نص عربي' });
    const response = await nodeHttp(`${server.url}/v1/incidents?x=1`, { method: 'post', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer t' }, body });
    expect(response.status).toBe(201);
    expect(response.ok).toBe(true);
    expect(response.redirected).toBe(false);
    expect(response.url).toBe(`${server.url}/v1/incidents?x=1`);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.has('etag')).toBe(false);
    expect(response.headers.get('set-cookie')).toBe('a=1, b=2');
    expect(JSON.parse(await response.text())).toEqual({ echoed: body });
    const [seen] = server.requests;
    expect(seen).toMatchObject({ method: 'POST', url: '/v1/incidents?x=1', body });
    expect(seen?.headers).toMatchObject({ 'content-type': 'application/json', authorization: 'Bearer t', 'content-length': String(Buffer.byteLength(body)) });
  });

  it('a 304 and a 204 have no body; reading one twice is refused', async () => {
    const server = await serve((request, res) => {
      res.writeHead(request.url === '/empty' ? 204 : 304, { etag: '"v1"' });
      res.end();
    });
    const notModified = await nodeHttp(`${server.url}/list`, { headers: { 'if-none-match': '"v1"' } });
    expect(notModified.status).toBe(304);
    expect(notModified.ok).toBe(false);
    expect(notModified.body).toBeNull();
    expect(await notModified.text()).toBe('');
    expect(notModified.headers.get('etag')).toBe('"v1"');
    const empty = await nodeHttp(`${server.url}/empty`);
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();

    const other = await serve((_request, res) => json(res, 200, { a: 1 }));
    const once = await nodeHttp(other.url);
    expect(await once.text()).toBe('{"a":1}');
    await expect(once.text()).rejects.toThrow(/already read/);
  });

  it('a deadline before the answer rejects with the signal reason (a TimeoutError), as fetch does', async () => {
    const server = await serve(() => undefined); // never answers
    const error = await nodeHttp(server.url, { signal: AbortSignal.timeout(100) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('TimeoutError');
  });

  it('a deadline in the middle of the body rejects the read with the TimeoutError', async () => {
    const server = await serve((_request, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"incidents": [');
    });
    const response = await nodeHttp(server.url, { signal: AbortSignal.timeout(200) });
    expect(response.status).toBe(200);
    const error = await response.text().catch((e: unknown) => e);
    expect((error as Error).name).toBe('TimeoutError');
  });

  it('an already aborted signal sends nothing', async () => {
    const server = await serve((_request, res) => json(res, 200, {}));
    const controller = new AbortController();
    controller.abort();
    await expect(nodeHttp(server.url, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(server.requests).toHaveLength(0);
  });

  it('a server that is down is a network error naming the address', async () => {
    const server = await startVendorServer((_request, res) => json(res, 200, {}));
    await server.close();
    await expect(nodeHttp(server.url)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('the body streams as it arrives (the event stream)', async () => {
    let finish: (() => void) | undefined;
    const server = await serve((_request, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('id: 1\ndata: one\n\n');
      finish = () => res.end('id: 2\ndata: two\n\n');
    });
    const response = await nodeHttp(server.url, { headers: { accept: 'text/event-stream' } });
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no body');
    const decoder = new TextDecoder();
    const first = await reader.read();
    expect(decoder.decode(first.value)).toBe('id: 1\ndata: one\n\n');
    finish?.();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += decoder.decode(chunk.value);
    expect(rest).toBe('id: 2\ndata: two\n\n');
    await expect(response.text()).rejects.toThrow(/already read/);
  });

  it('follows redirects as fetch does: 303 and a POST under 302 become a GET; 307 keeps the body; a credential stays with its origin', async () => {
    const target = await serve((request, res) => json(res, 200, { method: request.method, body: request.body, auth: request.headers.authorization ?? null }));
    const origin = await serve((request, res) => {
      const to: Record<string, [number, string]> = {
        '/see-other': [303, '/done'],
        '/found': [302, '/done'],
        '/temporary': [307, '/done'],
        '/elsewhere': [308, `${target.url}/done`],
        '/loop': [302, '/loop'],
      };
      const hop = to[request.url];
      if (hop) {
        res.writeHead(hop[0], { location: hop[1] });
        res.end();
      } else json(res, 200, { method: request.method, body: request.body, auth: request.headers.authorization ?? null });
    });
    const post = { method: 'POST', headers: { authorization: 'Bearer t', 'content-type': 'application/json' }, body: '{"a":1}' };
    const seeOther = await nodeHttp(`${origin.url}/see-other`, post);
    expect(seeOther.redirected).toBe(true);
    expect(seeOther.url).toBe(`${origin.url}/done`);
    expect(JSON.parse(await seeOther.text())).toEqual({ method: 'GET', body: '', auth: 'Bearer t' });
    expect(JSON.parse(await (await nodeHttp(`${origin.url}/found`, post)).text())).toEqual({ method: 'GET', body: '', auth: 'Bearer t' });
    expect(JSON.parse(await (await nodeHttp(`${origin.url}/temporary`, post)).text())).toEqual({ method: 'POST', body: '{"a":1}', auth: 'Bearer t' });
    expect(JSON.parse(await (await nodeHttp(`${origin.url}/elsewhere`, post)).text())).toEqual({ method: 'POST', body: '{"a":1}', auth: null });
    await expect(nodeHttp(`${origin.url}/loop`)).rejects.toThrow(/redirected more than 20 times/);
  });

  it('a pooled connection the server closed meanwhile (a hub restart) is tried once more on a new one, and only once', async () => {
    // A bare HTTP/1.1 server: the first request on a connection is answered (kept alive); a second one
    // on the same connection finds it dropped, as a restarted hub's old connections are.
    const received: string[] = [];
    let connections = 0;
    let dropFirst = false;
    const sockets = new Set<Socket>();
    const tcp = createTcpServer((socket: Socket) => {
      sockets.add(socket);
      connections += 1;
      let requests = 0;
      socket.on('data', (chunk: Buffer) => {
        requests += 1;
        if (requests > 1 || dropFirst) return void socket.destroy();
        received.push(chunk.toString('utf8').split('\r\n\r\n')[1] ?? '');
        socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}');
      });
    });
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
    servers.push({
      close: () =>
        new Promise<void>((resolve) => {
          for (const socket of sockets) socket.destroy();
          tcp.close(() => resolve());
        }),
    });
    const url = `http://127.0.0.1:${(tcp.address() as AddressInfo).port}/v1/incidents`;

    expect(await (await nodeHttp(url, { method: 'POST', body: '{"n":1}' })).text()).toBe('{}');
    const again = await nodeHttp(url, { method: 'POST', body: '{"n":2}' });
    expect(await again.text()).toBe('{}');
    expect(received).toEqual(['{"n":1}', '{"n":2}']);
    expect(connections).toBe(2);

    // Tried once more only: the pooled connection is dropped, and so is the new one.
    dropFirst = true;
    await expect(nodeHttp(url, { method: 'POST', body: '{"n":3}' })).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(connections).toBe(3);
    expect(received).toHaveLength(2);
  });
});
