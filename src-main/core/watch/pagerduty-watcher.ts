// Watches PagerDuty for me (issue #6): am I paged, did a page I hold escalate or resolve, am I on
// call now and when next. It polls through the PagerDuty gateway (pdjs with our deadline), diffs what
// it sees against the position it keeps in SQLite, and reports events to a sink; the notification
// center decides what is shown (ledger, quiet, grouping). It never shows anything itself.
//
// What it keeps across restarts (WatchPositions, source `pagerduty`): whose incidents they are, the
// open incidents assigned to me with their status and assignees, and whether I was on call, my next
// shift and the heads-up already given. No stored position means first start: what is open then is
// the baseline and is not notified. After a restart or sleep the diff against the stored position
// tells what changed meanwhile — as a state, not a replay: a page that was triggered and resolved
// while asleep never shows up in the diff, so it is (rightly) not a "paged" notification. Event ids
// are stable (PagerDuty ids and times, never our clock), so when the same change is seen twice (a
// crash before the position was saved) the ledger drops the repeat.
//
// Request budget (PagerDuty allows 960 requests/min per key). One cycle asks `GET /incidents` (one
// page of 100 unless more than 100 incidents are assigned to me; at most MAX_PAGES), `GET /oncalls`
// only when the last answer is 5 minutes old, `GET /incidents/{id}` only for an incident that left my
// list (at most MAX_LOOKUPS a cycle), `GET /users/me` once per API key. Per hour, with the defaults:
//   paged (a triggered incident, 15 s):  240 cycles × 1 + 12 on-call + 1 me = 253  (≈ 4.2/min)
//   idle (60 s):                          60 × 1 + 12 + 1                  =  73  (≈ 1.2/min)
//   idle on battery (120 s):              30 × 1 + 12 + 1                  =  43
//   ceiling (15 s, > 500 incidents assigned to me, 5 leaving the list every cycle):
//                                        240 × (5 + 5) + 12 × 5 + 1       = 2461 (≈ 41/min, 4% of the limit)
// plus what a person does (acknowledge/resolve: a check, the PUT, one refresh cycle) and the cycles the
// shell asks for after wake or reconnect. Errors only slow it down (429: the vendor's wait; 5xx,
// network: doubling to 5 min; a refused key: the idle interval or longer). pdjs re-sends a 429 up to
// three times on its own (the gateway keeps that wait short); `requestCount` counts our calls.
import { z } from 'zod';
import type { PagerDutyGateway, PagerDutyRequest } from '../pagerduty/pagerduty-gateway.js';
import type { WatchPositions } from '../notify/notification-ledger.js';
import type { Clock } from '../ports.js';
import { asStepError, StepError } from '../retry/step-error.js';
import { canonicalTime, mergeOnCallEntries, onCallAt, type OnCallEntry, type OnCallWindow } from './pagerduty-oncall.js';
import type { WatchEvent, WatchSink } from './watch-event.js';

export interface PagerDutyWatchState {
  me?: { id: string; email?: string; name?: string };
  onCall: { now: boolean; until?: string; next?: { start: string; end: string } };
  /** My triggered/acknowledged incidents, newest first: what the popover shows and can act on. */
  assigned: { id: string; title: string; status: 'triggered' | 'acknowledged'; urgency?: string; url: string; service?: string; createdAt: string }[];
  /** A failing token named with its fix ("PagerDuty refused the API key: update it in Settings"); undefined when fine. */
  problem?: string;
  polledAt?: string;
}

export interface PagerDutyWatchIntervals {
  /** While something assigned to me is triggered. */
  pagedMs: number;
  idleMs: number;
  /** Idle on battery. */
  batteryMs: number;
}

export interface PagerDutyWatcherOptions {
  /** The gateway of the current settings; undefined when no PagerDuty API key is set. A new object means a new key. */
  gateway: () => PagerDutyGateway | undefined;
  /** The `From` of acknowledge/resolve; the key's own user's email (`/users/me`) when undefined. */
  fromEmail: () => string | undefined;
  sink: WatchSink;
  positions: WatchPositions;
  clock: Clock;
  onState(state: PagerDutyWatchState): void;
  onBattery?: () => boolean;
  intervals?: PagerDutyWatchIntervals;
  /** How long before my next shift the heads-up comes (15 min). */
  headsUpMs?: number;
}

