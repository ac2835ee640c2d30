// The hub event stream's HTTP client: a fetch-shaped GET over node:http(s) whose body is read as it
// arrives and never times out (a stream is meant to stay open; the hub watcher's watchdog covers a
// dead one). Why not fetch: Node's global fetch keeps a 300 s body timeout whose timer wakes the
// process every half second while the stream is open (bench:watch: 212 ms CPU a minute idle
// against 50 without it), and the npm `undici` that can turn it off loaded a second HTTP stack of
// ~19 MB RSS into a core whose idle budget is 80 MB.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import type { Http } from '../ports.js';

function responseHeaders(message: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

const urlOf = (input: Parameters<Http>[0]): URL => new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);

/** GET (or any body-less method) with streaming body; aborts with `init.signal`. */
export const streamFetch: Http = (input, init = {}) =>
  new Promise<Response>((resolve, reject) => {
    const url = urlOf(input);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(
      url,
      { method: init.method ?? 'GET', headers: Object.fromEntries(new Headers(init.headers).entries()), ...(init.signal ? { signal: init.signal } : {}) },
      (message) => {
        const status = message.statusCode ?? 502;
        const empty = status === 204 || status === 304 || init.method === 'HEAD';
        if (empty) message.resume();
        try {
          resolve(new Response(empty ? null : (Readable.toWeb(message) as ReadableStream<Uint8Array>), { status, statusText: message.statusMessage ?? '', headers: responseHeaders(message) }));
        } catch (error) {
          // A status Response cannot carry (1xx): as good as no answer.
          message.destroy();
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      },
    );
    request.on('error', reject);
    request.end();
  });
