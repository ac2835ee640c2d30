// The PagerDuty calls a declare makes: REST v2 over @pagerduty/pdjs (services, incidents) and Events
// v2 over plain fetch (pdjs's `event()` only speaks https, and the EU region or a test fake may not).
// pdjs quirks (DESIGN.md §6): it has no deadline of its own (`requestTimeout` only starts a timer
// that aborts nothing), so we pass our own AbortSignal; it waits `retryTimeout` and retries a 429 up
// to three times by itself, which cannot be turned off — we make that wait short and own every retry
// after it, honouring Retry-After / ratelimit-reset.
import type * as PdjsModule from '@pagerduty/pdjs';
import { z } from 'zod';
import type { ServiceOption } from '../../../src-shared/domain.js';
import { nodeHttp } from '../node-http.js';
import type { Http, HttpResponse } from '../ports.js';
import { retryAfterMs, StepError } from '../retry/step-error.js';

export interface PagerDutyGatewayOptions {
  /** REST API key; absent when only an Events routing key is configured. */
  token?: string;
  apiUrl: string;
  eventsUrl: string;
  timeoutMs: number;
  /** pdjs's own wait before re-sending a 429 (its default is 20 s). */
  pdjsRateLimitWaitMs?: number;
  http?: Http;
}

export interface PagerDutyRequest {
  method: string;
  /** Below the API base, e.g. `/incidents`. */
  path: string;
  data?: unknown;
  /** Array values are sent repeated, as PagerDuty wants `statuses[]=a&statuses[]=b`. */
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
}

export type Urgency = 'high' | 'low';
export type EventSeverity = 'critical' | 'error' | 'warning' | 'info';

export interface PagedIncident {
  id: string;
  url: string;
}

const serviceSchema = z.object({ id: z.string(), name: z.string().optional(), summary: z.string().optional(), description: z.string().nullish() });
const servicesPageSchema = z.object({ services: z.array(serviceSchema), more: z.boolean().optional() });
const incidentSchema = z.object({ id: z.string(), html_url: z.string().optional() });
const incidentAnswerSchema = z.object({ incident: incidentSchema });
const incidentsPageSchema = z.object({ incidents: z.array(incidentSchema) });
const incidentStatusAnswerSchema = z.object({ incident: z.object({ id: z.string(), status: z.string() }) });
const errorAnswerSchema = z.object({ error: z.object({ message: z.string().optional(), code: z.number().optional(), errors: z.array(z.string()).optional() }) });
const enqueueAnswerSchema = z.object({ status: z.string(), dedup_key: z.string().optional(), message: z.string().optional() });

/** pdjs answers a Response with `data` added, or rejects with that Response when the body is not JSON. */
type PdjsAnswer = Response & { data?: unknown };

const DUPLICATE_KEY = /matching dedup key already exists/i;

/** The headers of an answer: pdjs's (cross-fetch) or ours. */
type AnswerHeaders = HttpResponse['headers'];

const isResponseLike = (value: unknown): value is { status: number; headers: AnswerHeaders } =>
  typeof value === 'object' && value !== null && typeof (value as { status?: unknown }).status === 'number' && typeof (value as { headers?: { get?: unknown } }).headers?.get === 'function';

/**
 * pdjs loaded on first use: it brings its own HTTP stack (cross-fetch), ~12 MB of RSS that a core
 * which never calls the REST API (CLI `list`, Events-only setups) should not carry.
 */
let pdjs: Promise<typeof PdjsModule> | undefined;
const loadPdjs = () => (pdjs ??= import('@pagerduty/pdjs'));

export class PagerDutyGateway {
  constructor(private readonly options: PagerDutyGatewayOptions) {}

  private get apiUrl(): string {
    return this.options.apiUrl.replace(/\/+$/, '');
  }