export const DEFAULT_PAGERDUTY_INTERVALS: PagerDutyWatchIntervals = { pagedMs: 15_000, idleMs: 60_000, batteryMs: 120_000 };
const HEADS_UP_MS = 15 * 60_000;
const ONCALL_REFRESH_MS = 5 * 60_000;
const ONCALL_HORIZON_MS = 7 * 24 * 3600_000;
const MAX_BACKOFF_MS = 5 * 60_000;
const PAGE_SIZE = 100;
const MAX_PAGES = 5;
const MAX_LOOKUPS = 5;
const POSITION = 'pagerduty';
/** The first failure of the ongoing refused-key episode (ISO), '' when none. */
const TOKEN_EPISODE = 'pagerduty:token-failure';

/** Requests per hour in the worst case of each mode with the default intervals (see the comment above). */
export const PAGERDUTY_REQUEST_BUDGET = { pagedPerHour: 253, idlePerHour: 73, batteryPerHour: 43, ceilingPerHour: 2461 } as const;

// ------------------------------------------------------------------------------------------------
// The part of PagerDuty's answers we read.

const referenceSchema = z.object({ id: z.string(), summary: z.string().nullish() });
const incidentSchema = z.object({
  id: z.string(),
  title: z.string().nullish(),
  summary: z.string().nullish(),
  status: z.enum(['triggered', 'acknowledged', 'resolved']),
  urgency: z.string().nullish(),
  html_url: z.string().nullish(),
  service: referenceSchema.nullish(),
  assignments: z.array(z.object({ at: z.string().nullish(), assignee: referenceSchema })).nullish(),
  assigned_via: z.string().nullish(),
  created_at: z.string(),
  last_status_change_at: z.string().nullish(),
  last_status_change_by: referenceSchema.nullish(),
  resolved_at: z.string().nullish(),
});
type Incident = z.output<typeof incidentSchema>;
const incidentsPageSchema = z.object({ incidents: z.array(incidentSchema), more: z.boolean().nullish() });
const incidentAnswerSchema = z.object({ incident: incidentSchema });
const meSchema = z.object({ user: z.object({ id: z.string(), email: z.string().nullish(), name: z.string().nullish(), summary: z.string().nullish() }) });
const oncallsPageSchema = z.object({
  oncalls: z.array(z.object({ escalation_policy: referenceSchema.nullish(), start: z.string().nullish(), end: z.string().nullish() })),
  more: z.boolean().nullish(),
});

// ------------------------------------------------------------------------------------------------
// What is kept across restarts.

interface TrackedIncident {
  title: string;
  status: 'triggered' | 'acknowledged';
  /** Assignee ids, sorted. */
  assignees: string[];
  url: string;
  service?: string;
  urgency?: string;
  createdAt: string;
  lastStatusChangeAt?: string;
}

interface StoredPosition {
  v: 1;
  /** Whose incidents these are: another person's key starts a new baseline. */
  userId: string;
  polledAt: string;
  incidents: Record<string, TrackedIncident>;
  onCall: {
    now: boolean;
    /** The end of the shift I was in. */
    until?: string;
    next?: { start: string; end?: string; policyId: string; policyName?: string };
    /** The start of the shift whose heads-up was given. */
    soonFor?: string;
  };
}

const storedPositionSchema = z.object({ v: z.literal(1), userId: z.string(), polledAt: z.string(), incidents: z.record(z.string(), z.any()), onCall: z.object({ now: z.boolean() }).loose() }).loose();

interface Me {
  id: string;
  email?: string;
  name?: string;
}

const clockTime = (iso: string) => new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
const titleOf = (incident: Incident) => incident.title ?? incident.summary ?? incident.id;
const assigneesOf = (incident: Incident) => [...new Set((incident.assignments ?? []).map((a) => a.assignee.id))].sort();
const namesOf = (incident: Incident) => (incident.assignments ?? []).map((a) => a.assignee.summary ?? a.assignee.id).join(', ') || 'nobody';

