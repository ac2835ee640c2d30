// A fake PagerDuty for tests: REST API v2 and Events API v2 on one real HTTP server (Events under
// `/v2/…`). Every request is checked against PagerDuty's own specs (spec-validator.ts). Drive REST with
// the real @pagerduty/pdjs client (`api({ token, url: fake.restUrl, requestTimeout: 0 })`, read
// `response.data`) and Events with a plain `fetch` POST to `${fake.eventsUrl}/v2/enqueue`.
//
// Behaviour the app relies on, as the real service does it:
// - `POST /incidents` with the `incident_key` of an OPEN incident on the same service answers 400
//   "Open incident with matching dedup key already exists on this service" (look it up, don't retry).
// - Events: a trigger with the `dedup_key` of an open alert does not make a second alert; an unknown
//   (but well-formed) routing key is still answered 202, and recorded with `accepted: false`.
// - `GET /incidents` without `date_range=all` or `since` only looks at the last 30 days (the real
//   default range), so a watcher of open incidents must ask for `date_range=all`.
// - `PUT /incidents/{id}` acknowledging or triggering a RESOLVED incident reopens it (as the spec
//   says); resolving empties its assignments. The status change is attributed to the `From` user.
// - `GET /oncalls` lists the entries overlapping `since`..`until` (both default to now), with
//   `earliest=true` keeping the first entry per user, escalation policy and level.
// Approximations (the real wording is not documented): the 400 for a `From` that is not a user of the
// account (checked only when `users` are given), the 400 of `GET /users/me` for a key that belongs to
// no user (no `users` given), and the bodies of injected 429/5xx answers.
import { randomUUID } from 'node:crypto';
import { pagerDutyEventsValidator, pagerDutyRestValidator, type SpecValidator } from './spec-validator.js';
import { FakeServer, type Answer, type FakeControls, type Handled, type IncomingCall } from './fake-http.js';

export { describeViolations, type Fault, type FakeControls, type RecordedCall } from './fake-http.js';

export interface PagerDutyFakeOptions {
  token: string;
  /** The Events API v2 integration key the fake knows (32 characters); any well-formed key when omitted. */
  routingKey?: string;
  latencyMs?: number;
  /** Latency of Events calls; `latencyMs` when omitted. */
  eventsLatencyMs?: number;
  services?: { id: string; name: string; summary?: string }[];
  users?: FakeUser[];
  /** The user the token belongs to (`GET /users/me`); the first of `users` when omitted. */
  me?: string;
}

export interface FakeUser {
  id: string;
  email: string;
  name?: string;
}

/** An on-call entry: `user` is on call for `escalationPolicyId` at `level` from `start` to `end` (null: open). */
export interface OnCallShift {
  userId: string;
  escalationPolicyId: string;
  scheduleId?: string;
  level: number;
  start: string | null;
  end: string | null;
}

export type IncidentStatus = 'triggered' | 'acknowledged' | 'resolved';

export interface Reference {
  id: string;
  type: string;
  summary: string;
  self: string;
  html_url: string;
}

export interface PagerDutyIncident {
  id: string;
  type: 'incident';
  summary: string;
  self: string;
  html_url: string;
  incident_number: number;
  title: string;
  description: string;
  status: IncidentStatus;
  urgency: 'high' | 'low';
  incident_key: string;
  service: Reference;
  escalation_policy: Reference;
  assignments: { at: string; assignee: Reference }[];
  assigned_via: 'escalation_policy' | 'direct_assignment';
  acknowledgements: { at: string; acknowledger: Reference }[];
  last_status_change_by?: Reference;
  teams: Reference[];
  priority: unknown;
  body?: unknown;
  created_at: string;
  updated_at: string;
  last_status_change_at: string;
  resolved_at: string | null;
  alert_counts: { all: number; triggered: number; resolved: number };
  is_mergeable: boolean;
  pending_actions: unknown[];
}

export interface PagerDutyService {
  id: string;
  type: 'service';
  summary: string;
  self: string;
  html_url: string;
  name: string;
  description: string | null;
  status: 'active';
  created_at: string;
  updated_at: string;
  escalation_policy: Reference;
  teams: Reference[];
  alert_creation: 'create_alerts_and_incidents';
  auto_resolve_timeout: number | null;
  acknowledgement_timeout: number | null;
  incident_urgency_rule: { type: 'constant'; urgency: 'high' };
}

