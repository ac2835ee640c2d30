// The repository contract on both backends (a real SQLite file, a real PostgreSQL schema): one
// transaction per change (incident, timeline, events, idempotency record), optimistic versions,
// idempotency claims and the event log.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Incident } from '../../../src-shared/domain.js';
import { planCreate, planPatch } from '../../../src-hub/incidents/incident-changes.js';
import type { HubRepository } from '../../../src-hub/storage/repository.js';
import { createTestStorage, describeEachBackend, type TestStorage } from './hub-fixture.js';

const at = new Date('2026-11-24T10:00:00.000Z');
const actor = { user: 'alice@example.com', at };

describeEachBackend('HubRepository', (backend) => {
  let storage: TestStorage;
  let repository: HubRepository;
  beforeEach(async () => {
    storage = await createTestStorage(backend);
    repository = await storage.open();
  });
  afterEach(async () => {
    await repository.close();
    await storage.cleanup();
  });

  const create = async (id: string, title = 'Checkout 5xx', name?: string) => {
    const outcome = await repository.createIncident(planCreate({ title, severity: 'SEV2', ...(name ? { name } : {}) }, id, actor));
    if (outcome.kind !== 'created') throw new Error(outcome.kind);
    return outcome;
  };

  it('creates with a generated unique name, a declared entry and a created event', async () => {
    const first = await create('a');
    const second = await create('b');
    expect(first.incident.name).toBe('inc-20261124-checkout-5xx');
    expect(second.incident.name).toBe('inc-20261124-checkout-5xx-2');
    expect(first.events).toEqual([{ id: 1, type: 'incident.created', incident: first.incident }]);
    expect(await repository.lastEventId()).toBe(2);
    expect((await repository.timeline('a'))?.map((e) => e.kind)).toEqual(['declared']);
    expect(await repository.timeline('missing')).toBeUndefined();
  });

  it('an explicit name that is taken is refused without writing', async () => {
    await create('a', 'x', 'inc-fixed');
    expect(await repository.createIncident(planCreate({ title: 'y', severity: 'SEV2', name: 'inc-fixed' }, 'b', actor))).toEqual({ kind: 'name_taken', name: 'inc-fixed' });
    expect(await repository.getIncident('b')).toBeUndefined();
    expect(await repository.lastEventId()).toBe(1);
  });

  it('changes only the expected version; a stale one gets the current incident back', async () => {
    await create('a');
    const bump = (current: Incident) => planPatch(current, { severity: 'SEV1' }, actor);
    const changed = await repository.changeIncident('a', 1, bump);
    expect(changed).toMatchObject({ kind: 'changed', version: 2 });
    const stale = await repository.changeIncident('a', 1, (current) => planPatch(current, { severity: 'SEV3' }, actor));
    expect(stale).toMatchObject({ kind: 'stale', version: 2, current: { severity: 'SEV1' } });
    expect(await repository.changeIncident('a', 2, bump)).toMatchObject({ kind: 'unchanged', version: 2 });
    expect(await repository.changeIncident('missing', undefined, bump)).toEqual({ kind: 'not_found' });
  });

  it('a change that throws mid-way writes nothing at all (one transaction)', async () => {
    await create('a');
    await expect(
      repository.changeIncident('a', undefined, (current) => {
        const change = planPatch(current, { severity: 'SEV1' }, actor);
        // An event type the CHECK constraint refuses: fails after the incident row was updated.
        return change && { ...change, events: ['incident.updated', 'incident.exploded' as 'incident.updated'] };
      }),
    ).rejects.toThrow(/CHECK|check constraint/);
    expect(await repository.getIncident('a')).toMatchObject({ version: 1, incident: { severity: 'SEV2' } });
    expect((await repository.timeline('a'))?.length).toBe(1);
    expect(await repository.lastEventId()).toBe(1);
  });

  it('idempotency claims: claimed, in progress, mismatch, done with the stored response, abandoned takeover', async () => {
    const claim = { user: 'u', key: 'k', fingerprint: 'f1', at: '2026-11-24T10:00:00.000Z', abandonedBefore: '2026-11-24T09:59:30.000Z' };
    expect(await repository.claimIdempotencyKey(claim)).toEqual({ kind: 'claimed' });
    expect(await repository.claimIdempotencyKey(claim)).toEqual({ kind: 'in_progress' });
    expect(await repository.claimIdempotencyKey({ ...claim, fingerprint: 'f2' })).toEqual({ kind: 'mismatch' });
    // Half a minute later the first claim counts as abandoned (a crash mid-create):
    expect(await repository.claimIdempotencyKey({ ...claim, at: '2026-11-24T10:01:00.000Z', abandonedBefore: '2026-11-24T10:00:30.000Z' })).toEqual({ kind: 'claimed' });

    const outcome = await repository.createIncident(planCreate({ title: 'x', severity: 'SEV1' }, 'a', actor), {
      user: 'u',
      key: 'k',
      response: (incident) => ({ status: 201, body: JSON.stringify(incident) }),
    });
    expect(outcome.kind).toBe('created');
    expect(await repository.claimIdempotencyKey(claim)).toEqual({ kind: 'done', response: { status: 201, body: JSON.stringify((outcome as { incident: Incident }).incident) } });
    expect(await repository.purgeIdempotencyKeys('2026-11-24T10:00:30.000Z')).toBe(0);
    expect(await repository.purgeIdempotencyKeys('2026-11-24T10:02:00.000Z')).toBe(1);
  });

  it('lists events after an id in order, in pages', async () => {
    for (const id of ['a', 'b', 'c']) await create(id, `Title ${id}`);
    expect((await repository.eventsAfter(0, 2)).map((e) => e.id)).toEqual([1, 2]);
    expect((await repository.eventsAfter(2, 10)).map((e) => [e.id, e.incident.id])).toEqual([[3, 'c']]);
    expect(await repository.eventsAfter(3, 10)).toEqual([]);
  });
});