export class PagerDutyWatcher {
  private readonly intervals: PagerDutyWatchIntervals;
  private readonly headsUpMs: number;
  private gateway: PagerDutyGateway | undefined;
  private me: Me | undefined;
  private position: StoredPosition | undefined;
  private positionLoaded = false;
  private windows: OnCallWindow[] = [];
  private windowsFetchedAt: number | undefined;
  private state: PagerDutyWatchState = { onCall: { now: false }, assigned: [] };
  private problem: string | undefined;
  private polledAt: string | undefined;
  private running: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private started = false;
  /** Counts stop()s: a cycle that was waiting on PagerDuty when one came stores nothing. */
  private stops = 0;
  private failures = 0;
  private rateLimit: { at: number; ms: number } | undefined;
  private episodeAnnounced: string | undefined;
  private requests = 0;
  private nextDelay: number | undefined;

  constructor(private readonly options: PagerDutyWatcherOptions) {
    this.intervals = options.intervals ?? DEFAULT_PAGERDUTY_INTERVALS;
    this.headsUpMs = options.headsUpMs ?? HEADS_UP_MS;
  }

  /** Calls made to PagerDuty (for the requests-per-hour figure). */
  get requestCount(): number {
    return this.requests;
  }

  /** The wait the adaptive timer chose after the last cycle (tests read it instead of waiting). */
  get nextPollInMs(): number | undefined {
    return this.nextDelay;
  }

  /** The last state reported to `onState` (for a window opened later). */
  get snapshot(): PagerDutyWatchState {
    return structuredClone(this.state);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    void this.pollNow();
  }