export interface PagerDutyAlert {
  dedup_key: string;
  routing_key: string;
  status: IncidentStatus;
  summary: string;
  severity: string;
  source: string;
  payload: unknown;
  /** Triggers received for this alert while it was open (the first one included). */
  triggers: number;
  created_at: string;
  updated_at: string;
}

export interface ReceivedEvent {
  at: string;
  routing_key: string;
  event_action: string;
  dedup_key: string | undefined;
  /** False when the routing key is not the fake's (the real API still answers 202). */
  accepted: boolean;
  body: unknown;
}

const WEB = 'https://fake.pagerduty.com';
const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
const pdError = (status: number, message: string, code: number, errors?: string[]): Answer => ({ status, body: { error: { message, code, ...(errors ? { errors } : {}) } } });
const invalidInput = (errors: string[]) => pdError(400, 'Invalid Input Provided', 2001, errors);
const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[value.length - 1] : value);

export class PagerDutyFake extends FakeServer implements FakeControls {
  readonly incidents: PagerDutyIncident[] = [];
  readonly alerts = new Map<string, PagerDutyAlert>();
  readonly events: ReceivedEvent[] = [];
  readonly services: PagerDutyService[];
  readonly onCallShifts: OnCallShift[] = [];
  eventsLatencyMs: number | undefined;
  private token: string;
  private readonly routingKey: string | undefined;
  private readonly users: FakeUser[] | undefined;
  private readonly meId: string | undefined;
  private revoked = false;
  private incidentSequence = 0;

  constructor(
    private readonly rest: SpecValidator,
    private readonly eventsApi: SpecValidator,
    options: PagerDutyFakeOptions,
  ) {
    super(options.latencyMs);
    this.token = options.token;
    this.routingKey = options.routingKey;
    this.users = options.users;
    this.meId = options.me ?? options.users?.[0]?.id;
    this.eventsLatencyMs = options.eventsLatencyMs;
    const created = now();
    this.services = (options.services ?? []).map((s) => ({
      id: s.id,
      type: 'service',
      summary: s.summary ?? s.name,
      self: `${WEB}/api/services/${s.id}`,
      html_url: `${WEB}/service-directory/${s.id}`,
      name: s.name,
      description: null,
      status: 'active',
      created_at: created,
      updated_at: created,
      escalation_policy: reference('escalation_policy_reference', 'PFAKEEP', 'Default'),
      teams: [],
      alert_creation: 'create_alerts_and_incidents',
      auto_resolve_timeout: null,
      acknowledgement_timeout: null,
      incident_urgency_rule: { type: 'constant', urgency: 'high' },
    }));
  }

  get restUrl(): string {
    return this.origin;
  }

  get eventsUrl(): string {
    return this.origin;
  }

  revokeToken(): void {
    this.revoked = true;
  }

  service(id: string): PagerDutyService | undefined {
    return this.services.find((s) => s.id === id);
  }

  /** A new valid token (a person pasted a new key in Settings); the old one stops working, a revoke ends. */
  setToken(token: string): void {
    this.token = token;
    this.revoked = false;
  }

  /** For tests: what a responder would do in the PagerDuty UI (`byUserId`: who did it). */
  setIncidentStatus(id: string, status: IncidentStatus, byUserId?: string): PagerDutyIncident {
    const incident = this.incident(id);
    const at = now();
    incident.status = status;
    incident.updated_at = at;
    incident.last_status_change_at = at;
    incident.resolved_at = status === 'resolved' ? at : null;
    if (status === 'resolved') incident.assignments = [];
    if (byUserId !== undefined) incident.last_status_change_by = this.userReference(byUserId);
    return incident;
  }

  /**
   * For tests: an alert opened an incident on `serviceId`, assigned by its escalation policy to
   * `assigneeIds` (what a monitoring integration does; no request is recorded).
   */
  triggerIncident(input: { title: string; serviceId: string; assigneeIds: string[]; urgency?: 'high' | 'low'; at?: string }): PagerDutyIncident {
    const service = this.service(input.serviceId);
    if (!service) throw new Error(`no service ${input.serviceId} in the PagerDuty fake`);
    const incident = this.newIncident({ title: input.title, service, urgency: input.urgency ?? 'high', key: randomUUID().replace(/-/g, ''), assigneeIds: input.assigneeIds, via: 'escalation_policy', at: input.at ?? now() });
    this.incidents.push(incident);
    return incident;
  }

