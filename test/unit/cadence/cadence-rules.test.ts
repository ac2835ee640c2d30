import { describe, expect, it } from 'vitest';
import { nextReminderAt, nextUpdateDue, reminderSlot, stalePeriod, staleSince } from '../../../src-main/core/cadence/cadence-rules.js';
import { trackIncidents } from '../../../src-main/core/cadence/cadence-tracker.js';
import type { Incident } from '../../../src-shared/domain.js';
import { DEFAULT_SETTINGS } from '../../../src-shared/settings.js';

const T0 = Date.parse('2026-12-06T10:00:00Z');
const MIN = 60_000;
const at = (minutes: number) => new Date(T0 + minutes * MIN).toISOString();
const incident = (fields: Partial<Incident> = {}): Incident => ({
  id: 'i1',
  name: 'inc-checkout',
  title: 'Checkout 5xx',
  severity: 'SEV1',
  status: 'investigating',
  declaredBy: 'ana@example.com',
  commander: 'ana@example.com',
  createdAt: at(0),
  updatedAt: at(0),
  links: {},
  ...fields,
});
const { cadence } = DEFAULT_SETTINGS;
const sev1 = cadence.perSeverity.SEV1;

describe('cadence rules', () => {
  it('the first update is due 30 min after the declare, and counts from the last update once there is one', () => {
    expect(nextUpdateDue(incident(), sev1)).toBe(T0 + 30 * MIN);
    expect(nextUpdateDue(incident({ lastUpdateAt: at(42) }), sev1)).toBe(T0 + 72 * MIN);
  });

  it('no due time for a severity without reminders, or once resolved', () => {
    expect(nextUpdateDue(incident({ severity: 'SEV3' }), cadence.perSeverity.SEV3)).toBeUndefined();
    expect(nextUpdateDue(incident({ status: 'resolved' }), sev1)).toBeUndefined();
  });

  it('reminder slots: none before due, slot 0 at due, one more every 25 min; a long sleep lands in one slot', () => {
    const due = T0 + 30 * MIN;
    expect(reminderSlot(due, sev1, due - 1)).toBeUndefined();
    expect(reminderSlot(due, sev1, due)).toEqual({ slot: 0, at: due });
    expect(reminderSlot(due, sev1, due + 24 * MIN)).toEqual({ slot: 0, at: due });
    expect(reminderSlot(due, sev1, due + 25 * MIN)).toEqual({ slot: 1, at: due + 25 * MIN });
    expect(reminderSlot(due, sev1, due + 10 * 60 * MIN)?.slot).toBe(24);
    expect(nextReminderAt(due, sev1, due - MIN)).toBe(due);
    expect(nextReminderAt(due, sev1, due + MIN)).toBe(due + 25 * MIN);
  });

  it('stale after 7 days unresolved, one period per 7 days', () => {
    const week = 7 * 24 * 60 * MIN;
    expect(staleSince(incident(), cadence, T0 + week - 1)).toBeUndefined();
    expect(staleSince(incident(), cadence, T0 + week)).toBe(T0 + week);
    expect(stalePeriod(incident(), cadence, T0 + week + 1)).toBe(0);
    expect(stalePeriod(incident(), cadence, T0 + 2 * week + 1)).toBe(1);
    expect(staleSince(incident({ status: 'resolved' }), cadence, T0 + 2 * week)).toBeUndefined();
  });
});

describe('tracking and the active incident', () => {
  const me = new Set(['ana@example.com', 'Ana']);
  const base = { cadence, myNames: me, pinned: undefined, snoozedUntil: new Map<string, string>(), now: new Date(T0 + 40 * MIN) };

  it('mine: I command it, or I declared it and nobody commands it', () => {
    const tracking = trackIncidents({
      ...base,
      incidents: [
        incident({ id: 'a' }),
        incident({ id: 'b', commander: 'grace@example.com' }),
        incident({ id: 'c', commander: undefined }),
        incident({ id: 'd', declaredBy: 'grace@example.com', commander: undefined }),
      ],
    });
    expect(tracking.entries.map((e) => [e.incidentId, e.mine])).toEqual([['a', true], ['b', false], ['c', true], ['d', false]]);
  });

  it('the active incident is the pinned one, else the one I command that is due soonest', () => {
    const incidents = [
      incident({ id: 'late', lastUpdateAt: at(20) }),
      incident({ id: 'soon', lastUpdateAt: at(5) }),
      incident({ id: 'theirs', commander: 'grace@example.com' }),
    ];
    expect(trackIncidents({ ...base, incidents }).active).toEqual({ incidentId: 'soon', pinned: false });
    expect(trackIncidents({ ...base, incidents, pinned: 'theirs' }).active).toEqual({ incidentId: 'theirs', pinned: true });
    // A pin on an incident that is gone falls back to the commanded one.
    expect(trackIncidents({ ...base, incidents, pinned: 'gone' }).active).toEqual({ incidentId: 'soon', pinned: false });
    expect(trackIncidents({ ...base, incidents: [incidents[2] as Incident] }).active).toBeUndefined();
  });

  it('carries due time, stale and snooze per incident', () => {
    const snoozed = new Map([['a', at(55)]]);
    const [entry] = trackIncidents({ ...base, incidents: [incident({ id: 'a', createdAt: at(-8 * 24 * 60) , lastUpdateAt: at(0) })], snoozedUntil: snoozed }).entries;
    expect(entry).toEqual({ incidentId: 'a', mine: true, nextUpdateDueAt: at(30), staleSince: at(-24 * 60), snoozedUntil: at(55) });
  });
});
