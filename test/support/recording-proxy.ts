// A transparent HTTP proxy in front of a real server (the hub) for tests: forwards every request,
// can add latency, and tells the test the moment each answer was written — so a test can kill the
// client right after the hub did something and before the client could save that it did.
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedCall {
  method: string;
  path: string;
  status: number;
}

export interface RecordingProxy {
  url: string;
  calls: ProxiedCall[];
  delayMs: number;
  onAnswered: (call: ProxiedCall) => void;
  /** Requests this answers itself with 503 instead of forwarding (e.g. a proxy that breaks SSE). */
  refuse: (path: string) => boolean;
  close(): Promise<void>;
}

export async function startRecordingProxy(target: string, delayMs = 0): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const proxy: RecordingProxy = {
    url: '',
    calls: [],
    delayMs,
    onAnswered: () => undefined,
    refuse: () => false,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer((incoming, outgoing) => {
    if (proxy.refuse((incoming.url ?? '/').split('?')[0] ?? '/')) {
      outgoing.writeHead(503, { 'content-type': 'text/html' }).end('<h1>503 Service Unavailable</h1>');
      return;
    }
    const forward = () => {
      const upstreamRequest = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
        (answer) => {
          const call = { method: incoming.method ?? 'GET', path: (incoming.url ?? '/').split('?')[0] ?? '/', status: answer.statusCode ?? 0 };
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
          answer.on('end', () => {
            proxy.calls.push(call);
            proxy.onAnswered(call);
          });
        },
      );
      upstreamRequest.on('error', () => outgoing.destroy());
      incoming.pipe(upstreamRequest);
    };
    if (proxy.delayMs > 0) setTimeout(forward, proxy.delayMs);
    else forward();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
