// The PagerDuty watcher against the spec-validating PagerDuty fake over real HTTP, with a real SQLite
// file for its position and a fake clock: every cycle is a `pollNow()`, so nothing here waits on time.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NotificationLedger, WatchPositions } from '../../../src-main/core/notify/notification-ledger.js';
import { PagerDutyGateway } from '../../../src-main/core/pagerduty/pagerduty-gateway.js';
import { openDatabase, type AppDatabase } from '../../../src-main/core/store/database.js';
import { DEFAULT_PAGERDUTY_INTERVALS, PAGERDUTY_REQUEST_BUDGET, PagerDutyWatcher, type PagerDutyWatchState } from '../../../src-main/core/watch/pagerduty-watcher.js';
import type { WatchEvent } from '../../../src-main/core/watch/watch-event.js';
import { describeViolations, startPagerDutyFake, type PagerDutyFake } from '../../fakes/pagerduty-fake.js';
import { makeTempHome } from '../../support/temp-home.js';

const TOKEN = 'pd-watch-token';
const ME = { id: 'PME0001', email: 'ada@example.com', name: 'Ada Lovelace' };
const BOB = { id: 'PBOB001', email: 'bob@example.com', name: 'Bob Marley' };
const CAROL = { id: 'PCAROL1', email: 'carol@example.com', name: 'Carol Shaw' };
const SERVICES = [
  { id: 'PCHKOUT', name: 'Checkout API' },
  { id: 'PSEARCH', name: 'Search' },
];
const MIN = 60_000;
const T0 = Date.parse('2026-03-02T08:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();

let fake: PagerDutyFake;
let temp: { home: string; cleanup(): void };
let db: AppDatabase;
let gateway: PagerDutyGateway | undefined;
let events: WatchEvent[];
let notified: WatchEvent[];
let states: PagerDutyWatchState[];
let onBattery: boolean;
const clock = { t: T0, now: () => new Date(clock.t), advance: (ms: number) => (clock.t += ms) };

const newGateway = (token = TOKEN) => new PagerDutyGateway({ token, apiUrl: fake.restUrl, eventsUrl: fake.eventsUrl, timeoutMs: 5_000, pdjsRateLimitWaitMs: 0 });

/** A watcher as the app makes one; its sink goes through the real ledger, as the notification center does. */
function makeWatcher(): PagerDutyWatcher {
  const ledger = new NotificationLedger(db);
  return new PagerDutyWatcher({
    gateway: () => gateway,
    fromEmail: () => undefined,
    sink: (event) => {
      events.push(event);
      if (ledger.claim(event, clock.now())) notified.push(event);
    },
    positions: new WatchPositions(db),
    clock,
    onState: (state) => states.push(state),
    onBattery: () => onBattery,
  });
}

/** The app quits and starts again on the same SQLite file. */
function restart(): PagerDutyWatcher {
  db.close();
  db = openDatabase(join(temp.home, 'app.db'));
  return makeWatcher();
}

const kinds = (list: WatchEvent[]) => list.map((e) => `${e.kind} ${e.title}`);
const lastState = () => states[states.length - 1]!;
const page = (title: string, assigneeIds = [ME.id], serviceId = 'PCHKOUT') => fake.triggerIncident({ title, serviceId, assigneeIds });

beforeEach(async () => {
  fake = await startPagerDutyFake({ token: TOKEN, services: SERVICES, users: [ME, BOB, CAROL] });
  temp = makeTempHome();
  db = openDatabase(join(temp.home, 'app.db'));
  gateway = newGateway();
  events = [];
  notified = [];
  states = [];
  onBattery = false;
  clock.t = T0;
});

afterEach(async () => {
  // Every request the watcher made is one the real PagerDuty accepts.
  expect(describeViolations(fake.calls)).toEqual([]);
  db.close();
  await fake.close();
  temp.cleanup();
});

describe('PagerDuty watcher: pages', () => {
  it('first start takes what is open as the baseline: no notification, but the state shows it', async () => {
    const older = fake.triggerIncident({ title: 'Search latency', serviceId: 'PSEARCH', assigneeIds: [ME.id], urgency: 'low', at: at(-3 * 60 * MIN) });
    fake.setIncidentStatus(older.id, 'acknowledged', ME.id);
    const newer = fake.triggerIncident({ title: 'Checkout 5xx', serviceId: 'PCHKOUT', assigneeIds: [ME.id], at: at(-10 * MIN) });
    page('Someone else’s page', [BOB.id]);
    fake.addOnCallShift({ userId: ME.id, start: at(-2 * 60 * MIN), end: at(6 * 60 * MIN) });

    const watcher = makeWatcher();
    await watcher.pollNow();

    expect(events).toEqual([]);
    expect(lastState()).toMatchObject({
      me: { id: ME.id, email: ME.email, name: ME.name },
      onCall: { now: true, until: at(6 * 60 * MIN) },
      polledAt: at(0),
    });
    expect(lastState().problem).toBeUndefined();
    expect(lastState().assigned).toEqual([
      { id: newer.id, title: 'Checkout 5xx', status: 'triggered', urgency: 'high', url: newer.html_url, service: 'Checkout API', createdAt: at(-10 * MIN) },
      { id: older.id, title: 'Search latency', status: 'acknowledged', urgency: 'low', url: older.html_url, service: 'Search', createdAt: at(-3 * 60 * MIN) },
    ]);
    // Something of mine is triggered: the fast interval.
    expect(watcher.nextPollInMs).toBe(DEFAULT_PAGERDUTY_INTERVALS.pagedMs);
    // The list asks for all my open incidents, not only the last 30 days.
    expect(fake.calls.find((c) => c.operation === 'GET /incidents')!.query).toMatchObject({ 'statuses[]': ['triggered', 'acknowledged'], 'user_ids[]': ME.id, date_range: 'all' });
  });

  it('a new page notifies once; not again on the next cycles, nor after a restart', async () => {
    let watcher = makeWatcher();
    await watcher.pollNow();
    expect(watcher.nextPollInMs).toBe(DEFAULT_PAGERDUTY_INTERVALS.idleMs);

    const incident = page('Checkout 5xx');
    clock.advance(MIN);
    await watcher.pollNow();
    expect(events).toEqual([
      {
        source: 'pagerduty',
        eventId: `incident:${incident.id}:triggered:${new Date(incident.assignments[0]!.at).toISOString()}`,
        kind: 'paged',
        title: 'Paged: Checkout 5xx',
        body: 'Checkout API · high urgency',
        pageId: incident.id,
        url: incident.html_url,
        at: new Date(incident.assignments[0]!.at).toISOString(),
      },
    ]);
    expect(watcher.nextPollInMs).toBe(DEFAULT_PAGERDUTY_INTERVALS.pagedMs);

    clock.advance(15_000);
    await watcher.pollNow();
    watcher = restart();
    await watcher.pollNow();
    expect(events).toHaveLength(1);

    // A crash after telling but before saving: the restart sees the change again, with the same id,
    // and the ledger drops the repeat.
    const positions = new WatchPositions(db);
    const saved = JSON.parse(positions.get('pagerduty')!) as { incidents: Record<string, unknown> };
    delete saved.incidents[incident.id];
    positions.set('pagerduty', JSON.stringify(saved), clock.now());
    watcher = restart();
    await watcher.pollNow();
    expect(kinds(events)).toEqual(['paged Paged: Checkout 5xx', 'paged Paged: Checkout 5xx']);
    expect(events[1]!.eventId).toBe(events[0]!.eventId);
    expect(notified).toHaveLength(1);
  });

  it('a page I hold that escalates, is reassigned or resolved by someone else: page-changed; my own resolve: nothing', async () => {
    const escalated = page('Checkout 5xx');
    const reassigned = page('Search down', [ME.id], 'PSEARCH');
    const resolved = page('Payments slow');
    const mine = page('Disk full');
    const joined = page('Queue backlog');
    const watcher = makeWatcher();
    await watcher.pollNow();

    fake.escalateIncident(escalated.id, [BOB.id]);
    fake.reassignIncident(reassigned.id, [CAROL.id]);
    fake.setIncidentStatus(resolved.id, 'resolved', BOB.id);
    fake.setIncidentStatus(mine.id, 'resolved', ME.id); // in the PagerDuty web UI
    fake.escalateIncident(joined.id, [ME.id, CAROL.id]); // escalated, still with me
    clock.advance(15_000);
    await watcher.pollNow();

    expect(kinds(events).sort()).toEqual(['page-changed Escalated: Checkout 5xx', 'page-changed Escalated: Queue backlog', 'page-changed Reassigned: Search down', 'page-changed Resolved: Payments slow']);
    const byTitle = (title: string) => events.find((e) => e.title.endsWith(title))!;
    expect(byTitle('Checkout 5xx')).toMatchObject({ eventId: `incident:${escalated.id}:escalated:${BOB.id}`, body: 'Now with Bob Marley', url: escalated.html_url });
    expect(byTitle('Search down')).toMatchObject({ body: 'Now with Carol Shaw' });
    expect(byTitle('Payments slow')).toMatchObject({ eventId: `incident:${resolved.id}:resolved`, body: 'Checkout API · resolved by Bob Marley' });
    expect(byTitle('Queue backlog')).toMatchObject({ eventId: `incident:${joined.id}:escalated:${[ME.id, CAROL.id].sort().join('+')}`, body: 'Now also with Carol Shaw' });
    expect(lastState().assigned.map((i) => i.title)).toEqual(['Queue backlog']);

    // Only the incidents that left my list were looked up, one request each.
    expect(fake.calls.filter((c) => c.operation === 'GET /incidents/{id}').map((c) => c.path).sort()).toEqual([escalated, reassigned, resolved, mine].map((i) => `/incidents/${i.id}`).sort());
    clock.advance(15_000);
    await watcher.pollNow();
    expect(events).toHaveLength(4);
  });

  it('acknowledged then triggered again (acknowledgement timeout) is a page again', async () => {
    const incident = page('Checkout 5xx');
    fake.setIncidentStatus(incident.id, 'acknowledged', ME.id);
    const watcher = makeWatcher();
    await watcher.pollNow();
    fake.setIncidentStatus(incident.id, 'triggered');
    clock.advance(MIN);
    await watcher.pollNow();
    expect(kinds(events)).toEqual(['paged Paged again: Checkout 5xx']);
  });

  it('asleep: a page triggered and resolved meanwhile is not notified; a held page that escalated then resolved is told once, as resolved', async () => {
    const held = page('Checkout 5xx');
    let watcher = makeWatcher();
    await watcher.pollNow();
    watcher.stop();

    // The laptop sleeps for three hours; PagerDuty goes on.
    const transient = page('Blip');
    fake.setIncidentStatus(transient.id, 'resolved', BOB.id);
    fake.escalateIncident(held.id, [BOB.id]);
    fake.setIncidentStatus(held.id, 'resolved', BOB.id);
    const stillOpen = page('Search down', [ME.id], 'PSEARCH');

    clock.advance(3 * 60 * MIN);
    await watcher.pollNow(); // the shell's pollNow after resume
    expect(kinds(events).sort()).toEqual(['page-changed Resolved: Checkout 5xx', 'paged Paged: Search down']);
    expect(events.some((e) => e.title.includes('Blip'))).toBe(false);

    // The same after a restart instead of a sleep: nothing is told twice.
    watcher = restart();
    clock.advance(MIN);
    await watcher.pollNow();
    expect(events).toHaveLength(2);
    expect(lastState().assigned.map((i) => i.id)).toEqual([stillOpen.id]);
  });
});

describe('PagerDuty watcher: on call', () => {
  it('heads-up 15 min before my shift, once; the start when it begins; a restart mid-shift says nothing', async () => {
    fake.addOnCallShift({ userId: ME.id, start: at(60 * MIN), end: at(9 * 60 * MIN), escalationPolicyId: 'PWEBEP', scheduleId: 'PWEBSCH' });
    fake.addOnCallShift({ userId: BOB.id, start: at(0), end: at(60 * MIN) });
    let watcher = makeWatcher();
    await watcher.pollNow();
    expect(events).toEqual([]);
    expect(lastState().onCall).toEqual({ now: false, next: { start: at(60 * MIN), end: at(9 * 60 * MIN) } });
    const oncalls = fake.calls.find((c) => c.operation === 'GET /oncalls')!;
    expect(oncalls.query).toMatchObject({ 'user_ids[]': ME.id, since: at(0), until: at(7 * 24 * 60 * MIN) });

    clock.advance(44 * MIN);
    await watcher.pollNow();
    expect(events).toEqual([]);
    clock.advance(MIN);
    await watcher.pollNow();
    expect(events).toEqual([{ source: 'pagerduty', eventId: `oncall:PWEBEP:${at(60 * MIN)}`, kind: 'oncall-soon', title: 'On call in 15 min', body: expect.stringContaining('PWEBEP'), at: at(45 * MIN) }]);
    for (let i = 0; i < 10; i++) {
      clock.advance(MIN);
      await watcher.pollNow();
    }
    expect(events).toHaveLength(1);

    clock.advance(5 * MIN);
    await watcher.pollNow();
    expect(events[1]).toMatchObject({ eventId: `oncall:PWEBEP:${at(60 * MIN)}`, kind: 'oncall-started', title: 'You are on call', at: at(60 * MIN) });
    expect(lastState().onCall).toEqual({ now: true, until: at(9 * 60 * MIN) });

    watcher = restart();
    clock.advance(MIN);
    await watcher.pollNow();
    expect(events).toHaveLength(2);
    expect(lastState().onCall.now).toBe(true);
  });

  it('a clock jump over several shifts: only the one I am in now is told, no burst of stale heads-ups', async () => {
    const watcher = makeWatcher();
    await watcher.pollNow();
    for (const hour of [2, 10, 20, 30]) fake.addOnCallShift({ userId: ME.id, start: at(hour * 60 * MIN), end: at((hour + 2) * 60 * MIN), escalationPolicyId: `PEP${hour}` });
    clock.advance(31 * 60 * MIN);
    await watcher.pollNow();
    expect(kinds(events)).toEqual(['oncall-started You are on call']);
    expect(events[0]!.eventId).toBe(`oncall:PEP30:${at(30 * 60 * MIN)}`);
  });

  it('my next shift moves, then is removed: oncall-changed each time', async () => {
    const next = fake.addOnCallShift({ userId: ME.id, start: at(24 * 60 * MIN), end: at(32 * 60 * MIN) });
    const watcher = makeWatcher();
    await watcher.pollNow();
    next.start = at(26 * 60 * MIN);
    clock.advance(2 * MIN);
    await watcher.pollNow(); // the on-call answer is 2 min old: not asked again yet
    expect(events).toEqual([]);
    clock.advance(3 * MIN);
    await watcher.pollNow();
    expect(events).toEqual([expect.objectContaining({ kind: 'oncall-changed', title: 'Your next on-call shift moved', eventId: `oncall:PFAKEEP:${at(24 * 60 * MIN)}:moved:${at(26 * 60 * MIN)}` })]);
    expect(lastState().onCall.next).toEqual({ start: at(26 * 60 * MIN), end: at(32 * 60 * MIN) });

    fake.removeOnCallShift(next);
    clock.advance(5 * MIN);
    await watcher.pollNow();
    expect(kinds(events)).toEqual(['oncall-changed Your next on-call shift moved', 'oncall-changed Your next on-call shift was removed']);
    expect(lastState().onCall).toEqual({ now: false });
  });
});

describe('PagerDuty watcher: faults', () => {
  it('429 with Retry-After: no request before the wait is over, then polling goes on', async () => {
    page('Checkout 5xx');
    const watcher = makeWatcher();
    await watcher.pollNow();
    const before = lastState();

    // pdjs re-sends a 429 three times by itself (here at once): all four answered 429.
    fake.fail('GET /incidents', { kind: 'status', status: 429, retryAfterSeconds: 30 }, 4);
    clock.advance(15_000);
    await watcher.pollNow();
    expect(watcher.nextPollInMs).toBe(30_000);
    expect(lastState()).toEqual(before);
    const afterLimit = fake.calls.length;

    clock.advance(10_000);
    await watcher.pollNow(); // e.g. the shell after a network change
    clock.advance(19_999);
    await watcher.pollNow();
    expect(fake.calls.length).toBe(afterLimit);
    expect(watcher.nextPollInMs).toBe(1);

    clock.advance(1);
    await watcher.pollNow();
    expect(fake.calls.length).toBeGreaterThan(afterLimit);
    expect(lastState().polledAt).toBe(clock.now().toISOString());
    expect(watcher.nextPollInMs).toBe(DEFAULT_PAGERDUTY_INTERVALS.pagedMs);
  });

  it('5xx and a dead network keep the last state and back off, doubling up to 5 min', async () => {
    const incident = page('Checkout 5xx');
    const watcher = makeWatcher();
    await watcher.pollNow();
    const before = lastState();
    const reported = states.length;

    fake.fail('GET /incidents', { kind: 'status', status: 503 }, 5);
    fake.fail('GET /incidents', { kind: 'reset' }, 1);
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      clock.advance(watcher.nextPollInMs!);
      await watcher.pollNow();
      delays.push(watcher.nextPollInMs!);
    }
    expect(delays).toEqual([30_000, 60_000, 120_000, 240_000, 300_000, 300_000]);
    expect(states.length).toBe(reported); // nothing new to report: the last state stands
    expect(before.assigned.map((i) => i.id)).toEqual([incident.id]);
    expect(events).toEqual([]);

    fake.setIncidentStatus(incident.id, 'resolved', BOB.id);
    clock.advance(watcher.nextPollInMs!);
    await watcher.pollNow();
    expect(kinds(events)).toEqual(['page-changed Resolved: Checkout 5xx']);
    expect(watcher.nextPollInMs).toBe(DEFAULT_PAGERDUTY_INTERVALS.idleMs);
  });

  it('a revoked key: the problem named with its fix, exactly one token-failed over many cycles and a restart; a new key ends the episode', async () => {
    let watcher = makeWatcher();
    await watcher.pollNow();
    fake.revokeToken();
    const delays: number[] = [];
    for (let i = 0; i < 12; i++) {
      clock.advance(watcher.nextPollInMs!);
      await watcher.pollNow();
      delays.push(watcher.nextPollInMs!);
    }
    expect(delays.every((d) => d >= DEFAULT_PAGERDUTY_INTERVALS.idleMs && d <= 300_000)).toBe(true);
    expect(delays.slice(0, 4)).toEqual([60_000, 120_000, 240_000, 300_000]);
    const firstFailure = at(DEFAULT_PAGERDUTY_INTERVALS.idleMs);
    expect(events).toEqual([{ source: 'pagerduty', eventId: `pagerduty:token:${firstFailure}`, kind: 'token-failed', title: 'PagerDuty refused the API key', body: expect.stringContaining('update the PagerDuty API key in Settings'), at: firstFailure }]);
    expect(lastState().problem).toMatch(/^PagerDuty refused the API key \(HTTP 401.*\): update the PagerDuty API key in Settings$/);
    // One request a cycle while refused, never a storm.
    expect(fake.calls.filter((c) => c.operation !== 'GET /users/me').length).toBeLessThanOrEqual(2 + 12);

    // Restarted during the episode: the same event id, which the ledger has already shown.
    watcher = restart();
    await watcher.pollNow();
    expect(events.map((e) => e.eventId)).toEqual([`pagerduty:token:${firstFailure}`, `pagerduty:token:${firstFailure}`]);
    expect(notified).toHaveLength(1);

    // A new key in Settings (a new gateway): tried at once, the problem is gone, the episode over.
    fake.setToken('pd-new-token');
    gateway = newGateway('pd-new-token');
    clock.advance(MIN);
    await watcher.pollNow();
    expect(lastState().problem).toBeUndefined();
    // Who the key belongs to is asked once per key and per start: first start, the restart, the new key.
    expect(fake.calls.filter((c) => c.operation === 'GET /users/me').length).toBe(3);

    fake.revokeToken();
    clock.advance(MIN);
    await watcher.pollNow();
    expect(notified.map((e) => e.eventId)).toEqual([`pagerduty:token:${firstFailure}`, `pagerduty:token:${clock.now().toISOString()}`]);
  });

  it('start() polls by itself on the adaptive timer; stop() ends it', async () => {
    const watcher = new PagerDutyWatcher({ gateway: () => gateway, fromEmail: () => undefined, sink: (e) => events.push(e), positions: new WatchPositions(db), clock, onState: (s) => states.push(s), intervals: { pagedMs: 1, idleMs: 1, batteryMs: 1 } });
    watcher.start();
    watcher.start(); // once
    await vi.waitFor(() => expect(states.length).toBeGreaterThanOrEqual(3), { timeout: 10_000 });
    watcher.stop();
    await watcher.pollNow();
    const calls = fake.calls.length;
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.calls.length).toBe(calls);
    expect(fake.calls.filter((c) => c.operation === 'GET /users/me')).toHaveLength(1);
  });

  it('no key set: not configured, no request, no problem', async () => {
    gateway = undefined;
    const watcher = makeWatcher();
    await watcher.pollNow();
    expect(fake.calls).toEqual([]);
    expect(lastState()).toEqual({ onCall: { now: false }, assigned: [] });
    expect(events).toEqual([]);
  });
});