  /**
   * One REST call through pdjs with our deadline, its failures as StepErrors. Public so that other
   * PagerDuty readers (the watchers) share the same client behaviour instead of a second copy.
   */
  async rest(operation: string, request: PagerDutyRequest): Promise<{ status: number; data: unknown; headers: AnswerHeaders }> {
    const token = this.options.token;
    if (!token) throw new StepError('auth', 'no PagerDuty API key is set: add one in Settings (or PAGERDUTY_TOKEN)');
    const { api } = await loadPdjs();
    let answer: PdjsAnswer;
    try {
      answer = (await api({
        token,
        url: `${this.apiUrl}${request.path}`,
        method: request.method,
        ...(request.data === undefined ? {} : { data: request.data as object }),
        ...(request.query ? { queryParameters: request.query } : {}),
        headers: { ...request.headers },
        requestTimeout: 0,
        retryTimeout: this.options.pdjsRateLimitWaitMs ?? 2_000,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      } as Parameters<typeof api>[0])) as unknown as PdjsAnswer;
    } catch (error) {
      // pdjs rejects with its (cross-fetch) Response when the body is not JSON: not a global Response.
      if (isResponseLike(error)) return this.refuse(operation, error.status, undefined, error.headers);
      const failure = error as Error & { type?: string; name?: string };
      if (failure.name === 'AbortError' || failure.name === 'TimeoutError' || failure.type === 'aborted') {
        throw new StepError('timeout', `PagerDuty ${operation} did not answer within ${this.options.timeoutMs} ms`);
      }
      throw new StepError('network', `could not reach PagerDuty for ${operation}: ${failure.message}`);
    }
    if (answer.status >= 200 && answer.status < 300) return { status: answer.status, data: answer.data, headers: answer.headers };
    return this.refuse(operation, answer.status, answer.data, answer.headers);
  }

  private refuse(operation: string, status: number, data: unknown, headers: AnswerHeaders): never {
    const parsed = errorAnswerSchema.safeParse(data);
    const detail = parsed.success ? [parsed.data.error.message, ...(parsed.data.error.errors ?? [])].filter(Boolean).join(': ') : '';
    const code = parsed.success && parsed.data.error.code !== undefined ? String(parsed.data.error.code) : undefined;
    if (status === 429) throw new StepError('rate-limited', `PagerDuty ${operation} is rate limited`, retryAfterMs(headers) ?? 5_000, code);
    if (status >= 500) throw new StepError('server', `PagerDuty ${operation} failed with HTTP ${status}`, retryAfterMs(headers), code);
    if (status === 401 || status === 403) {
      throw new StepError('auth', `PagerDuty refused the API key (HTTP ${status}${detail ? `, ${detail}` : ''}): update the PagerDuty API key in Settings`, undefined, code);
    }
    if (data === undefined || (status >= 200 && status < 300)) throw new StepError('bad-response', `PagerDuty ${operation} answered HTTP ${status} with something that is not JSON`);
    throw new StepError('rejected', `PagerDuty ${operation} refused (HTTP ${status}${detail ? `: ${detail}` : ''})`, undefined, code);
  }

  /** Checks an answer against the part of the API we read; anything else is a `bad-response` StepError. */
  decode<S extends z.ZodType>(operation: string, schema: S, data: unknown): z.output<S> {
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new StepError('bad-response', `PagerDuty ${operation} answered something that is not the PagerDuty API`);
    return parsed.data;
  }

  /** Services whose name matches `query` (all when empty), at most `max`. */
  async listServices(query: string, max = 500): Promise<ServiceOption[]> {
    const found: ServiceOption[] = [];
    for (let offset = 0; found.length < max; ) {
      const answer = await this.rest('GET /services', {
        method: 'GET',
        path: '/services',
        query: { limit: '100', offset: String(offset), ...(query ? { query } : {}) },
      });
      const page = this.decode('GET /services', servicesPageSchema, answer.data);
      for (const s of page.services) {
        const name = s.name ?? s.summary ?? s.id;
        found.push({ id: s.id, name, ...(s.description ? { summary: s.description } : {}) });
      }
      if (!page.more || page.services.length === 0) break;
      offset += page.services.length;
    }
    return found.slice(0, max);
  }