  /** For tests: the escalation policy moved the incident on to the next level's `assigneeIds`. */
  escalateIncident(id: string, assigneeIds: string[], at = now()): PagerDutyIncident {
    const incident = this.incident(id);
    incident.assignments = assigneeIds.map((userId) => ({ at, assignee: this.userReference(userId) }));
    incident.assigned_via = 'escalation_policy';
    incident.status = 'triggered';
    incident.updated_at = at;
    return incident;
  }

  /** For tests: someone reassigned the incident directly (it keeps its status). */
  reassignIncident(id: string, assigneeIds: string[], at = now()): PagerDutyIncident {
    const incident = this.incident(id);
    incident.assignments = assigneeIds.map((userId) => ({ at, assignee: this.userReference(userId) }));
    incident.assigned_via = 'direct_assignment';
    incident.updated_at = at;
    return incident;
  }

  /** For tests: a schedule put `userId` on call (times as ISO strings; null for an open end). */
  addOnCallShift(shift: Partial<OnCallShift> & { userId: string; start: string | null; end: string | null }): OnCallShift {
    const entry: OnCallShift = { escalationPolicyId: 'PFAKEEP', level: 1, ...shift };
    this.onCallShifts.push(entry);
    return entry;
  }

  removeOnCallShift(shift: OnCallShift): void {
    const index = this.onCallShifts.indexOf(shift);
    if (index >= 0) this.onCallShifts.splice(index, 1);
  }

  private incident(id: string): PagerDutyIncident {
    const incident = this.incidents.find((i) => i.id === id);
    if (!incident) throw new Error(`no incident ${id} in the PagerDuty fake`);
    return incident;
  }

  private user(id: string): FakeUser | undefined {
    return this.users?.find((u) => u.id === id);
  }

  private userReference(id: string): Reference {
    const user = this.user(id);
    return reference('user_reference', id, user?.name ?? user?.email ?? id);
  }

  private newIncident(input: { title: string; service: PagerDutyService; urgency: 'high' | 'low'; key: string; assigneeIds: string[]; via: PagerDutyIncident['assigned_via']; at: string; priority?: unknown; body?: unknown }): PagerDutyIncident {
    this.incidentSequence += 1;
    const id = `P${this.incidentSequence.toString(36).toUpperCase().padStart(6, '0')}`;
    const at = input.at;
    return {
      id,
      type: 'incident',
      summary: `[#${this.incidentSequence}] ${input.title}`,
      self: `${WEB}/api/incidents/${id}`,
      html_url: `${WEB}/incidents/${id}`,
      incident_number: this.incidentSequence,
      title: input.title,
      description: input.title,
      status: 'triggered',
      urgency: input.urgency,
      incident_key: input.key,
      service: reference('service_reference', input.service.id, input.service.summary, `service-directory/${input.service.id}`),
      escalation_policy: input.service.escalation_policy,
      assignments: input.assigneeIds.map((userId) => ({ at, assignee: this.userReference(userId) })),
      assigned_via: input.via,
      acknowledgements: [],
      teams: [],
      priority: input.priority ?? null,
      ...(input.body !== undefined ? { body: input.body } : {}),
      created_at: at,
      updated_at: at,
      last_status_change_at: at,
      resolved_at: null,
      alert_counts: { all: 0, triggered: 0, resolved: 0 },
      is_mergeable: true,
      pending_actions: [],
    };
  }

  protected checkOperation(operation: string): void {
    if (!this.rest.hasOperation(operation) && !this.eventsApi.hasOperation(operation)) throw new Error(`PagerDuty has no operation '${operation}' (write e.g. 'POST /incidents' or 'POST /v2/enqueue')`);
  }

  protected faultAnswer(status: number, operation: string, retryAfterSeconds: number | undefined): Answer {
    const headers: Record<string, string> = retryAfterSeconds === undefined ? {} : { 'ratelimit-reset': String(retryAfterSeconds) };
    if (operation.startsWith('POST /v2/')) return { status, headers, body: status === 429 ? { status: 'throttle event', message: 'Requests for this service are arriving too quickly. Please retry later.' } : { status: 'error', message: 'Internal Server Error' } };
    return status === 429 ? { ...pdError(429, 'Rate Limit Exceeded', 2020), headers } : { ...pdError(status, 'Internal Server Error', 2000), headers };
  }

  protected handle(call: IncomingCall): Handled {
    return call.path.startsWith('/v2/') ? this.handleEvent(call) : this.handleRest(call);
  }