describe('PagerDuty watcher: acting on a page', () => {
  it('acknowledge and resolve reach PagerDuty (From: me) and change the state, without telling me what I did', async () => {
    const first = page('Checkout 5xx');
    const second = page('Search down', [ME.id], 'PSEARCH');
    const watcher = makeWatcher();
    await watcher.pollNow();

    await watcher.acknowledge(first.id);
    const put = fake.calls.find((c) => c.operation === 'PUT /incidents/{id}')!;
    expect(put).toMatchObject({ path: `/incidents/${first.id}`, headers: expect.objectContaining({ from: ME.email }), body: { incident: { type: 'incident_reference', status: 'acknowledged' } } });
    expect(fake.incidents.find((i) => i.id === first.id)).toMatchObject({ status: 'acknowledged', last_status_change_by: { id: ME.id } });
    expect(lastState().assigned.find((i) => i.id === first.id)?.status).toBe('acknowledged');

    await watcher.resolve(second.id);
    expect(fake.incidents.find((i) => i.id === second.id)?.status).toBe('resolved');
    expect(lastState().assigned.map((i) => i.id)).toEqual([first.id]);
    expect(watcher.nextPollInMs).toBe(DEFAULT_PAGERDUTY_INTERVALS.idleMs); // nothing triggered any more

    await watcher.resolve(first.id);
    expect(lastState().assigned).toEqual([]);
    clock.advance(MIN);
    await watcher.pollNow();
    expect(events).toEqual([]);
  });

  it('acknowledging a page resolved meanwhile does not reopen it', async () => {
    const incident = page('Checkout 5xx');
    const watcher = makeWatcher();
    await watcher.pollNow();
    fake.setIncidentStatus(incident.id, 'resolved', BOB.id);
    await watcher.acknowledge(incident.id);
    expect(fake.calls.some((c) => c.operation === 'PUT /incidents/{id}')).toBe(false);
    expect(fake.incidents[0]!.status).toBe('resolved');
    expect(lastState().assigned).toEqual([]);
  });
});

