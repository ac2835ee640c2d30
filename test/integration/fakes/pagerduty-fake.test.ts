// The PagerDuty fake, driven by the real @pagerduty/pdjs client for REST and plain fetch for Events
// v2 (pdjs's event() is https-only): what they send validates against PagerDuty's specs, a wrong
// request is a recorded violation answered as PagerDuty answers bad input, faults can be injected,
// and the state behaves like PagerDuty's (dedup of open incident keys and of alert dedup keys).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api } from '@pagerduty/pdjs';
// pdjs does not export its response type from the package root.
import type { APIResponse } from '@pagerduty/pdjs/build/src/api.js';
import { describeViolations, startPagerDutyFake, type PagerDutyFake } from '../../fakes/pagerduty-fake.js';

const token = 'pd-fake-token';
const routingKey = 'R0123456789abcdef0123456789abcde'; // 32 characters, like a real integration key
const from = 'oncall@example.com';
const services = [
  { id: 'PCHKOUT', name: 'Checkout API' },
  { id: 'PPAYMNT', name: 'Payments', summary: 'Payments (EU)' },
  { id: 'PSEARCH', name: 'Search' },
  { id: 'PCHKWEB', name: 'Checkout Web' },
];

let fake: PagerDutyFake;

/** One REST call through pdjs, the way the app makes it (own timeout, `url` for an http fake). */
function pd(method: string, path: string, options: { data?: object; headers?: Record<string, string>; token?: string; signal?: AbortSignal; retryTimeout?: number } = {}): Promise<APIResponse> {
  return api({
    token: options.token ?? token,
    url: `${fake.restUrl}${path}`,
    method,
    requestTimeout: 0,
    retryTimeout: options.retryTimeout ?? 0,
    ...(options.data ? { data: options.data } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
    signal: options.signal ?? AbortSignal.timeout(5000),
  });
}

const newIncident = (overrides: Record<string, unknown> = {}) => ({
  incident: { type: 'incident', title: 'Checkout 5xx', service: { id: 'PCHKOUT', type: 'service_reference' }, urgency: 'high', incident_key: 'inc-0193-client-id', body: { type: 'incident_body', details: 'SEV1 declared from the tray' }, ...overrides },
});

async function enqueue(body: unknown): Promise<{ status: number; body: { status: string; message: string; dedup_key?: string; errors?: string[] } }> {
  const response = await fetch(`${fake.eventsUrl}/v2/enqueue`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(5000) });
  return { status: response.status, body: (await response.json()) as never };
}

const trigger = (overrides: Record<string, unknown> = {}) => ({
  routing_key: routingKey,
  event_action: 'trigger',
  dedup_key: 'inc-0193-client-id',
  payload: { summary: 'SEV1 Checkout 5xx', source: 'incident-tray', severity: 'critical' },
  links: [{ href: 'http://127.0.0.1:8787/v1/incidents/0193', text: 'Incident record' }],
  ...overrides,
});

beforeEach(async () => {
  fake = await startPagerDutyFake({ token, routingKey, services, users: [{ id: 'PUSER01', email: from }] });
});

afterEach(async () => {
  await fake.close();
});

