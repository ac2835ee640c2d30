// What a create, a patch or a status update does to an incident, as pure functions: the new record,
// the timeline entries that explain it, and the events to publish. The repository applies the result
// inside its transaction, so these rules are the same for every storage backend.
import type { Incident, IncidentStatus } from '../../src-shared/domain.js';
import type { CreateIncidentBody, HubEventType, PatchIncidentBody, PostUpdateBody } from '../../src-shared/hub-api.js';
import { baseIncidentName } from '../../src-shared/incident-name.js';
import type { IncidentChange, IncidentDraft, TimelineDraft } from '../storage/repository.js';

export interface Actor {
  user: string;
  at: Date;
}

export function planCreate(body: CreateIncidentBody, id: string, actor: Actor): IncidentDraft {
  const at = actor.at.toISOString();
  const incident: Omit<Incident, 'name'> = {
    id,
    title: body.title,
    severity: body.severity,
    status: 'investigating',
    declaredBy: actor.user,
    createdAt: at,
    updatedAt: at,
    links: { ...body.links },
  };
  if (body.description) incident.description = body.description;
  if (body.service) incident.service = body.service;
  if (body.commander) incident.commander = body.commander;
  return {
    incident,
    name: body.name ? { explicit: body.name } : { base: baseIncidentName(body.title, body.severity, actor.at) },
    timeline: [{ kind: 'declared', at, actor: actor.user, message: `${body.severity}: ${body.title}`, to: body.severity }],
  };
}

function statusEntry(from: IncidentStatus, to: IncidentStatus, actor: string, at: string): TimelineDraft {
  return to === 'resolved'
    ? { kind: 'resolved', at, actor, from, to }
    : { kind: 'status_changed', at, actor, from, to, message: `${from} → ${to}` };
}

/** Sets or (with null) clears an optional field; answers whether it changed. */
function applyOptional<K extends 'description' | 'service' | 'commander'>(
  next: Incident,
  key: K,
  value: string | null | undefined,
): boolean {
  if (value === undefined) return false;
  const before = next[key];
  // An empty text clears the field too, as on create, so "" and absent never both mean "none".
  if (value === null || value === '') delete next[key];
  else next[key] = value;
  return before !== next[key];
}

export function planPatch(current: Incident, patch: PatchIncidentBody, actor: Actor): IncidentChange | undefined {
  const at = actor.at.toISOString();
  const next: Incident = { ...current, links: { ...current.links } };
  const timeline: TimelineDraft[] = [];
  const edited: string[] = [];

  if (patch.title !== undefined && patch.title !== current.title) {
    next.title = patch.title;
    edited.push('title');
  }
  if (patch.severity !== undefined && patch.severity !== current.severity) {
    next.severity = patch.severity;
    timeline.push({ kind: 'severity_changed', at, actor: actor.user, from: current.severity, to: patch.severity, message: `${current.severity} → ${patch.severity}` });
  }
  if (patch.status !== undefined && patch.status !== current.status) {
    next.status = patch.status;
    timeline.push(statusEntry(current.status, patch.status, actor.user, at));
  }
  if (applyOptional(next, 'commander', patch.commander)) {
    const entry: TimelineDraft = { kind: 'commander_changed', at, actor: actor.user };
    if (current.commander !== undefined) entry.from = current.commander;
    if (next.commander !== undefined) entry.to = next.commander;
    timeline.push(entry);
  }
  if (applyOptional(next, 'description', patch.description)) edited.push('description');
  if (applyOptional(next, 'service', patch.service)) edited.push('service');
  for (const link of ['slack', 'pagerduty'] as const) {
    const value = patch.links?.[link];
    if (value === undefined || value === (current.links[link] ?? null)) continue;
    if (value === null) delete next.links[link];
    else next.links[link] = value;
    edited.push(`links.${link}`);
  }
  if (edited.length > 0) timeline.push({ kind: 'edited', at, actor: actor.user, message: `changed ${edited.join(', ')}` });
  if (timeline.length === 0) return undefined;

  next.updatedAt = at;
  const resolvedNow = next.status === 'resolved' && current.status !== 'resolved';
  const events: HubEventType[] = [resolvedNow ? 'incident.resolved' : 'incident.updated'];
  return { incident: next, timeline, events };
}

/** A status update always changes the incident: it resets the update cadence (lastUpdateAt). */
export function planUpdate(current: Incident, body: PostUpdateBody, actor: Actor): IncidentChange {
  const at = actor.at.toISOString();
  const next: Incident = { ...current, links: { ...current.links }, updatedAt: at, lastUpdateAt: at };
  const timeline: TimelineDraft[] = [{ kind: 'update_posted', at, actor: actor.user, message: body.message }];
  const events: HubEventType[] = ['incident.update_posted'];
  if (body.status !== undefined && body.status !== current.status) {
    next.status = body.status;
    timeline.push(statusEntry(current.status, body.status, actor.user, at));
    if (body.status === 'resolved') events.push('incident.resolved');
  }
  return { incident: next, timeline, events };
}
