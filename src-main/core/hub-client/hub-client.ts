// The typed client of the shared incident API (DESIGN.md §4). Every response is checked against the
// src-shared schemas the hub itself uses, so a hub that drifts from the contract is a clear HubError
// here rather than a malformed incident somewhere in the app. Every call has a deadline.
import type { z } from 'zod';
import { incidentSchema } from '../../../src-shared/domain.js';
import {
  HUB_HEADERS,
  hubErrorBodySchema,
  incidentListSchema,
  timelineSchema,
} from '../../../src-shared/hub-api.js';
import { describeZodError } from '../../../src-shared/result.js';
import { DEFAULT_HTTP_TIMEOUT_MS } from '../http-timeout.js';
import { nodeHttp } from '../node-http.js';
import type { Http, HttpResponse } from '../ports.js';
import { HubError, type HubClient, type IncidentWithEtag, type ListQuery, type ListResult } from '../../../src-shared/hub-client-contract.js';

export type { HubClient, IncidentWithEtag, ListQuery, ListResult };

export interface HubClientOptions {
  /** The hub's URL; a path prefix (behind a proxy) is kept. */
  baseUrl: string;
  token: string;
  http?: Http;
  timeoutMs?: number;
}

interface Call {
  method: string;
  path: string;
  query?: Record<string, string | undefined>;
  headers?: Record<string, string | undefined>;
  body?: unknown;
}

const retryAfter = (response: HttpResponse): number | undefined => {
  const value = Number(response.headers.get('retry-after'));
  return Number.isFinite(value) && value >= 0 && response.headers.has('retry-after') ? value : undefined;
};

export function createHubClient(options: HubClientOptions): HubClient {
  const http = options.http ?? nodeHttp;
  const timeoutMs = options.timeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS;
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;

  async function send(call: Call): Promise<{ response: HttpResponse; text: string }> {
    const url = new URL(call.path.replace(/^\//, ''), base);
    for (const [name, value] of Object.entries(call.query ?? {})) if (value !== undefined) url.searchParams.set(name, value);
    const headers: Record<string, string> = { authorization: `Bearer ${options.token}`, accept: 'application/json' };
    for (const [name, value] of Object.entries(call.headers ?? {})) if (value !== undefined) headers[name] = value;
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    try {
      // One deadline covers the answer and its body: a hub that stalls mid-body is still a timeout.
      const response = await http(url, {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      return { response, text: await response.text() };
    } catch (error) {
      if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
        throw new HubError(0, 'timeout', `the hub did not answer ${call.method} ${url.pathname} within ${timeoutMs} ms`);
      }
      throw new HubError(0, 'network', `could not reach the hub at ${base}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  function decode<S extends z.ZodType>(schema: S, response: HttpResponse, text: string): z.output<S> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new HubError(response.status, 'bad_response', `the hub answered HTTP ${response.status} with something that is not JSON`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new HubError(response.status, 'bad_response', `the hub's answer does not match the API: ${describeZodError(parsed.error)}`);
    }
    return parsed.data;
  }

  function failure(response: HttpResponse, text: string): HubError {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return new HubError(response.status, 'bad_response', `the hub answered HTTP ${response.status} with something that is not JSON`, undefined, retryAfter(response));
    }
    const parsed = hubErrorBodySchema.safeParse(json);
    if (!parsed.success) return new HubError(response.status, 'bad_response', `the hub answered HTTP ${response.status} without an error the API describes`);
    const { code, message, details } = parsed.data.error;
    const current = details ? { incident: details.current, etag: response.headers.get('etag') ?? undefined } : undefined;
    return new HubError(response.status, code, message, current, retryAfter(response));
  }

  async function expect<S extends z.ZodType>(call: Call, ok: number, schema: S): Promise<{ value: z.output<S>; response: HttpResponse }> {
    const { response, text } = await send(call);
    if (response.status !== ok) throw failure(response, text);
    return { value: decode(schema, response, text), response };
  }

  const withEtag = async (call: Call, ok: number): Promise<IncidentWithEtag> => {
    const { value, response } = await expect(call, ok, incidentSchema);
    return { incident: value, etag: response.headers.get('etag') ?? undefined };
  };
  const incidentPath = (id: string) => `/v1/incidents/${encodeURIComponent(id)}`;

  return {
    async listIncidents(query = {}) {
      const { response, text } = await send({
        method: 'GET',
        path: '/v1/incidents',
        query: { status: query.status, cursor: query.cursor, limit: query.limit === undefined ? undefined : String(query.limit) },
        headers: { 'if-none-match': query.ifNoneMatch },
      });
      const etag = response.headers.get('etag') ?? undefined;
      if (response.status === 304) return { notModified: true, etag: etag ?? query.ifNoneMatch ?? '' };
      if (response.status !== 200) throw failure(response, text);
      const list = decode(incidentListSchema, response, text);
      return { notModified: false, etag, incidents: list.incidents, ...(list.nextCursor ? { nextCursor: list.nextCursor } : {}) };
    },
    getIncident: (id) => withEtag({ method: 'GET', path: incidentPath(id) }, 200),
    async createIncident(body, { idempotencyKey }) {
      const { value, response } = await expect(
        { method: 'POST', path: '/v1/incidents', headers: { [HUB_HEADERS.idempotencyKey]: idempotencyKey }, body },
        201,
        incidentSchema,
      );
      return { incident: value, replayed: response.headers.get(HUB_HEADERS.idempotentReplay) === 'true' };
    },
    patchIncident: (id, patch, { ifMatch }) => withEtag({ method: 'PATCH', path: incidentPath(id), headers: { 'if-match': ifMatch }, body: patch }, 200),
    postUpdate: (id, body, updateOptions = {}) =>
      withEtag({ method: 'POST', path: `${incidentPath(id)}/updates`, headers: { 'if-match': updateOptions.ifMatch }, body }, 201),
    async timeline(id) {
      return (await expect({ method: 'GET', path: `${incidentPath(id)}/timeline` }, 200, timelineSchema)).value.entries;
    },
  };
}
