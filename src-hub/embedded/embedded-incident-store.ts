// The embedded local store (DESIGN.md §5: "with no hub configured the app uses a local embedded
// store"): the hub's own use cases and SQLite repository, called in-process instead of over HTTP.
// One implementation of incidents for both modes: local mode gets idempotent creates, timelines,
// status updates and If-Match exactly as the team hub has them, and nothing is written twice.
import { v7 as uuidv7 } from 'uuid';
import { createIncidentBodySchema, patchIncidentBodySchema, postUpdateBodySchema, HUB_LIST_LIMIT_DEFAULT, HUB_LIST_LIMIT_MAX } from '../../src-shared/hub-api.js';
import { HubError, type HubClient, type IncidentWithEtag } from '../../src-shared/hub-client-contract.js';
import { describeZodError } from '../../src-shared/result.js';
import { EventBus } from '../events/event-bus.js';
import { requestFingerprint } from '../http/canonical-json.js';
import { incidentEtag, parseIfMatch } from '../http/etags.js';
import { HubHttpError } from '../http/http-error.js';
import { createCursorCodec } from '../http/list-cursor.js';
import { IncidentService, type ExpectedVersion } from '../incidents/incident-service.js';
import { HUB_DEFAULTS } from '../hub-defaults.js';
import { SqliteHubRepository } from '../storage/sqlite/sqlite-hub-repository.js';
import type { z } from 'zod';

export interface EmbeddedStoreOptions {
  /** The SQLite file (created with its migrations when missing). */
  dbPath: string;
  /** Who acts: the person at this machine (their email, or their OS user name). */
  user: string;
  now?: () => Date;
}

export interface EmbeddedIncidentStore extends HubClient {
  /** Changes committed by this process, as the hub's SSE stream would carry them (for the watchers). */
  readonly events: EventBus;
  close(): Promise<void>;
}

/** The hub's HTTP errors become the HubError a remote hub would have produced. */
function asHubError(error: unknown): unknown {
  if (!(error instanceof HubHttpError)) return error;
  const current = error.details ? { incident: error.details.current, etag: error.headers.etag } : undefined;
  const retryAfter = error.headers['retry-after'] === undefined ? undefined : Number(error.headers['retry-after']);
  return new HubError(error.statusCode, error.code, error.message, current, retryAfter);
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HubError(400, 'invalid_input', describeZodError(parsed.error));
  return parsed.data;
}

function expectedVersion(ifMatch: string | undefined, required: boolean): ExpectedVersion {
  const parsed = parseIfMatch(ifMatch);
  switch (parsed.kind) {
    case 'any':
      return undefined;
    case 'version':
      return parsed.version;
    case 'missing':
      if (required) throw new HubError(428, 'precondition_required', 'If-Match is required to edit an incident');
      return undefined;
    default:
      // A tag that can never match: the version 0 never exists, so the write answers 412 with the current one.
      return 0;
  }
}

export async function openEmbeddedIncidentStore(options: EmbeddedStoreOptions): Promise<EmbeddedIncidentStore> {
  const repository = SqliteHubRepository.open(options.dbPath);
  const identity = await repository.identity();
  const events = new EventBus(await repository.lastEventId());
  const now = options.now ?? (() => new Date());
  const service = new IncidentService(repository, events, { now, newId: uuidv7, idempotencyLeaseMs: HUB_DEFAULTS.idempotencyLeaseMs });
  const cursors = createCursorCodec(identity.cursorKey);
  const user = options.user;
  const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw asHubError(error);
    }
  };
  const versioned = ({ incident, version }: { incident: IncidentWithEtag['incident']; version: number }): IncidentWithEtag => ({
    incident,
    etag: incidentEtag(version),
  });

  return {
    events,
    listIncidents: (query = {}) =>
      guarded(async () => {
        const status = query.status ?? 'open';
        const limit = Math.min(query.limit ?? HUB_LIST_LIMIT_DEFAULT, HUB_LIST_LIMIT_MAX);
        const after = query.cursor === undefined ? undefined : cursors.decode(status, query.cursor);
        const page = await repository.listIncidents({ status, after, limit });
        const last = page.incidents.at(-1);
        const nextCursor = page.hasMore && last ? cursors.encode(status, { createdAt: last.createdAt, id: last.id }) : undefined;
        // No ETag: reading a local file costs less than deciding whether it changed.
        return { notModified: false, etag: undefined, incidents: page.incidents, ...(nextCursor ? { nextCursor } : {}) };
      }),
    getIncident: (id) => guarded(async () => versioned(await service.get(id))),
    createIncident: (body, { idempotencyKey }) =>
      guarded(async () => {
        const parsed = parse(createIncidentBodySchema, body);
        const { response, replayed } = await service.create({
          user,
          idempotencyKey,
          fingerprint: requestFingerprint('POST', '/v1/incidents', body),
          body: parsed,
        });
        return { incident: JSON.parse(response.body) as IncidentWithEtag['incident'], replayed };
      }),
    patchIncident: (id, patch, { ifMatch }) =>
      guarded(async () => versioned(await service.patch(user, id, expectedVersion(ifMatch, true), parse(patchIncidentBodySchema, patch)))),
    postUpdate: (id, body, updateOptions = {}) =>
      guarded(async () =>
        versioned(await service.postUpdate(user, id, expectedVersion(updateOptions.ifMatch, false), parse(postUpdateBodySchema, body))),
      ),
    timeline: (id) => guarded(() => service.timeline(id)),
    close: () => repository.close(),
  };
}
