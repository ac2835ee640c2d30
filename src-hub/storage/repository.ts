// The hub's storage behind one interface (DESIGN.md §4): SQLite (sqlite/) by default, PostgreSQL
// (postgres/) for teams that run several hub instances. Methods are async for the networked one.
// Each write method is one transaction: the change, its timeline entries, its events (the change
// sequence) and, for creates, the idempotency record commit together or not at all.
import type { Incident } from '../../src-shared/domain.js';
import type { HubEvent, HubEventType, ListStatus, TimelineEntry } from '../../src-shared/hub-api.js';

export interface VersionedIncident {
  incident: Incident;
  /** Bumped by every change; the per-incident ETag (If-Match) is derived from it. */
  version: number;
}

/** Where a page of the list ends: the list is ordered by (createdAt, id), newest first. */
export interface ListPosition {
  createdAt: string;
  id: string;
}

export interface ListQuery {
  status: ListStatus;
  after?: ListPosition;
  limit: number;
}

export interface IncidentPage {
  incidents: Incident[];
  hasMore: boolean;
}

export type TimelineDraft = Omit<TimelineEntry, 'id' | 'incidentId'>;

export interface IncidentDraft {
  /** The new incident; its name is decided inside the transaction (see `name`). */
  incident: Omit<Incident, 'name'>;
  /** An explicit name must be free; a generated one gets the first free `-2`, `-3` … suffix. */
  name: { explicit: string } | { base: string };
  timeline: TimelineDraft[];
}

/** What one change does, computed from the current incident by pure code inside the transaction. */
export interface IncidentChange {
  incident: Incident;
  timeline: TimelineDraft[];
  events: HubEventType[];
}

export interface StoredResponse {
  status: number;
  body: string;
}

/** Finishes an idempotency key in the same transaction as the create it guarded. */
export interface IdempotencyCompletion {
  user: string;
  key: string;
  response(incident: Incident): StoredResponse;
}

export type CreateOutcome =
  | { kind: 'created'; incident: Incident; version: number; events: HubEvent[]; response?: StoredResponse }
  | { kind: 'name_taken'; name: string }
  | { kind: 'id_taken'; id: string };

export type ChangeOutcome =
  | { kind: 'changed'; incident: Incident; version: number; events: HubEvent[] }
  | { kind: 'unchanged'; incident: Incident; version: number }
  | { kind: 'stale'; current: Incident; version: number }
  | { kind: 'not_found' };

export interface IdempotencyClaim {
  user: string;
  key: string;
  /** Hash of method, path and canonical body: "the same request". */
  fingerprint: string;
  at: string;
  /** An in-progress claim older than this was abandoned (a crash mid-create) and may be taken over. */
  abandonedBefore: string;
}

export type ClaimOutcome =
  | { kind: 'claimed' }
  | { kind: 'in_progress' }
  | { kind: 'mismatch' }
  | { kind: 'done'; response: StoredResponse };

export interface HubIdentity {
  /** Random per database: part of list ETags so a recreated database never answers a stale 304. */
  epoch: string;
  /** Signs list cursors so a tampered one is refused instead of silently misread. */
  cursorKey: string;
}

export interface HubRepository {
  identity(): Promise<HubIdentity>;
  /** The change sequence: the id of the newest event, 0 when there is none. */
  lastEventId(): Promise<number>;

  addToken(tokenHash: string, userEmail: string, at: string): Promise<void>;
  userForToken(tokenHash: string): Promise<string | undefined>;

  createIncident(draft: IncidentDraft, completion?: IdempotencyCompletion): Promise<CreateOutcome>;
  /**
   * Applies `change` to the incident when its version is `expectedVersion` (any version when
   * undefined). `change` answers undefined when nothing would change: no version bump, no event.
   */
  changeIncident(
    id: string,
    expectedVersion: number | undefined,
    change: (current: Incident) => IncidentChange | undefined,
  ): Promise<ChangeOutcome>;
  getIncident(id: string): Promise<VersionedIncident | undefined>;
  listIncidents(query: ListQuery): Promise<IncidentPage>;
  /** Undefined when the incident does not exist (as opposed to an empty timeline). */
  timeline(incidentId: string): Promise<TimelineEntry[] | undefined>;
  eventsAfter(afterId: number, limit: number): Promise<HubEvent[]>;

  claimIdempotencyKey(claim: IdempotencyClaim): Promise<ClaimOutcome>;
  /** Frees a claimed key whose request failed, so a retry runs again instead of hanging on 409. */
  releaseIdempotencyKey(user: string, key: string): Promise<void>;
  purgeIdempotencyKeys(createdBefore: string): Promise<number>;

  close(): Promise<void>;
}