  /**
   * POST /incidents with `incident_key` = the declare's id. A second create with the same key answers
   * 400 "matching dedup key": the incident then already exists (an earlier try got through) and is
   * looked up instead of created again.
   */
  async createIncident(request: { title: string; serviceId: string; urgency: Urgency; incidentKey: string; details: string; fromEmail: string }): Promise<PagedIncident & { existed: boolean }> {
    try {
      const answer = await this.rest('POST /incidents', {
        method: 'POST',
        path: '/incidents',
        headers: { From: request.fromEmail },
        data: {
          incident: {
            type: 'incident',
            title: request.title,
            service: { id: request.serviceId, type: 'service_reference' },
            urgency: request.urgency,
            incident_key: request.incidentKey,
            body: { type: 'incident_body', details: request.details },
          },
        },
      });
      const { incident } = this.decode('POST /incidents', incidentAnswerSchema, answer.data);
      return { id: incident.id, url: incident.html_url ?? `${this.apiUrl}/incidents/${incident.id}`, existed: false };
    } catch (error) {
      if (!(error instanceof StepError) || error.kind !== 'rejected' || !DUPLICATE_KEY.test(error.message)) throw error;
      const existing = await this.findIncidentByKey(request.incidentKey);
      if (!existing) throw error;
      return { ...existing, existed: true };
    }
  }

  async findIncidentByKey(incidentKey: string): Promise<PagedIncident | undefined> {
    const answer = await this.rest('GET /incidents', { method: 'GET', path: '/incidents', query: { incident_key: incidentKey } });
    const first = this.decode('GET /incidents', incidentsPageSchema, answer.data).incidents[0];
    return first ? { id: first.id, url: first.html_url ?? `${this.apiUrl}/incidents/${first.id}` } : undefined;
  }

  /** Events v2 trigger: `dedup_key` makes a repeat the same alert, so it is safe to send again. */
  async triggerEvent(event: { routingKey: string; dedupKey: string; summary: string; severity: EventSeverity; source: string; customDetails: Record<string, string>; links: { href: string; text: string }[] }): Promise<void> {
    await this.enqueue({
      routing_key: event.routingKey,
      event_action: 'trigger',
      dedup_key: event.dedupKey,
      payload: { summary: event.summary, source: event.source, severity: event.severity, custom_details: event.customDetails },
      links: event.links,
      client: 'incident-tray',
    });
  }

  /** Events v2 resolve of the alert a trigger opened (PagerDuty ignores a key it does not know). */
  async resolveEvent(event: { routingKey: string; dedupKey: string }): Promise<void> {
    await this.enqueue({ routing_key: event.routingKey, event_action: 'resolve', dedup_key: event.dedupKey });
  }

  /**
   * Resolves a REST incident (From: a PagerDuty user's email). Looked at first: one already resolved
   * (by the responder, from the phone) is left alone and answers `already`.
   */
  async resolveIncident(incidentId: string, fromEmail: string): Promise<'resolved' | 'already'> {
    const path = `/incidents/${encodeURIComponent(incidentId)}`;
    const current = this.decode('GET /incidents/{id}', incidentStatusAnswerSchema, (await this.rest('GET /incidents/{id}', { method: 'GET', path })).data);
    if (current.incident.status === 'resolved') return 'already';
    const answer = await this.rest('PUT /incidents/{id}', {
      method: 'PUT',
      path,
      headers: { From: fromEmail },
      data: { incident: { type: 'incident_reference', status: 'resolved' } },
    });
    this.decode('PUT /incidents/{id}', incidentAnswerSchema, answer.data);
    return 'resolved';
  }

  private async enqueue(body: Record<string, unknown>): Promise<void> {
    const http = this.options.http ?? nodeHttp;
    const url = `${this.options.eventsUrl.replace(/\/+$/, '')}/v2/enqueue`;
    let response: HttpResponse;
    let text: string;
    try {
      response = await http(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const failure = error as Error;
      if (failure.name === 'TimeoutError' || failure.name === 'AbortError') throw new StepError('timeout', `PagerDuty Events did not answer within ${this.options.timeoutMs} ms`);
      throw new StepError('network', `could not reach PagerDuty Events: ${failure.message}`);
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
    if (response.status === 202) {
      this.decode('POST /v2/enqueue', enqueueAnswerSchema, data);
      return;
    }
    if (response.status === 400) {
      const message = enqueueAnswerSchema.safeParse(data).data?.message;
      throw new StepError('rejected', `PagerDuty Events refused the event${message ? `: ${message}` : ''} (check the routing key)`);
    }
    this.refuse('POST /v2/enqueue', response.status, data, response.headers);
  }
}