describe('PagerDuty watcher: request budget', () => {
  async function hourOf(everyMs: number, watcher: PagerDutyWatcher): Promise<number> {
    const before = fake.calls.length;
    for (let elapsed = 0; elapsed < 3600_000; elapsed += everyMs) {
      await watcher.pollNow();
      expect(watcher.nextPollInMs).toBe(everyMs);
      clock.advance(everyMs);
    }
    return fake.calls.length - before;
  }

  it(`paged, idle and on battery: at most ${PAGERDUTY_REQUEST_BUDGET.pagedPerHour}, ${PAGERDUTY_REQUEST_BUDGET.idlePerHour} and ${PAGERDUTY_REQUEST_BUDGET.batteryPerHour} requests an hour`, async () => {
    fake.addOnCallShift({ userId: ME.id, start: at(0), end: at(12 * 60 * MIN) });
    const incident = page('Checkout 5xx');
    const watcher = makeWatcher();
    const paged = await hourOf(DEFAULT_PAGERDUTY_INTERVALS.pagedMs, watcher);
    expect(paged).toBeLessThanOrEqual(PAGERDUTY_REQUEST_BUDGET.pagedPerHour);
    expect(paged).toBe(240 + 12 + 1); // the documented figure is the real one

    fake.setIncidentStatus(incident.id, 'acknowledged', ME.id); // nothing triggered any more: idle
    await watcher.pollNow();
    clock.advance(DEFAULT_PAGERDUTY_INTERVALS.idleMs);
    const idle = await hourOf(DEFAULT_PAGERDUTY_INTERVALS.idleMs, watcher);
    expect(idle).toBeLessThanOrEqual(PAGERDUTY_REQUEST_BUDGET.idlePerHour - 1); // /users/me was asked already

    onBattery = true;
    const battery = await hourOf(DEFAULT_PAGERDUTY_INTERVALS.batteryMs, watcher);
    expect(battery).toBeLessThanOrEqual(PAGERDUTY_REQUEST_BUDGET.batteryPerHour - 1);
    expect(watcher.requestCount).toBe(fake.calls.length);
    // Far below PagerDuty's 960 a minute per key, even at the ceiling.
    expect(PAGERDUTY_REQUEST_BUDGET.ceilingPerHour / 60).toBeLessThan(960 / 10);
  });
});
