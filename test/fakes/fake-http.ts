// The part the Slack and PagerDuty fakes share: a real node:http server on 127.0.0.1 (port 0) that
// records every call with the spec violations found in it, and answers with injected faults
// (429 + Retry-After, 5xx, garbage, delay, hang, reset) instead of the vendor's answer when asked.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RecordedCall {
  method: string;
  path: string;
  /** e.g. 'conversations.create' or 'POST /incidents'; 'unknown' when the spec has no such operation. */
  operation: string;
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, string | string[]>;
  /** The parsed form or JSON body (undefined when empty). */
  body: unknown;
  violations: string[];
  /** When the request arrived (ms since the epoch): how tests check a Retry-After was honoured. */
  at: number;
}

export type Fault =
  | { kind: 'status'; status: number; retryAfterSeconds?: number }
  | { kind: 'garbage' }
  | { kind: 'delay'; ms: number }
  | { kind: 'hang' }
  /** Destroys the socket without an answer. */
  | { kind: 'reset' }
  /** Does the work (state changes as usual), then destroys the socket: the answer is lost on the way. */
  | { kind: 'lost-answer' };

export interface FakeControls {
  calls: RecordedCall[];
  /** The calls with at least one violation. */
  violations(): RecordedCall[];
  /** The next `times` calls of `operation` get `fault` instead of (delay: before) the normal answer. */
  fail(operation: string, fault: Fault, times?: number): void;
  /** Added to every answer; settable. */
  latencyMs: number;
  revokeToken(): void;
  close(): Promise<void>;
}

export interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface IncomingCall {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
}

/** What a vendor fake makes of a request before answering it. */
export interface Handled {
  operation: string;
  body: unknown;
  violations: string[];
  /** Computes the vendor's answer (and changes state); not called when a fault replaces the answer. */
  respond(): Answer;
  /** Overrides `latencyMs` for this call (PagerDuty Events may have their own). */
  latencyMs?: number;
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;

export abstract class FakeServer {
  readonly calls: RecordedCall[] = [];
  latencyMs: number;
  /**
   * Hears each call right after its answer was written (faults included): the kill tests end the
   * client process at that moment, the worst one — the vendor did it, the client has not saved it.
   */
  onAnswered: (call: RecordedCall) => void = () => undefined;
  private readonly faults = new Map<string, Fault[]>();
  private readonly closing = new AbortController();
  private readonly server = createServer((request, response) => void this.onRequest(request, response));
  private port = 0;

  protected constructor(latencyMs = 0) {
    this.latencyMs = latencyMs;
  }

  /** `http://127.0.0.1:PORT` */
  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  protected abstract handle(call: IncomingCall): Handled;
  /** The vendor's answer to an injected error status (e.g. Slack `{ ok: false, error: 'ratelimited' }`). */
  protected abstract faultAnswer(status: number, operation: string, retryAfterSeconds: number | undefined): Answer;
  /** Throws when `operation` is not one a test can target (catches typos in `fail()`). */
  protected abstract checkOperation(operation: string): void;

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  violations(): RecordedCall[] {
    return this.calls.filter((call) => call.violations.length > 0);
  }

  fail(operation: string, fault: Fault, times = 1): void {
    this.checkOperation(operation);
    const queue = this.faults.get(operation) ?? [];
    for (let i = 0; i < times; i++) queue.push(fault);
    this.faults.set(operation, queue);
  }

  async close(): Promise<void> {
    this.closing.abort();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let rawBody: string;
    try {
      rawBody = await readBody(request);
    } catch {
      request.socket.destroy();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const query: Record<string, string | string[]> = {};
    for (const [key, value] of url.searchParams) {
      const existing = query[key];
      query[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
    }
    const incoming: IncomingCall = { method: request.method ?? 'GET', path: url.pathname, query, headers: request.headers, rawBody };

    let handled: Handled;
    try {
      handled = this.handle(incoming);
    } catch (error) {
      // A bug in the fake must fail the test loudly, not look like a vendor outage.
      this.calls.push({ ...incoming, operation: 'unknown', body: rawBody, violations: [`fake crashed: ${(error as Error).stack ?? String(error)}`], at: Date.now() });
      send(response, { status: 500, body: { fake_error: String(error) } });
      return;
    }
    const call: RecordedCall = { method: incoming.method, path: incoming.path, operation: handled.operation, headers: request.headers, query, body: handled.body, violations: handled.violations, at: Date.now() };
    this.calls.push(call);

    const fault = this.faults.get(handled.operation)?.shift();
    const waitMs = (handled.latencyMs ?? this.latencyMs) + (fault?.kind === 'delay' ? fault.ms : 0);
    if (waitMs > 0) {
      try {
        await sleep(waitMs, undefined, { signal: this.closing.signal });
      } catch {
        return; // closing
      }
    }
    if (fault?.kind === 'hang') return; // answered never; close() destroys the socket
    if (fault?.kind === 'reset') {
      request.socket.destroy();
      return;
    }
    if (fault?.kind === 'garbage') {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      response.end('<html><body><h1>502 Bad Gateway</h1>');
      this.onAnswered(call);
      return;
    }
    if (fault?.kind === 'status') {
      const answer = this.faultAnswer(fault.status, handled.operation, fault.retryAfterSeconds);
      if (fault.retryAfterSeconds !== undefined) answer.headers = { ...answer.headers, 'retry-after': String(fault.retryAfterSeconds) };
      send(response, answer);
      this.onAnswered(call);
      return;
    }
    let answer: Answer;
    if (fault?.kind === 'lost-answer') {
      handled.respond();
      request.socket.destroy();
      this.onAnswered(call);
      return;
    }
    try {
      answer = handled.respond();
    } catch (error) {
      call.violations.push(`fake crashed: ${(error as Error).stack ?? String(error)}`);
      answer = { status: 500, body: { fake_error: String(error) } };
    }
    send(response, answer);
    this.onAnswered(call);
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, answer: Answer): void {
  if (response.destroyed || response.writableEnded) return;
  response.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
  response.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
}

/** For assertions: every violation of the given calls, prefixed with its operation. */
export function describeViolations(calls: RecordedCall[]): string[] {
  return calls.flatMap((call) => call.violations.map((violation) => `${call.operation}: ${violation}`));
}