  // ---------------------------------------------------------------------------------------------
  // REST

  private handleRest(call: IncomingCall): Handled {
    const outcome = this.rest.validate(call);
    const violations = outcome.violations;
    const operation = outcome.operation ?? 'unknown';
    const route = outcome.operation !== undefined && Object.hasOwn(this.routes, outcome.operation) ? this.routes[outcome.operation] : undefined;
    if (outcome.operation !== undefined && !route) violations.push(`${outcome.operation} is in the spec but not implemented by the PagerDuty fake`);
    const respond = (): Answer => {
      if (!route) return pdError(404, 'Not Found', 2100);
      const authorization = single(call.headers.authorization);
      if (authorization !== `Token token=${this.token}` || this.revoked) return pdError(401, 'Unauthorized', 2006);
      if (violations.length > 0) return invalidInput(violations);
      return route({ params: outcome.params, query: call.query, headers: call.headers, body: outcome.body });
    };
    return { operation, body: outcome.body, violations, respond };
  }

  private readonly routes: Record<string, (request: { params: Record<string, string>; query: IncomingCall['query']; headers: IncomingCall['headers']; body: unknown }) => Answer> = {
    'GET /services': ({ query }) => {
      const text = (single(query.query) ?? '').toLowerCase();
      const name = single(query.name);
      const matching = this.services.filter((s) => s.name.toLowerCase().includes(text) && (name === undefined || s.name === name)).sort((a, b) => a.name.localeCompare(b.name));
      const { items, meta } = page(matching, query);
      return { status: 200, body: { services: items, ...meta } };
    },

    'GET /services/{id}': ({ params }) => {
      const service = this.service(params.id ?? '');
      return service ? { status: 200, body: { service } } : pdError(404, 'Not Found', 2100);
    },

    'POST /incidents': ({ headers, body }) => {
      const from = single(headers.from) ?? '';
      if (this.users && !this.users.some((u) => u.email.toLowerCase() === from.toLowerCase())) return invalidInput(['From header must be the email address of a user of this account']);
      const input = (body as { incident: IncidentInput }).incident;
      const service = this.service(input.service.id);
      if (!service) return invalidInput(['Service not found']);
      if (input.title.trim() === '') return invalidInput(['Title cannot be empty.']);
      const key = input.incident_key ?? randomUUID().replace(/-/g, '');
      if (this.incidents.some((i) => i.service.id === service.id && i.incident_key === key && i.status !== 'resolved')) return invalidInput(['Open incident with matching dedup key already exists on this service']);
      const assignees = (input.assignments ?? []).map((a) => a.assignee?.id).filter((id): id is string => typeof id === 'string');
      const unknownAssignee = assignees.find((id) => this.users && !this.users.some((u) => u.id === id));
      if (unknownAssignee) return invalidInput([`Assignee ${unknownAssignee} not found`]);

      const incident = this.newIncident({ title: input.title, service, urgency: input.urgency ?? 'high', key, assigneeIds: assignees, via: assignees.length ? 'direct_assignment' : 'escalation_policy', at: now(), priority: input.priority, body: input.body });
      this.incidents.push(incident);
      return { status: 201, body: { incident } };
    },

    'GET /incidents': ({ query }) => {
      const key = single(query.incident_key);
      const statuses = list(query['statuses[]']);
      const serviceIds = list(query['service_ids[]']);
      const userIds = list(query['user_ids[]']);
      const urgencies = list(query['urgencies[]']);
      // Without date_range=all the real API looks at [since, until), by default the last 30 days.
      const all = single(query.date_range) === 'all';
      const until = Date.parse(single(query.until) ?? '') || Date.now();
      const since = Date.parse(single(query.since) ?? '') || until - 30 * 24 * 3600_000;
      const matching = this.incidents.filter(
        (i) =>
          (key === undefined || i.incident_key === key) &&
          (statuses.length === 0 || statuses.includes(i.status)) &&
          (serviceIds.length === 0 || serviceIds.includes(i.service.id)) &&
          (userIds.length === 0 || i.assignments.some((a) => userIds.includes(a.assignee.id))) &&
          (urgencies.length === 0 || urgencies.includes(i.urgency)) &&
          (all || (Date.parse(i.created_at) >= since && Date.parse(i.created_at) < until)),
      );
      const { items, meta } = page(matching, query);
      return { status: 200, body: { incidents: items, ...meta } };
    },

    'GET /incidents/{id}': ({ params }) => {
      const incident = this.incidents.find((i) => i.id === params.id || String(i.incident_number) === params.id);
      return incident ? { status: 200, body: { incident } } : pdError(404, 'Not Found', 2100);
    },

    'PUT /incidents/{id}': ({ params, headers, body }) => {
      const incident = this.incidents.find((i) => i.id === params.id || String(i.incident_number) === params.id);
      if (!incident) return pdError(404, 'Not Found', 2100);
      const from = single(headers.from) ?? '';
      const actor = this.users?.find((u) => u.email.toLowerCase() === from.toLowerCase());
      if (this.users && !actor) return invalidInput(['From header must be the email address of a user of this account']);
      const change = (body as { incident: { status?: IncidentStatus; title?: string; urgency?: 'high' | 'low'; assignments?: { assignee?: { id?: string } }[] } }).incident;
      const at = now();
      const by = actor ? this.userReference(actor.id) : reference('user_reference', 'PUNKNOWN', from);
      if (change.assignments) {
        const ids = change.assignments.map((a) => a.assignee?.id).filter((id): id is string => typeof id === 'string');
        const unknown = ids.find((id) => this.users && !this.user(id));
        if (unknown) return invalidInput([`Assignee ${unknown} not found`]);
        incident.assignments = ids.map((userId) => ({ at, assignee: this.userReference(userId) }));
        incident.assigned_via = 'direct_assignment';
      }
      if (change.title !== undefined) incident.title = change.title;
      if (change.urgency !== undefined) incident.urgency = change.urgency;
      if (change.status !== undefined && change.status !== incident.status) {
        // Acknowledging or triggering a resolved incident reopens it, assigned to the one who did it.
        if (incident.status === 'resolved' && incident.assignments.length === 0 && actor) incident.assignments = [{ at, assignee: this.userReference(actor.id) }];
        incident.status = change.status;
        incident.last_status_change_at = at;
        incident.last_status_change_by = by;
        incident.resolved_at = change.status === 'resolved' ? at : null;
        if (change.status === 'acknowledged') incident.acknowledgements.push({ at, acknowledger: by });
        if (change.status === 'resolved') incident.assignments = [];
      }
      incident.updated_at = at;
      return { status: 200, body: { incident } };
    },

    'GET /users/me': () => {
      const user = this.meId === undefined ? undefined : this.user(this.meId);
      if (!user) return invalidInput(['This API key does not belong to a user: use a user API key to access /users/me']);
      return { status: 200, body: { user: { ...reference('user', user.id, user.name ?? user.email), name: user.name ?? user.email, email: user.email, time_zone: 'Etc/UTC', role: 'user' } } };
    },

    'GET /oncalls': ({ query }) => {
      const userIds = list(query['user_ids[]']);
      const policyIds = list(query['escalation_policy_ids[]']);
      const scheduleIds = list(query['schedule_ids[]']);
      const since = Date.parse(single(query.since) ?? '') || Date.now();
      const until = Date.parse(single(query.until) ?? '') || since;
      const starts = (s: OnCallShift) => (s.start === null ? -Infinity : Date.parse(s.start));
      const ends = (s: OnCallShift) => (s.end === null ? Infinity : Date.parse(s.end));
      let matching = this.onCallShifts
        .filter(
          (s) =>
            (userIds.length === 0 || userIds.includes(s.userId)) &&
            (policyIds.length === 0 || policyIds.includes(s.escalationPolicyId)) &&
            (scheduleIds.length === 0 || (s.scheduleId !== undefined && scheduleIds.includes(s.scheduleId))) &&
            starts(s) <= until &&
            ends(s) > since,
        )
        .sort((a, b) => starts(a) - starts(b));
      if (single(query.earliest) === 'true') {
        const seen = new Set<string>();
        matching = matching.filter((s) => {
          const key = `${s.userId}|${s.escalationPolicyId}|${s.level}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
      }
      const { items, meta } = page(matching, query);
      const oncalls = items.map((s) => ({
        user: this.userReference(s.userId),
        escalation_policy: reference('escalation_policy_reference', s.escalationPolicyId, s.escalationPolicyId === 'PFAKEEP' ? 'Default' : s.escalationPolicyId),
        schedule: s.scheduleId === undefined ? null : reference('schedule_reference', s.scheduleId, s.scheduleId),
        escalation_level: s.level,
        start: s.start,
        end: s.end,
      }));
      return { status: 200, body: { oncalls, ...meta } };
    },
  };

  // ---------------------------------------------------------------------------------------------
  // Events v2

  private handleEvent(call: IncomingCall): Handled {
    const outcome = this.eventsApi.validate(call);
    const violations = outcome.violations;
    const operation = outcome.operation ?? 'unknown';
    const latencyMs = this.eventsLatencyMs;
    const respond = (): Answer => {
      if (outcome.operation === undefined) return { status: 404, body: { status: 'not found', message: 'Not Found' } };
      if (violations.length > 0) return { status: 400, body: { status: 'invalid event', message: 'Event object is invalid', errors: violations } };
      const event = outcome.body as EventInput;
      if (event.routing_key.length !== 32) return { status: 400, body: { status: 'invalid event', message: 'Event object is invalid', errors: ["Length of 'routing_key' is incorrect (should be 32 characters)"] } };
      const accepted = this.routingKey === undefined || event.routing_key === this.routingKey;
      if (outcome.operation === 'POST /v2/change/enqueue') {
        this.events.push({ at: now(), routing_key: event.routing_key, event_action: 'change', dedup_key: undefined, accepted, body: event });
        return { status: 202, body: { status: 'success', message: 'Change event processed' } };
      }
      const dedupKey = event.dedup_key ?? randomUUID().replace(/-/g, '');
      this.events.push({ at: now(), routing_key: event.routing_key, event_action: event.event_action, dedup_key: dedupKey, accepted, body: event });
      if (accepted) this.applyEvent(event, dedupKey);
      return { status: 202, body: { status: 'success', message: 'Event processed', dedup_key: dedupKey } };
    };
    return { operation, body: outcome.body, violations, respond, ...(latencyMs !== undefined ? { latencyMs } : {}) };
  }

  private applyEvent(event: EventInput, dedupKey: string): void {
    const at = now();
    const existing = this.alerts.get(dedupKey);
    if (event.event_action === 'trigger') {
      if (existing && existing.status !== 'resolved') {
        existing.triggers += 1;
        existing.updated_at = at;
        return;
      }
      const payload = event.payload!;
      this.alerts.set(dedupKey, { dedup_key: dedupKey, routing_key: event.routing_key, status: 'triggered', summary: payload.summary, severity: payload.severity, source: payload.source, payload, triggers: 1, created_at: at, updated_at: at });
      return;
    }
    // acknowledge / resolve of an unknown or resolved alert is accepted and does nothing (real behaviour).
    if (!existing || existing.status === 'resolved') return;
    existing.status = event.event_action === 'acknowledge' ? 'acknowledged' : 'resolved';
    existing.updated_at = at;
  }
}

interface IncidentInput {
  title: string;
  service: { id: string };
  urgency?: 'high' | 'low';
  incident_key?: string;
  priority?: unknown;
  body?: unknown;
  assignments?: { assignee?: { id?: string } }[];
}

interface EventInput {
  routing_key: string;
  event_action: 'trigger' | 'acknowledge' | 'resolve';
  dedup_key?: string;
  payload?: { summary: string; severity: string; source: string };
}

function reference(type: string, id: string, summary: string, webPath?: string): Reference {
  const resource = type.replace(/_reference$/, '') + 's';
  return { id, type, summary, self: `${WEB}/api/${resource}/${id}`, html_url: `${WEB}/${webPath ?? `${resource}/${id}`}` };
}

/** PagerDuty classic pagination: `limit` (default 25, at most 100), `offset`, `more`, `total` (only with `total=true`). */
function page<T>(items: T[], query: IncomingCall['query']): { items: T[]; meta: { limit: number; offset: number; more: boolean; total: number | null } } {
  const limit = Math.min(Math.max(Number(single(query.limit) ?? 25) || 25, 1), 100);
  const offset = Math.max(Number(single(query.offset) ?? 0) || 0, 0);
  return {
    items: items.slice(offset, offset + limit),
    meta: { limit, offset, more: offset + limit < items.length, total: single(query.total) === 'true' ? items.length : null },
  };
}

export async function startPagerDutyFake(options: PagerDutyFakeOptions): Promise<PagerDutyFake> {
  const [rest, events] = await Promise.all([pagerDutyRestValidator(), pagerDutyEventsValidator()]);
  const fake = new PagerDutyFake(rest, events, options);
  await fake.listen();
  return fake;
}
