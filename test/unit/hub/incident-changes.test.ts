// The pure rules of what a patch or an update does: the record, the timeline entries, the events.
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../src-shared/domain.js';
import { planCreate, planPatch, planUpdate } from '../../../src-hub/incidents/incident-changes.js';

const at = new Date('2026-11-24T12:00:00.000Z');
const actor = { user: 'bob@example.com', at };
const base: Incident = {
  id: 'a',
  name: 'inc-a',
  title: 'Checkout 5xx',
  severity: 'SEV2',
  status: 'investigating',
  declaredBy: 'alice@example.com',
  createdAt: '2026-11-24T10:00:00.000Z',
  updatedAt: '2026-11-24T10:00:00.000Z',
  links: {},
};

describe('incident changes', () => {
  it('create: investigating, declared by the actor, a declared entry, a generated or explicit name', () => {
    const draft = planCreate({ title: 'Checkout 5xx', severity: 'SEV2' }, 'id-1', actor);
    expect(draft.incident).toMatchObject({ id: 'id-1', status: 'investigating', declaredBy: 'bob@example.com', createdAt: at.toISOString(), links: {} });
    expect(draft.name).toEqual({ base: 'inc-20261124-checkout-5xx' });
    expect(draft.timeline.map((e) => e.kind)).toEqual(['declared']);
    expect(planCreate({ title: 'x', severity: 'SEV5', name: 'inc-mine' }, 'id-2', actor).name).toEqual({ explicit: 'inc-mine' });
  });

  it('patch: one entry per kind of change, one edited entry naming the fields, updatedAt moves', () => {
    const change = planPatch(base, { severity: 'SEV1', commander: 'carol@example.com', title: 'Checkout down', service: 'checkout' }, actor);
    expect(change?.timeline.map((e) => [e.kind, e.from, e.to, e.message])).toEqual([
      ['severity_changed', 'SEV2', 'SEV1', 'SEV2 → SEV1'],
      ['commander_changed', undefined, 'carol@example.com', undefined],
      ['edited', undefined, undefined, 'changed title, service'],
    ]);
    expect(change?.incident).toMatchObject({ severity: 'SEV1', commander: 'carol@example.com', title: 'Checkout down', service: 'checkout', updatedAt: at.toISOString() });
    expect(change?.events).toEqual(['incident.updated']);
  });

  it('patch to resolved: a resolved entry and incident.resolved; reopening is a status change', () => {
    const resolved = planPatch(base, { status: 'resolved' }, actor);
    expect(resolved?.timeline.map((e) => e.kind)).toEqual(['resolved']);
    expect(resolved?.events).toEqual(['incident.resolved']);
    const reopened = planPatch({ ...base, status: 'resolved' }, { status: 'investigating' }, actor);
    expect(reopened?.timeline.map((e) => [e.kind, e.from, e.to])).toEqual([['status_changed', 'resolved', 'investigating']]);
    expect(reopened?.events).toEqual(['incident.updated']);
  });

  it('patch that changes nothing (same values, clearing what is absent) is no change at all', () => {
    expect(planPatch(base, { severity: 'SEV2', title: 'Checkout 5xx', commander: null, links: { slack: null } }, actor)).toBeUndefined();
  });

  it('patch clears with null and sets links one by one', () => {
    const withLinks = { ...base, commander: 'carol@example.com', links: { slack: 'https://x.slack.com/a' } };
    const change = planPatch(withLinks, { commander: null, links: { slack: null, pagerduty: 'https://x.pagerduty.com/i/1' } }, actor);
    expect(change?.incident.commander).toBeUndefined();
    expect(change?.incident.links).toEqual({ pagerduty: 'https://x.pagerduty.com/i/1' });
    expect(change?.timeline.map((e) => [e.kind, e.from, e.to])).toEqual([
      ['commander_changed', 'carol@example.com', undefined],
      ['edited', undefined, undefined],
    ]);
    expect(withLinks.links).toEqual({ slack: 'https://x.slack.com/a' }); // the input is not mutated
    expect(planPatch({ ...base, description: 'old' }, { description: '' }, actor)?.incident.description).toBeUndefined();
  });

  it('update: sets lastUpdateAt, an update_posted entry; with a status, also the status entry and events', () => {
    const plain = planUpdate(base, { message: 'Investigating the LB' }, actor);
    expect(plain.incident.lastUpdateAt).toBe(at.toISOString());
    expect(plain.timeline.map((e) => [e.kind, e.message])).toEqual([['update_posted', 'Investigating the LB']]);
    expect(plain.events).toEqual(['incident.update_posted']);
    const resolving = planUpdate(base, { message: 'Fixed', status: 'resolved' }, actor);
    expect(resolving.timeline.map((e) => e.kind)).toEqual(['update_posted', 'resolved']);
    expect(resolving.events).toEqual(['incident.update_posted', 'incident.resolved']);
    const sameStatus = planUpdate(base, { message: 'Still on it', status: 'investigating' }, actor);
    expect(sameStatus.timeline.map((e) => e.kind)).toEqual(['update_posted']);
  });
});
