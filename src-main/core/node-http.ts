// The core's HTTP client: the slice of fetch the core uses (ports.ts `Http`), over node:http(s).
// Why not global fetch: it loads Node's bundled undici (its JS, an llhttp WebAssembly build and a
// connection pool), about 20 MB of RSS in a headless core whose idle budget is 80 MB (bench:watch);
// node:http is already part of node and costs ~3 MB. What fetch does that we rely on is kept: a
// deadline through `signal` (rejecting with its reason, so a timeout is a TimeoutError), redirects
// followed as fetch follows them, keep-alive (node's global agent) with a second try when a pooled
// connection turns out closed, and a body readable as text or as a web stream as it arrives (the
// hub's event stream, which must never time out on its own).
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import { text as readText } from 'node:stream/consumers';
import type { Http, HttpRequestInit, HttpResponse } from './ports.js';

/** fetch's own limit (the Fetch standard's redirect count). */
const MAX_REDIRECTS = 20;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

class AnswerHeaders {
  constructor(private readonly raw: IncomingHttpHeaders) {}

  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }
}

class NodeHttpResponse implements HttpResponse {
  readonly headers: AnswerHeaders;
  private used = false;
  private stream: ReadableStream<Uint8Array> | undefined;

  constructor(
    private readonly message: IncomingMessage,
    private readonly empty: boolean,
    private readonly signal: AbortSignal | undefined,
    readonly url: string,
    readonly redirected: boolean,
  ) {
    this.headers = new AnswerHeaders(message.headers);
    if (empty) message.resume();
  }

  get status(): number {
    return this.message.statusCode ?? 0;
  }

  get statusText(): string {
    return this.message.statusMessage ?? '';
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  get body(): ReadableStream<Uint8Array> | null {
    if (this.empty) return null;
    if (!this.stream) {
      this.claim();
      this.stream = Readable.toWeb(this.message) as ReadableStream<Uint8Array>;
    }
    return this.stream;
  }

  async text(): Promise<string> {
    if (this.empty) return '';
    this.claim();
    try {
      return await readText(this.message);
    } catch (error) {
      // Aborted mid-body: say why as fetch does (a deadline's TimeoutError), not "aborted".
      throw this.signal?.aborted ? (this.signal.reason as unknown) : error;
    }
  }

  private claim(): void {
    if (this.used) throw new TypeError('the body of this answer was already read');
    this.used = true;
  }
}

interface Attempt {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** The server closed a kept-alive connection as we reused it (it restarted, or its idle timeout won the race). */
const lostReusedSocket = (error: NodeJS.ErrnoException) => error.code === 'ECONNRESET' || error.code === 'EPIPE';

function send(attempt: Attempt, signal: AbortSignal | undefined, isRetry = false): Promise<IncomingMessage> {
  return new Promise<IncomingMessage>((resolve, reject) => {
    const headers = { ...attempt.headers };
    if (attempt.body !== undefined) headers['content-length'] = String(Buffer.byteLength(attempt.body));
    const request = (attempt.url.protocol === 'https:' ? httpsRequest : httpRequest)(attempt.url, {
      method: attempt.method,
      headers,
      ...(signal ? { signal } : {}),
    });
    let answered = false;
    request.on('response', (message) => {
      answered = true;
      resolve(message);
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (signal?.aborted) return reject(signal.reason as unknown);
      // A pooled connection the server had already closed: the request never reached it, so it is
      // sent once more on a new connection (Node's documented pattern). Without this, the first call
      // after a hub restart, a user's "Post update" say, failed with "socket hang up".
      if (request.reusedSocket && !answered && !isRetry && lostReusedSocket(error)) return resolve(send(attempt, signal, true));
      reject(error);
    });
    request.end(attempt.body);
  });
}

/** Where a redirect goes, and with what: fetch's rules (303, and 301/302 after a POST, become a GET). */
function redirected(from: Attempt, status: number, location: string): Attempt {
  const url = new URL(location, from.url);
  const toGet = status === 303 ? from.method !== 'HEAD' : (status === 301 || status === 302) && from.method === 'POST';
  const headers = { ...from.headers };
  // A credential is for the origin it was given to.
  if (url.origin !== from.url.origin) delete headers.authorization;
  if (toGet) delete headers['content-type'];
  return { url, method: toGet ? 'GET' : from.method, headers, body: toGet ? undefined : from.body };
}

const lowerCased = (headers: Record<string, string> = {}): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));

export const nodeHttp: Http = async (input, init: HttpRequestInit = {}) => {
  const signal = init.signal;
  signal?.throwIfAborted();
  let attempt: Attempt = { url: new URL(input), method: (init.method ?? 'GET').toUpperCase(), headers: lowerCased(init.headers), body: init.body };
  for (let redirects = 0; ; redirects += 1) {
    const message = await send(attempt, signal);
    const status = message.statusCode ?? 0;
    const location = message.headers.location;
    if (REDIRECTS.has(status) && location) {
      message.resume();
      if (redirects === MAX_REDIRECTS) throw new TypeError(`${attempt.url.origin} redirected more than ${MAX_REDIRECTS} times`);
      attempt = redirected(attempt, status, location);
      continue;
    }
    const empty = status === 204 || status === 304 || attempt.method === 'HEAD';
    return new NodeHttpResponse(message, empty, signal, attempt.url.href, redirects > 0);
  }
};