describe('PagerDuty REST fake: requests of pdjs validate against the spec', () => {
  it('finds services by name with offset pagination', async () => {
    const first = await pd('GET', '/services', { data: { query: 'checkout', limit: '1', total: 'true' } });
    expect(first.status).toBe(200);
    expect(first.data).toMatchObject({ limit: 1, offset: 0, more: true, total: 2 });
    expect(first.data.services).toEqual([expect.objectContaining({ id: 'PCHKOUT', type: 'service', name: 'Checkout API', summary: 'Checkout API', html_url: expect.stringMatching(/^https:\/\//), self: expect.any(String) })]);
    const second = await pd('GET', '/services', { data: { query: 'checkout', limit: '1', offset: '1' } });
    expect(second.data.services.map((s: { id: string }) => s.id)).toEqual(['PCHKWEB']);
    expect(second.data).toMatchObject({ more: false, total: null });

    const one = await pd('GET', '/services/PPAYMNT');
    expect(one.data.service).toMatchObject({ id: 'PPAYMNT', name: 'Payments', summary: 'Payments (EU)' });
    const missing = await pd('GET', '/services/PNOPE');
    expect(missing.status).toBe(404);
    expect(fake.service('PSEARCH')?.name).toBe('Search');
    expect(describeViolations(fake.calls)).toEqual([]);
  });

  it('creates an incident, and a second one with the same open incident_key is refused (look it up instead)', async () => {
    const created = await pd('POST', '/incidents', { data: newIncident(), headers: { From: from } });
    expect(created.status).toBe(201);
    const incident = created.data.incident;
    expect(incident).toMatchObject({
      id: expect.stringMatching(/^P[0-9A-Z]{6}$/),
      type: 'incident',
      incident_number: 1,
      title: 'Checkout 5xx',
      status: 'triggered',
      urgency: 'high',
      incident_key: 'inc-0193-client-id',
      html_url: expect.stringMatching(/^https:\/\/.+\/incidents\//),
      service: { id: 'PCHKOUT', type: 'service_reference', summary: 'Checkout API' },
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
    });

    const again = await pd('POST', '/incidents', { data: newIncident(), headers: { From: from } });
    expect(again.status).toBe(400);
    expect(again.data).toEqual({ error: { message: 'Invalid Input Provided', code: 2001, errors: ['Open incident with matching dedup key already exists on this service'] } });
    expect(fake.incidents).toHaveLength(1);

    const found = await pd('GET', '/incidents', { data: { incident_key: 'inc-0193-client-id', 'statuses[]': ['triggered', 'acknowledged'] } });
    expect(found.data.incidents.map((i: { id: string }) => i.id)).toEqual([incident.id]);
    expect((await pd('GET', `/incidents/${incident.id}`)).data.incident.id).toBe(incident.id);
    expect((await pd('GET', '/incidents', { data: { 'statuses[]': ['resolved'] } })).data.incidents).toEqual([]);

    // Once resolved, the key is free again (a new incident).
    fake.setIncidentStatus(incident.id, 'resolved');
    const reopened = await pd('POST', '/incidents', { data: newIncident(), headers: { From: from } });
    expect(reopened.status).toBe(201);
    expect(reopened.data.incident.incident_number).toBe(2);

    expect(describeViolations(fake.calls)).toEqual([]);
    // pdjs sends `application/json; charset=utf-8` and the vnd Accept: both pass (D6).
    expect(fake.calls[0]!.headers).toMatchObject({ 'content-type': 'application/json; charset=utf-8', accept: 'application/vnd.pagerduty+json;version=2', from });
    expect(fake.calls.find((c) => c.operation === 'GET /incidents')!.query).toEqual({ incident_key: 'inc-0193-client-id', 'statuses[]': ['triggered', 'acknowledged'] });
  });

  it('answers 400 for an unknown service and 404 for an unknown incident', async () => {
    const bad = await pd('POST', '/incidents', { data: newIncident({ service: { id: 'PNOPE', type: 'service_reference' } }), headers: { From: from } });
    expect(bad.status).toBe(400);
    expect(bad.data.error).toMatchObject({ code: 2001 });
    expect((await pd('GET', '/incidents/PNOPE')).status).toBe(404);
    expect(fake.violations()).toEqual([]);
  });

  it('refuses a wrong or revoked token with 401', async () => {
    expect((await pd('GET', '/services', { token: 'wrong' })).data).toEqual({ error: { message: 'Unauthorized', code: 2006 } });
    expect((await pd('GET', '/services')).status).toBe(200);
    fake.revokeToken();
    expect((await pd('GET', '/services')).status).toBe(401);
    expect(fake.violations()).toEqual([]);
  });
});

describe('PagerDuty REST fake: what a watcher reads and does', () => {
  it('GET /users/me is the token’s user; a fake without users answers as for a key that belongs to nobody', async () => {
    expect((await pd('GET', '/users/me')).data.user).toMatchObject({ id: 'PUSER01', type: 'user', email: from });
    const anonymous = await startPagerDutyFake({ token });
    try {
      const answer = await api({ token, url: `${anonymous.restUrl}/users/me`, method: 'GET', requestTimeout: 0, signal: AbortSignal.timeout(5000) });
      expect(answer.status).toBe(400);
      expect(describeViolations(anonymous.calls)).toEqual([]);
    } finally {
      await anonymous.close();
    }
  });

  it('GET /incidents by status and assignee, the last 30 days unless date_range=all, paginated with total', async () => {
    const old = fake.triggerIncident({ title: 'Old but open', serviceId: 'PCHKOUT', assigneeIds: ['PUSER01'], at: new Date(Date.now() - 40 * 24 * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z') });
    const mine = fake.triggerIncident({ title: 'Checkout 5xx', serviceId: 'PCHKOUT', assigneeIds: ['PUSER01'] });
    fake.triggerIncident({ title: 'Elsewhere', serviceId: 'PSEARCH', assigneeIds: ['PSOMEONE'] });
    const query = { 'statuses[]': ['triggered', 'acknowledged'], 'user_ids[]': ['PUSER01'] };
    expect((await pd('GET', '/incidents', { data: query })).data.incidents.map((i: { id: string }) => i.id)).toEqual([mine.id]);
    const all = await pd('GET', '/incidents', { data: { ...query, date_range: 'all', limit: '1', total: 'true' } });
    expect(all.data).toMatchObject({ more: true, total: 2, incidents: [expect.objectContaining({ id: old.id })] });
    expect((await pd('GET', '/incidents', { data: { 'service_ids[]': ['PSEARCH'], date_range: 'all' } })).data.incidents).toHaveLength(1);
    expect(describeViolations(fake.calls)).toEqual([]);
  });

  it('PUT /incidents/{id}: acknowledge and resolve as the From user; acknowledging a resolved incident reopens it', async () => {
    const incident = fake.triggerIncident({ title: 'Checkout 5xx', serviceId: 'PCHKOUT', assigneeIds: ['PUSER01'] });
    const put = (status: string, headers: Record<string, string> = { From: from }) => pd('PUT', `/incidents/${incident.id}`, { data: { incident: { type: 'incident_reference', status } }, headers });
    expect((await put('acknowledged')).data.incident).toMatchObject({ status: 'acknowledged', last_status_change_by: { id: 'PUSER01' }, acknowledgements: [{ acknowledger: { id: 'PUSER01' } }] });
    expect((await put('resolved')).data.incident).toMatchObject({ status: 'resolved', assignments: [], resolved_at: expect.any(String) });
    expect((await put('acknowledged')).data.incident).toMatchObject({ status: 'acknowledged', assignments: [{ assignee: { id: 'PUSER01' } }] });
    expect((await put('resolved', { From: 'stranger@example.com' })).status).toBe(400);
    expect(describeViolations(fake.violations())).toEqual([]);
    expect((await put('resolved', {})).status).toBe(400); // From is required
    expect(describeViolations(fake.violations())).toEqual(["PUT /incidents/{id}: header must have required property 'from'"]);
  });

  it('escalate and reassign helpers move the assignments', () => {
    const incident = fake.triggerIncident({ title: 'Checkout 5xx', serviceId: 'PCHKOUT', assigneeIds: ['PUSER01'] });
    expect(fake.escalateIncident(incident.id, ['PUSER02']).assignments.map((a) => a.assignee.id)).toEqual(['PUSER02']);
    expect(fake.reassignIncident(incident.id, ['PUSER03'])).toMatchObject({ assigned_via: 'direct_assignment', assignments: [{ assignee: { id: 'PUSER03' } }] });
  });

  it('GET /oncalls: the entries overlapping since..until (default now), by user, earliest per policy and level', async () => {
    const hour = 3600_000;
    const t = Date.parse('2026-03-02T08:00:00Z');
    const iso = (ms: number) => new Date(t + ms).toISOString();
    fake.addOnCallShift({ userId: 'PUSER01', start: iso(-hour), end: iso(hour), escalationPolicyId: 'PEPA', scheduleId: 'PSCHA' });
    fake.addOnCallShift({ userId: 'PUSER01', start: iso(24 * hour), end: iso(32 * hour), escalationPolicyId: 'PEPA', scheduleId: 'PSCHA' });
    fake.addOnCallShift({ userId: 'PUSER02', start: iso(0), end: iso(hour), escalationPolicyId: 'PEPA', level: 2 });
    const week = await pd('GET', '/oncalls', { data: { 'user_ids[]': ['PUSER01'], since: iso(0), until: iso(7 * 24 * hour) } });
    expect(week.data.oncalls).toEqual([
      expect.objectContaining({ user: expect.objectContaining({ id: 'PUSER01' }), escalation_policy: expect.objectContaining({ id: 'PEPA' }), schedule: expect.objectContaining({ id: 'PSCHA' }), escalation_level: 1, start: iso(-hour), end: iso(hour) }),
      expect.objectContaining({ start: iso(24 * hour) }),
    ]);
    const earliest = await pd('GET', '/oncalls', { data: { 'user_ids[]': ['PUSER01'], since: iso(0), until: iso(7 * 24 * hour), earliest: 'true' } });
    expect(earliest.data.oncalls).toHaveLength(1);
    const everyone = await pd('GET', '/oncalls', { data: { since: iso(0), until: iso(0) } });
    expect(everyone.data.oncalls.map((o: { user: { id: string } }) => o.user.id)).toEqual(['PUSER01', 'PUSER02']);
    expect(describeViolations(fake.calls)).toEqual([]);
  });
});

describe('PagerDuty REST fake: wrong requests are violations answered 400', () => {
  it('POST /incidents without incident.type', async () => {
    const { incident } = newIncident();
    const { type: _type, ...withoutType } = incident;
    const response = await pd('POST', '/incidents', { data: { incident: withoutType }, headers: { From: from } });
    expect(response.status).toBe(400);
    expect(response.data).toEqual({ error: { message: 'Invalid Input Provided', code: 2001, errors: ["body/incident must have required property 'type'"] } });
    expect(fake.violations()).toHaveLength(1);
    expect(fake.violations()[0]).toMatchObject({ operation: 'POST /incidents', violations: ["body/incident must have required property 'type'"] });
    expect(fake.incidents).toEqual([]);
  });

  it('POST /incidents without the From header, or with one that is not an email', async () => {
    expect((await pd('POST', '/incidents', { data: newIncident() })).status).toBe(400);
    expect((await pd('POST', '/incidents', { data: newIncident(), headers: { From: 'oncall' } })).status).toBe(400);
    expect(describeViolations(fake.violations())).toEqual(["POST /incidents: header must have required property 'from'", 'POST /incidents: header/from must match format "email"']);
  });

  it('a filter without [] (silently ignored by the real API) and a mistyped one', async () => {
    expect((await pd('GET', '/incidents', { data: { statuses: 'triggered' } })).status).toBe(400);
    expect((await pd('GET', '/incidents', { data: { 'statuses[]': ['open'] } })).status).toBe(400);
    expect((await pd('GET', '/services', { data: { limit: 'ten' } })).status).toBe(400);
    expect(describeViolations(fake.violations())).toEqual([
      "GET /incidents: query must NOT have additional properties: 'statuses'",
      'GET /incidents: query/statuses[]/0 must be equal to one of the allowed values: ["triggered","acknowledged","resolved"]',
      'GET /services: query/limit must be integer',
    ]);
  });

  it('plain fetch without Content-Type (declared required even on GET) or to an unknown path', async () => {
    const headers = { authorization: `Token token=${token}`, accept: 'application/vnd.pagerduty+json;version=2' };
    expect((await fetch(`${fake.restUrl}/services`, { headers })).status).toBe(400);
    expect((await fetch(`${fake.restUrl}/incidents/P1/teleport`, { headers: { ...headers, 'content-type': 'application/json' } })).status).toBe(404);
    expect(describeViolations(fake.violations())).toEqual(["GET /services: header must have required property 'content-type'", 'unknown: unknown operation GET /incidents/P1/teleport']);
  });
});

describe('PagerDuty Events v2 fake', () => {
  it('accepts a trigger, and a repeated trigger with the same dedup_key makes no second alert', async () => {
    const first = await enqueue(trigger());
    expect(first).toEqual({ status: 202, body: { status: 'success', message: 'Event processed', dedup_key: 'inc-0193-client-id' } });
    expect((await enqueue(trigger())).status).toBe(202);
    expect(fake.alerts.size).toBe(1);
    expect(fake.alerts.get('inc-0193-client-id')).toMatchObject({ status: 'triggered', triggers: 2, summary: 'SEV1 Checkout 5xx', severity: 'critical' });

    await enqueue({ routing_key: routingKey, event_action: 'acknowledge', dedup_key: 'inc-0193-client-id' });
    expect(fake.alerts.get('inc-0193-client-id')!.status).toBe('acknowledged');
    await enqueue({ routing_key: routingKey, event_action: 'resolve', dedup_key: 'inc-0193-client-id' });
    expect(fake.alerts.get('inc-0193-client-id')!.status).toBe('resolved');

    const generated = await enqueue(trigger({ dedup_key: undefined }));
    expect(generated.body.dedup_key).toMatch(/^[0-9a-f]{32}$/);
    expect(fake.alerts.size).toBe(2);
    expect(describeViolations(fake.calls)).toEqual([]);
    expect(fake.calls.every((c) => c.operation === 'POST /v2/enqueue')).toBe(true);
  });

  it('an unknown (well-formed) routing key is still 202, recorded as not accepted, and makes no alert', async () => {
    const response = await enqueue(trigger({ routing_key: 'Z'.repeat(32) }));
    expect(response.status).toBe(202);
    expect(fake.events).toEqual([expect.objectContaining({ routing_key: 'Z'.repeat(32), accepted: false, event_action: 'trigger' })]);
    expect(fake.alerts.size).toBe(0);
  });

  it('a malformed routing key is 400 like the real API (not a spec violation)', async () => {
    const response = await enqueue(trigger({ routing_key: 'short' }));
    expect(response).toEqual({ status: 400, body: { status: 'invalid event', message: 'Event object is invalid', errors: ["Length of 'routing_key' is incorrect (should be 32 characters)"] } });
    expect(fake.violations()).toEqual([]);
  });

  it('enqueue without routing_key, a trigger without payload, a resolve without dedup_key: violations, 400 invalid event', async () => {
    const { routing_key: _key, ...withoutKey } = trigger();
    const missingKey = await enqueue(withoutKey);
    expect(missingKey).toEqual({ status: 400, body: { status: 'invalid event', message: 'Event object is invalid', errors: ["body must have required property 'routing_key'"] } });
    expect((await enqueue(trigger({ payload: undefined }))).status).toBe(400);
    expect((await enqueue({ routing_key: routingKey, event_action: 'resolve' })).status).toBe(400);
    expect((await enqueue(trigger({ payload: { summary: 'x', source: 'y', severity: 'sev1' } }))).status).toBe(400);
    expect(describeViolations(fake.violations())).toEqual([
      "POST /v2/enqueue: body must have required property 'routing_key'",
      "POST /v2/enqueue: body must have required property 'payload'",
      "POST /v2/enqueue: body must have required property 'dedup_key'",
      'POST /v2/enqueue: body/payload/severity must be equal to one of the allowed values: ["critical","warning","error","info"]',
    ]);
    expect(fake.alerts.size).toBe(0);
  });
});

describe('PagerDuty fake: fault injection', () => {
  it('a 500 on POST /incidents changes nothing; the retry with the same key creates exactly one incident', async () => {
    fake.fail('POST /incidents', { kind: 'status', status: 500 });
    const failed = await pd('POST', '/incidents', { data: newIncident(), headers: { From: from } });
    expect(failed.status).toBe(500);
    expect(fake.incidents).toEqual([]);
    expect((await pd('POST', '/incidents', { data: newIncident(), headers: { From: from } })).status).toBe(201);
    expect(fake.incidents).toHaveLength(1);
  });

  it('429 with Retry-After: pdjs retries on its own (here with retryTimeout 0) and hands back the last 429', async () => {
    fake.fail('GET /services', { kind: 'status', status: 429, retryAfterSeconds: 3 }, 4);
    const response = await pd('GET', '/services');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(response.headers.get('ratelimit-reset')).toBe('3');
    expect(fake.calls).toHaveLength(4); // pdjs's own three retries: the app must own its retry policy
  });

  it('a garbage body, a reset socket and a hung answer reject the call', async () => {
    fake.fail('GET /services', { kind: 'garbage' });
    fake.fail('GET /services/{id}', { kind: 'reset' });
    fake.fail('GET /incidents', { kind: 'hang' });
    await expect(pd('GET', '/services')).rejects.toBeDefined();
    await expect(pd('GET', '/services/PCHKOUT')).rejects.toBeDefined();
    await expect(pd('GET', '/incidents', { signal: AbortSignal.timeout(200) })).rejects.toBeDefined();
    expect(fake.calls.map((c) => c.operation)).toEqual(['GET /services', 'GET /services/{id}', 'GET /incidents']);
  });

  it('Events: 429 with Retry-After, then the event goes through once', async () => {
    fake.fail('POST /v2/enqueue', { kind: 'status', status: 429, retryAfterSeconds: 2 });
    const limited = await fetch(`${fake.eventsUrl}/v2/enqueue`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(trigger()) });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(fake.alerts.size).toBe(0);
    expect((await enqueue(trigger())).status).toBe(202);
    expect(fake.alerts.get('inc-0193-client-id')!.triggers).toBe(1);
  });

  it('latency and delay only slow answers down; eventsLatencyMs is separate', async () => {
    fake.latencyMs = 20;
    fake.eventsLatencyMs = 0;
    fake.fail('POST /v2/enqueue', { kind: 'delay', ms: 20 });
    expect((await pd('GET', '/services')).status).toBe(200);
    expect((await enqueue(trigger())).status).toBe(202);
    expect(fake.violations()).toEqual([]);
  });

  it('refuses to inject a fault into an operation PagerDuty does not have (typo guard)', () => {
    expect(() => fake.fail('POST /incident', { kind: 'hang' })).toThrow(/no operation 'POST \/incident'/);
  });
});