  stop(): void {
    this.started = false;
    this.stops += 1;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** One cycle now (a cycle already running is joined, not doubled). Never rejects. */
  pollNow(): Promise<void> {
    this.running ??= this.cycle().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** PUT status acknowledged (From: me), then the state is refreshed. Rejects with a StepError. */
  acknowledge(incidentId: string): Promise<void> {
    return this.act(incidentId, 'acknowledged');
  }

  resolve(incidentId: string): Promise<void> {
    return this.act(incidentId, 'resolved');
  }

  // ----------------------------------------------------------------------------------------------

  private async cycle(): Promise<void> {
    const now = this.options.clock.now();
    const waitMs = this.rateLimitedFor(now);
    if (waitMs > 0) {
      this.schedule(waitMs);
      return;
    }
    const gateway = this.currentGateway();
    if (!gateway) {
      this.notConfigured(now);
      this.schedule(this.baseInterval());
      return;
    }
    try {
      await this.poll(gateway, now);
      this.failures = 0;
      this.rateLimit = undefined;
      this.schedule(this.baseInterval());
    } catch (error) {
      this.schedule(this.onFailure(asStepError(error), now));
    }
  }

  private async poll(gateway: PagerDutyGateway, now: Date): Promise<void> {
    const stopsAtStart = this.stops;
    const me = (this.me ??= await this.fetchMe(gateway));
    const listed = await this.fetchAssigned(gateway, me);
    if (this.windowsFetchedAt === undefined || Math.abs(now.getTime() - this.windowsFetchedAt) >= ONCALL_REFRESH_MS) {
      this.windows = await this.fetchOnCall(gateway, me, now);
      this.windowsFetchedAt = now.getTime();
    }
    // Stopped while PagerDuty answered: the position's database may be closed already.
    if (this.stops !== stopsAtStart) return;

    const stored = this.loadPosition();
    const baseline = stored === undefined || stored.userId !== me.id;
    const previous: Record<string, TrackedIncident> = baseline ? {} : stored.incidents;
    const events: WatchEvent[] = [];
    const incidents: Record<string, TrackedIncident> = {};

    for (const incident of listed.incidents) {
      if (incident.status === 'resolved') continue;
      const tracked = track(incident, incident.status);
      incidents[incident.id] = tracked;
      if (baseline) continue;
      const before = previous[incident.id];
      if (!before) {
        // Newly mine. Already acknowledged (I acted on it elsewhere): nothing to tell.
        if (incident.status === 'triggered') events.push(this.pagedEvent(incident, me));
      } else if (before.status === 'acknowledged' && incident.status === 'triggered') {
        events.push(this.retriggeredEvent(incident));
      } else if (tracked.assignees.some((id) => !before.assignees.includes(id) && id !== me.id)) {
        events.push(this.escalatedEvent(incident, me, true));
      }
    }

    // Incidents that left my list: resolved, escalated or reassigned away — PagerDuty says which.
    // A truncated list (more than MAX_PAGES pages) says nothing about the ones it did not reach.
    if (listed.complete) {
      const gone = Object.keys(previous).filter((id) => !(id in incidents));
      for (const [index, id] of gone.entries()) {
        if (index >= MAX_LOOKUPS) {
          incidents[id] = previous[id]!; // looked at in a later cycle
          continue;
        }
        const incident = await this.lookup(gateway, id);
        if (!incident) continue; // deleted or merged away: nothing a person can act on
        const mine = incident.status !== 'resolved' && assigneesOf(incident).includes(me.id);
        if (mine) {
          incidents[id] = track(incident, incident.status as TrackedIncident['status']); // it moved between pages
        } else if (incident.status === 'resolved') {
          if (incident.last_status_change_by?.id !== me.id) events.push(this.resolvedEvent(incident));
        } else {
          events.push(this.escalatedEvent(incident, me, false));
        }
      }
    }

    const onCall = this.onCallEvents(now, baseline ? undefined : stored.onCall, events);
    const position: StoredPosition = { v: 1, userId: me.id, polledAt: now.toISOString(), incidents, onCall };

    // A success ends a refused-key episode.
    if (this.options.positions.get(TOKEN_EPISODE)) this.options.positions.set(TOKEN_EPISODE, '', now);
    this.episodeAnnounced = undefined;
    this.problem = undefined;
    this.polledAt = now.toISOString();

    // Told before saved: a crash in between tells it again on restart, and the ledger drops that.
    for (const event of events) this.options.sink(event);
    this.savePosition(position, now);
    this.publish();
  }

  /** Decides the on-call events of this cycle and returns what to remember. */
  private onCallEvents(now: Date, before: StoredPosition['onCall'] | undefined, events: WatchEvent[]): StoredPosition['onCall'] {
    const { current, next } = onCallAt(this.windows, now);
    // Started = I was not on call at the last look, or the shift I was in has ended since, and I am on
    // call now (a wake in the middle of a shift says so once; a shift slept through entirely says
    // nothing). Not on first start: that is the baseline. Starts are not compared: PagerDuty may
    // answer an entry's start differently from one window to the next.
    const previousEnded = before?.until !== undefined && Date.parse(before.until) <= now.getTime();
    if (before && current && (!before.now || previousEnded)) events.push(this.onCallStartedEvent(current, now));

    // Moved = the next shift I knew of has not begun yet, but the next shift is now another one.
    // Only its start is compared: the end of a shift beyond the 7-day window is not stable.
    const known = before?.next;
    if (known && Date.parse(known.start) > now.getTime() && next?.start !== known.start) events.push(this.onCallChangedEvent(known, next, now));

    // Heads-up: only for the one next shift, and only before it starts (a clock jump past it gives
    // "started" instead, never a burst of stale heads-ups). Given on first start too: it is news.
    let soonFor = before?.soonFor;
    if (next?.start !== undefined) {
      const inMs = Date.parse(next.start) - now.getTime();
      if (inMs > 0 && inMs <= this.headsUpMs && soonFor !== next.start) {
        events.push(this.onCallSoonEvent(next, inMs, now));
        soonFor = next.start;
      }
    }
    return {
      now: current !== undefined,
      ...(current?.end !== undefined ? { until: current.end } : {}),
      ...(next?.start !== undefined ? { next: { start: next.start, ...(next.end !== undefined ? { end: next.end } : {}), policyId: next.policyId, ...(next.policyName !== undefined ? { policyName: next.policyName } : {}) } } : {}),
      ...(soonFor !== undefined ? { soonFor } : {}),
    };
  }

  private onFailure(error: StepError, now: Date): number {
    this.failures += 1;
    if (error.kind === 'auth') {
      let episode = this.options.positions.get(TOKEN_EPISODE);
      if (!episode) {
        episode = now.toISOString();
        this.options.positions.set(TOKEN_EPISODE, episode, now);
      }
      if (this.episodeAnnounced !== episode) {
        this.episodeAnnounced = episode;
        this.options.sink({ source: 'pagerduty', eventId: `pagerduty:token:${episode}`, kind: 'token-failed', title: 'PagerDuty refused the API key', body: `${error.message}. Pages are not watched until then.`, at: episode });
      }
      this.problem = error.message.replace(/^./, (c) => c.toUpperCase());
      this.publish();
      // No retry storm: the idle interval, doubling up to 5 min, until the key changes (a new gateway).
      return Math.min(this.intervals.idleMs * 2 ** (this.failures - 1), Math.max(MAX_BACKOFF_MS, this.intervals.idleMs));
    }
    if (error.kind === 'rate-limited') {
      const ms = error.retryAfterMs ?? this.baseInterval();
      this.rateLimit = { at: now.getTime(), ms };
      return Math.max(ms, this.baseInterval());
    }
    if (error.kind === 'rejected' && this.me === undefined) {
      // `/users/me` refused: an account-level key belongs to nobody, so there are no "my" pages.
      this.problem = 'This PagerDuty API key belongs to no user: to watch your pages, use a personal REST API key in Settings';
      this.publish();
      return Math.max(MAX_BACKOFF_MS, this.intervals.idleMs);
    }
    // 5xx, network, timeout, garbage: keep the last state, come back later and later.
    const base = this.baseInterval();
    return Math.min(base * 2 ** this.failures, Math.max(MAX_BACKOFF_MS, base));
  }

  /** How long a 429 still asks us to wait (0: not waiting). A clock that went back ends the wait. */
  private rateLimitedFor(now: Date): number {
    if (!this.rateLimit) return 0;
    const elapsed = now.getTime() - this.rateLimit.at;
    if (elapsed < 0 || elapsed >= this.rateLimit.ms) return 0;
    return this.rateLimit.ms - elapsed;
  }

  private baseInterval(): number {
    if (this.state.assigned.some((i) => i.status === 'triggered')) return this.intervals.pagedMs;
    return this.options.onBattery?.() ? this.intervals.batteryMs : this.intervals.idleMs;
  }

  private schedule(delayMs: number): void {
    this.nextDelay = delayMs;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.started) return;
    this.timer = setTimeout(() => void this.pollNow(), delayMs);
  }

  private currentGateway(): PagerDutyGateway | undefined {
    const gateway = this.options.gateway();
    if (gateway !== this.gateway) {
      // A new key: ask who it belongs to, and try it at once instead of waiting out the old key's backoff.
      this.gateway = gateway;
      this.me = undefined;
      this.windowsFetchedAt = undefined;
      this.failures = 0;
      this.rateLimit = undefined;
    }
    return gateway;
  }

  private notConfigured(now: Date): void {
    // No key is not a failure (DESIGN.md §5: "not configured"); an episode of a removed key is over.
    if (this.options.positions.get(TOKEN_EPISODE)) this.options.positions.set(TOKEN_EPISODE, '', now);
    this.episodeAnnounced = undefined;
    this.problem = undefined;
    this.me = undefined;
    this.windows = [];
    this.state = { onCall: { now: false }, assigned: [] };
    this.options.onState(structuredClone(this.state));
  }

  // ----------------------------------------------------------------------------------------------
  // Acting on a page.

  private async act(incidentId: string, status: 'acknowledged' | 'resolved'): Promise<void> {
    const gateway = this.currentGateway();
    if (!gateway) throw new StepError('auth', 'no PagerDuty API key is set: add one in Settings');
    const me = (this.me ??= await this.fetchMe(gateway));
    const from = this.options.fromEmail() ?? me.email;
    if (!from) throw new StepError('rejected', 'PagerDuty needs the email of one of its users to act as (From): set it in Settings');
    // Looked at first: acknowledging a resolved incident would reopen it (PagerDuty does that), and
    // the popover may be a cycle behind.
    const incident = await this.lookup(gateway, incidentId);
    if (!incident) throw new StepError('rejected', `PagerDuty has no incident ${incidentId}`);
    if (incident.status !== 'resolved' && incident.status !== status) {
      const operation = 'PUT /incidents/{id}';
      const answer = await this.call(gateway, operation, {
        method: 'PUT',
        path: `/incidents/${encodeURIComponent(incidentId)}`,
        headers: { From: from },
        data: { incident: { type: 'incident_reference', status } },
      });
      gateway.decode(operation, incidentAnswerSchema, answer.data);
    }
    // Our own change is no news: remember it before the next cycle sees it.
    if (this.running) await this.running;
    const now = this.options.clock.now();
    const position = this.loadPosition();
    if (position && position.userId === me.id && position.incidents[incidentId]) {
      if (status === 'resolved' || incident.status === 'resolved') delete position.incidents[incidentId];
      else position.incidents[incidentId] = { ...position.incidents[incidentId], status: 'acknowledged' };
      this.savePosition(position, now);
      this.publish();
    }
    await this.pollNow();
  }

  // ----------------------------------------------------------------------------------------------
  // PagerDuty calls.

  private async call(gateway: PagerDutyGateway, operation: string, request: PagerDutyRequest): Promise<{ data: unknown }> {
    this.requests += 1;
    return gateway.rest(operation, request);
  }

  private async fetchMe(gateway: PagerDutyGateway): Promise<Me> {
    const answer = await this.call(gateway, 'GET /users/me', { method: 'GET', path: '/users/me' });
    const { user } = gateway.decode('GET /users/me', meSchema, answer.data);
    const name = user.name ?? user.summary ?? undefined;
    return { id: user.id, ...(user.email ? { email: user.email } : {}), ...(name ? { name } : {}) };
  }

  /** My open incidents (all of them, `date_range=all`: the default range is the last 30 days). */
  private async fetchAssigned(gateway: PagerDutyGateway, me: Me): Promise<{ incidents: Incident[]; complete: boolean }> {
    const operation = 'GET /incidents';
    const incidents: Incident[] = [];
    for (let page = 0, offset = 0; page < MAX_PAGES; page += 1) {
      const answer = await this.call(gateway, operation, {
        method: 'GET',
        path: '/incidents',
        query: { 'statuses[]': ['triggered', 'acknowledged'], 'user_ids[]': [me.id], date_range: 'all', limit: String(PAGE_SIZE), offset: String(offset) },
      });
      const decoded = gateway.decode(operation, incidentsPageSchema, answer.data);
      for (const incident of decoded.incidents) if (!incidents.some((i) => i.id === incident.id)) incidents.push(incident);
      if (!decoded.more || decoded.incidents.length === 0) return { incidents, complete: true };
      offset += decoded.incidents.length;
    }
    return { incidents, complete: false };
  }

  private async fetchOnCall(gateway: PagerDutyGateway, me: Me, now: Date): Promise<OnCallWindow[]> {
    const operation = 'GET /oncalls';
    const until = new Date(now.getTime() + ONCALL_HORIZON_MS).toISOString();
    const entries: OnCallEntry[] = [];
    for (let page = 0, offset = 0; page < MAX_PAGES; page += 1) {
      const answer = await this.call(gateway, operation, {
        method: 'GET',
        path: '/oncalls',
        query: { 'user_ids[]': [me.id], since: now.toISOString(), until, limit: String(PAGE_SIZE), offset: String(offset) },
      });
      const decoded = gateway.decode(operation, oncallsPageSchema, answer.data);
      for (const entry of decoded.oncalls) {
        entries.push({
          ...(entry.start ? { start: canonicalTime(entry.start) } : {}),
          // A shift that reaches past the window ends at its edge as far as "next" is concerned.
          ...(entry.end ? { end: canonicalTime(entry.end) } : entry.start ? { end: until } : {}),
          policyId: entry.escalation_policy?.id ?? 'unknown',
          ...(entry.escalation_policy?.summary ? { policyName: entry.escalation_policy.summary } : {}),
        });
      }
      if (!decoded.more || decoded.oncalls.length === 0) break;
      offset += decoded.oncalls.length;
    }
    return mergeOnCallEntries(entries);
  }

  /** One incident; undefined when PagerDuty has none by that id (404). */
  private async lookup(gateway: PagerDutyGateway, id: string): Promise<Incident | undefined> {
    const operation = 'GET /incidents/{id}';
    try {
      const answer = await this.call(gateway, operation, { method: 'GET', path: `/incidents/${encodeURIComponent(id)}` });
      return gateway.decode(operation, incidentAnswerSchema, answer.data).incident;
    } catch (error) {
      // PagerDuty's 404 is error code 2100 ("Not Found").
      if (error instanceof StepError && error.kind === 'rejected' && (error.vendorCode === '2100' || /HTTP 404/.test(error.message))) return undefined;
      throw error;
    }
  }

  // ----------------------------------------------------------------------------------------------
  // Events.

  private pagedEvent(incident: Incident, me: Me): WatchEvent {
    // Keyed by when it was assigned to me: a page reassigned back to me later is a new page.
    const assignedAt = (incident.assignments ?? []).find((a) => a.assignee.id === me.id)?.at ?? incident.created_at;
    return {
      source: 'pagerduty',
      eventId: `incident:${incident.id}:triggered:${canonicalTime(assignedAt)}`,
      kind: 'paged',
      title: `Paged: ${titleOf(incident)}`,
      body: describe(incident),
      pageId: incident.id,
      ...url(incident),
      at: canonicalTime(assignedAt),
    };
  }

  private retriggeredEvent(incident: Incident): WatchEvent {
    const at = canonicalTime(incident.last_status_change_at ?? incident.created_at);
    return { source: 'pagerduty', eventId: `incident:${incident.id}:retriggered:${at}`, kind: 'paged', title: `Paged again: ${titleOf(incident)}`, body: `${describe(incident)} · triggered again`, pageId: incident.id, ...url(incident), at };
  }

  private escalatedEvent(incident: Incident, me: Me, stillMine: boolean): WatchEvent {
    const assignees = assigneesOf(incident);
    const escalated = incident.assigned_via !== 'direct_assignment';
    const others = (incident.assignments ?? []).filter((a) => a.assignee.id !== me.id);
    const latest = others.map((a) => a.at).filter((at): at is string => !!at).sort().pop();
    return {
      source: 'pagerduty',
      eventId: `incident:${incident.id}:escalated:${assignees.join('+') || 'nobody'}`,
      kind: 'page-changed',
      title: `${escalated ? 'Escalated' : 'Reassigned'}: ${titleOf(incident)}`,
      body: stillMine ? `Now also with ${others.map((a) => a.assignee.summary ?? a.assignee.id).join(', ')}` : `Now with ${namesOf(incident)}`,
      ...url(incident),
      at: canonicalTime(latest ?? this.options.clock.now().toISOString()),
    };
  }

  private resolvedEvent(incident: Incident): WatchEvent {
    const by = incident.last_status_change_by?.summary;
    return {
      source: 'pagerduty',
      eventId: `incident:${incident.id}:resolved`,
      kind: 'page-changed',
      title: `Resolved: ${titleOf(incident)}`,
      body: [incident.service?.summary, by ? `resolved by ${by}` : 'resolved'].filter(Boolean).join(' · '),
      ...url(incident),
      at: canonicalTime(incident.resolved_at ?? incident.last_status_change_at ?? this.options.clock.now().toISOString()),
    };
  }

  private onCallStartedEvent(window: OnCallWindow, now: Date): WatchEvent {
    const start = window.start ?? now.toISOString();
    return {
      source: 'pagerduty',
      eventId: `oncall:${window.policyId}:${start}`,
      kind: 'oncall-started',
      title: 'You are on call',
      body: [window.policyName, window.end ? `until ${clockTime(window.end)}` : 'with no end set'].filter(Boolean).join(' · '),
      at: start,
    };
  }

  private onCallSoonEvent(window: OnCallWindow, inMs: number, now: Date): WatchEvent {
    const start = window.start!;
    return {
      source: 'pagerduty',
      eventId: `oncall:${window.policyId}:${start}`,
      kind: 'oncall-soon',
      title: `On call in ${Math.max(1, Math.round(inMs / 60_000))} min`,
      body: [window.policyName, `${clockTime(start)}${window.end ? ` – ${clockTime(window.end)}` : ''}`].filter(Boolean).join(' · '),
      at: now.toISOString(),
    };
  }

  private onCallChangedEvent(known: NonNullable<StoredPosition['onCall']['next']>, next: OnCallWindow | undefined, now: Date): WatchEvent {
    return {
      source: 'pagerduty',
      eventId: `oncall:${known.policyId}:${known.start}:moved:${next?.start ?? 'none'}`,
      kind: 'oncall-changed',
      title: next ? 'Your next on-call shift moved' : 'Your next on-call shift was removed',
      body: next ? `Now ${clockTime(next.start!)}${next.end ? ` – ${clockTime(next.end)}` : ''} (was ${clockTime(known.start)})` : `The shift from ${clockTime(known.start)} is no longer scheduled in the next 7 days`,
      at: now.toISOString(),
    };
  }

  // ----------------------------------------------------------------------------------------------
  // State and position.

  private publish(): void {
    const { current, next } = onCallAt(this.windows, this.options.clock.now());
    const incidents = this.position && this.me && this.position.userId === this.me.id ? this.position.incidents : {};
    this.state = {
      ...(this.me ? { me: { ...this.me } } : {}),
      onCall: {
        now: current !== undefined,
        ...(current?.end !== undefined ? { until: current.end } : {}),
        ...(next?.start !== undefined ? { next: { start: next.start, end: next.end ?? next.start } } : {}),
      },
      assigned: Object.entries(incidents)
        .map(([id, i]) => ({ id, title: i.title, status: i.status, ...(i.urgency ? { urgency: i.urgency } : {}), url: i.url, ...(i.service ? { service: i.service } : {}), createdAt: i.createdAt }))
        .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)),
      ...(this.problem !== undefined ? { problem: this.problem } : {}),
      ...(this.polledAt !== undefined ? { polledAt: this.polledAt } : {}),
    };
    this.options.onState(structuredClone(this.state));
  }

  private loadPosition(): StoredPosition | undefined {
    if (!this.positionLoaded) {
      this.positionLoaded = true;
      const raw = this.options.positions.get(POSITION);
      if (raw) {
        try {
          const parsed = storedPositionSchema.safeParse(JSON.parse(raw));
          // An unreadable position is treated as none: a new baseline, never a storm.
          if (parsed.success) this.position = parsed.data as unknown as StoredPosition;
        } catch {
          this.position = undefined;
        }
      }
    }
    return this.position;
  }

  private savePosition(position: StoredPosition, now: Date): void {
    this.position = position;
    this.positionLoaded = true;
    this.options.positions.set(POSITION, JSON.stringify(position), now);
  }
}

function track(incident: Incident, status: TrackedIncident['status']): TrackedIncident {
  return {
    title: titleOf(incident),
    status,
    assignees: assigneesOf(incident),
    url: incident.html_url ?? '',
    ...(incident.service?.summary ? { service: incident.service.summary } : {}),
    ...(incident.urgency ? { urgency: incident.urgency } : {}),
    createdAt: canonicalTime(incident.created_at),
    ...(incident.last_status_change_at ? { lastStatusChangeAt: canonicalTime(incident.last_status_change_at) } : {}),
  };
}

function describe(incident: Incident): string {
  return [incident.service?.summary, incident.urgency ? `${incident.urgency} urgency` : undefined].filter(Boolean).join(' · ') || 'PagerDuty';
}

function url(incident: Incident): { url?: string } {
  return incident.html_url ? { url: incident.html_url } : {};
}
