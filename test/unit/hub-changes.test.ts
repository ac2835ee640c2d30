// What a hub change means for me: followed incidents are the ones I declared, lead, or pinned.
import { describe, expect, it } from 'vitest';
import { hubChanges } from '../../src-main/core/watch/hub-changes.js';
import type { Incident } from '../../src-shared/domain.js';

const incident = (fields: Partial<Incident> = {}): Incident => ({
  id: 'i1',
  name: 'inc-db-failover',
  title: 'DB failover',
  severity: 'SEV2',
  status: 'investigating',
  declaredBy: 'grace@example.com',
  commander: 'grace@example.com',
  createdAt: '2026-12-06T10:00:00Z',
  updatedAt: '2026-12-06T10:00:00Z',
  links: {},
  ...fields,
});

describe('hub changes', () => {
  const me = { names: new Set(['ana@example.com']) };
  const escalated = incident({ severity: 'SEV1', updatedAt: '2026-12-06T10:05:00Z' });

  it("a teammate's incident I do not follow changing is not news; pinned, it is", () => {
    expect(hubChanges(incident(), escalated, me)).toEqual([]);
    expect(hubChanges(incident(), escalated, { ...me, pinned: 'i1' })).toMatchObject([
      { kind: 'incident-changed', incidentId: 'i1', title: 'inc-db-failover: SEV2 → SEV1', eventId: 'incident:i1:SEV1:investigating' },
    ]);
  });

  it('one I lead is followed without a pin; a teammate declaring SEV1–3 is told once, SEV4 not', () => {
    expect(hubChanges(incident({ commander: 'ana@example.com' }), { ...escalated, commander: 'ana@example.com' }, me)).toHaveLength(1);
    expect(hubChanges(undefined, incident(), me)).toMatchObject([{ kind: 'teammate-declared', eventId: 'incident:i1:declared' }]);
    expect(hubChanges(undefined, incident({ severity: 'SEV4' }), me)).toEqual([]);
  });
});
