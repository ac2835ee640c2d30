// The hub's use cases over the repository: idempotent create, optimistic-concurrency edits, status
// updates, reads. Routes translate HTTP to these calls; events are published after each commit.
// A failure to free an idempotency key never hides the failure that made it necessary.
import type { Incident } from '../../src-shared/domain.js';
import { incidentSchema } from '../../src-shared/domain.js';
import type { CreateIncidentBody, PatchIncidentBody, PostUpdateBody } from '../../src-shared/hub-api.js';
import type { EventSink } from '../events/change-feed.js';
import { incidentEtag } from '../http/etags.js';
import { HubHttpError } from '../http/http-error.js';
import type { ChangeOutcome, HubRepository, IncidentChange, StoredResponse, VersionedIncident } from '../storage/repository.js';
import { planCreate, planPatch, planUpdate, type Actor } from './incident-changes.js';

export interface IncidentServiceOptions {
  now: () => Date;
  newId: () => string;
  /** How long an in-progress idempotency claim blocks duplicates before it counts as abandoned. */
  idempotencyLeaseMs: number;
  /** Test seam: runs after a key is claimed and before the create commits (to hold a request "in flight"). */
  afterIdempotencyClaim?: () => Promise<void>;
}

export interface CreateRequest {
  user: string;
  idempotencyKey: string;
  fingerprint: string;
  body: CreateIncidentBody;
}

/** `undefined` expected version: the caller accepts any version (If-Match: *). */
export type ExpectedVersion = number | undefined;

export class IncidentService {
  constructor(
    private readonly repository: HubRepository,
    /** Told about each commit's events: the bus itself, or a change feed that reads them in order. */
    private readonly bus: EventSink,
    private readonly options: IncidentServiceOptions,
  ) {}

  async create(request: CreateRequest): Promise<{ response: StoredResponse; replayed: boolean }> {
    const now = this.options.now();
    const claim = await this.repository.claimIdempotencyKey({
      user: request.user,
      key: request.idempotencyKey,
      fingerprint: request.fingerprint,
      at: now.toISOString(),
      abandonedBefore: new Date(now.getTime() - this.options.idempotencyLeaseMs).toISOString(),
    });
    switch (claim.kind) {
      case 'mismatch':
        throw new HubHttpError(422, 'idempotency_key_reused', 'this Idempotency-Key was already used for a different request; use a new key for a new incident');
      case 'in_progress':
        throw new HubHttpError(409, 'idempotency_in_progress', 'a request with this Idempotency-Key is still being processed; retry shortly', undefined, { 'retry-after': '1' });
      case 'done':
        return { response: claim.response, replayed: true };
      case 'claimed':
        break;
    }

    let outcome;
    try {
      await this.options.afterIdempotencyClaim?.();
      const draft = planCreate(request.body, request.body.id ?? this.options.newId(), { user: request.user, at: this.options.now() });
      outcome = await this.repository.createIncident(draft, {
        user: request.user,
        key: request.idempotencyKey,
        response: (incident) => ({ status: 201, body: JSON.stringify(incidentSchema.parse(incident)) }),
      });
    } catch (error) {
      // If freeing fails too (the database went away), the key's lease expires on its own.
      await this.repository.releaseIdempotencyKey(request.user, request.idempotencyKey).catch(() => {});
      throw error;
    }
    if (outcome.kind !== 'created' || !outcome.response) {
      // Nothing was written: free the key so that a corrected retry is not stuck behind it.
      await this.repository.releaseIdempotencyKey(request.user, request.idempotencyKey);
      if (outcome.kind === 'name_taken') throw new HubHttpError(409, 'name_taken', `an incident named ${outcome.name} already exists; choose another name or leave it out`);
      if (outcome.kind === 'id_taken') throw new HubHttpError(409, 'conflict', `an incident with id ${outcome.id} already exists`);
      throw new Error('create finished without a response');
    }
    await this.bus.publish(outcome.events);
    return { response: outcome.response, replayed: false };
  }

  async patch(user: string, id: string, expected: ExpectedVersion, patch: PatchIncidentBody): Promise<VersionedIncident> {
    return this.change(id, expected, (current) => planPatch(current, patch, this.actor(user)));
  }

  async postUpdate(user: string, id: string, expected: ExpectedVersion, body: PostUpdateBody): Promise<VersionedIncident> {
    return this.change(id, expected, (current) => planUpdate(current, body, this.actor(user)));
  }

  async get(id: string): Promise<VersionedIncident> {
    const found = await this.repository.getIncident(id);
    if (!found) throw notFound(id);
    return found;
  }

  async timeline(id: string) {
    const entries = await this.repository.timeline(id);
    if (!entries) throw notFound(id);
    return entries;
  }

  private actor(user: string): Actor {
    return { user, at: this.options.now() };
  }

  private async change(
    id: string,
    expected: ExpectedVersion,
    plan: (current: Incident) => IncidentChange | undefined,
  ): Promise<VersionedIncident> {
    const outcome: ChangeOutcome = await this.repository.changeIncident(id, expected, plan);
    switch (outcome.kind) {
      case 'not_found':
        throw notFound(id);
      case 'stale':
        throw preconditionFailed({ incident: outcome.current, version: outcome.version });
      case 'unchanged':
        return { incident: outcome.incident, version: outcome.version };
      case 'changed':
        await this.bus.publish(outcome.events);
        return { incident: outcome.incident, version: outcome.version };
    }
  }
}

/** 412 with the incident as it is now and its ETag, so the client can merge and retry at once. */
export const preconditionFailed = (current: VersionedIncident) =>
  new HubHttpError(
    412,
    'precondition_failed',
    'the incident changed since you read it (If-Match is stale); merge with error.details.current and retry with its ETag',
    { current: current.incident },
    { etag: incidentEtag(current.version) },
  );

const notFound = (id: string) => new HubHttpError(404, 'not_found', `no incident with id ${id}`);
