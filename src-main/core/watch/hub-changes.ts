// What a change on the hub means for this person (issue #6): a teammate declared SEV1–SEV3, or an
// incident they follow (they declared it, lead it, or pinned it) changed severity or status. Pure, so the SSE
// path and the polling fallback classify a change the same way — and give it the same event id, so
// a change both paths see notifies once.
import type { Incident } from '../../../src-shared/domain.js';
import type { WatchEvent } from './watch-event.js';

const ANNOUNCED: ReadonlySet<Incident['severity']> = new Set(['SEV1', 'SEV2', 'SEV3']);

export interface Me {
  /** Every name the person goes by on the hub (email, display name): declaredBy and commander match them. */
  names: ReadonlySet<string>;
  /** The incident pinned as active in the popover: followed whoever leads it. */
  pinned?: string;
}

export const follows = (incident: Incident, me: Me) =>
  incident.id === me.pinned || me.names.has(incident.declaredBy) || (incident.commander !== undefined && me.names.has(incident.commander));

/** The events of one incident going from `before` (undefined: new to us) to `after`. */
export function hubChanges(before: Incident | undefined, after: Incident, me: Me): WatchEvent[] {
  const base = { source: 'hub' as const, incidentId: after.id, at: after.updatedAt };
  if (!before) {
    if (me.names.has(after.declaredBy) || !ANNOUNCED.has(after.severity) || after.status === 'resolved') return [];
    return [
      {
        ...base,
        kind: 'teammate-declared',
        eventId: `incident:${after.id}:declared`,
        title: `${after.severity} declared: ${after.title}`,
        body: `${after.declaredBy} declared ${after.name}${after.service ? ` (${after.service})` : ''}`,
        at: after.createdAt,
      },
    ];
  }
  if (!follows(after, me) || (before.severity === after.severity && before.status === after.status)) return [];
  const what = [
    before.severity !== after.severity ? `${before.severity} → ${after.severity}` : undefined,
    before.status !== after.status ? `${before.status} → ${after.status}` : undefined,
  ].filter(Boolean);
  return [
    {
      ...base,
      kind: 'incident-changed',
      // The state reached, not the path: the same change seen twice (SSE and a poll) is one event.
      eventId: `incident:${after.id}:${after.severity}:${after.status}`,
      title: after.status === 'resolved' ? `Resolved: ${after.title}` : `${after.name}: ${what.join(', ')}`,
      body: `${after.name} is ${after.status} (${after.severity})`,
    },
  ];
}
