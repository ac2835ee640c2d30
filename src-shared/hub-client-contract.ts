// What the app needs from an incident store, whichever one it is: the team's hub over HTTP
// (src-main/core/hub-client) or the embedded local store on this machine's SQLite file
// (src-hub/embedded). Both implement this interface and fail with HubError, so the declare flow,
// the list and the watchers never ask which one they talk to.
import type { Incident } from './domain.js';
import type { CreateIncidentBody, HubErrorCode, ListStatus, PatchIncidentBody, PostUpdateBody, TimelineEntry } from './hub-api.js';

export interface ListQuery {
  status?: ListStatus;
  cursor?: string;
  limit?: number;
  /** The ETag of the last answer: an unchanged list then costs a 304 and no body. */
  ifNoneMatch?: string;
}

export type ListResult =
  | { notModified: true; etag: string }
  | { notModified: false; etag: string | undefined; incidents: Incident[]; nextCursor?: string };

export interface IncidentWithEtag {
  incident: Incident;
  /** Pass as `ifMatch` to edit this version. */
  etag: string | undefined;
}

export interface HubClient {
  listIncidents(query?: ListQuery): Promise<ListResult>;
  getIncident(id: string): Promise<IncidentWithEtag>;
  /** Retrying with the same key never creates a second incident; `replayed` says it was a retry. */
  createIncident(body: CreateIncidentBody, options: { idempotencyKey: string }): Promise<{ incident: Incident; replayed: boolean }>;
  patchIncident(id: string, patch: PatchIncidentBody, options: { ifMatch: string }): Promise<IncidentWithEtag>;
  postUpdate(id: string, body: PostUpdateBody, options?: { ifMatch?: string }): Promise<IncidentWithEtag>;
  timeline(id: string): Promise<TimelineEntry[]>;
  /** Releases what the store holds (the embedded one its database); a no-op for HTTP. */
  close?(): Promise<void>;
}

export type HubClientErrorCode = HubErrorCode | 'bad_response' | 'network' | 'timeout';

/**
 * Every way a store call can fail, as one typed error: the hub's own `{ error: { code, message } }`,
 * or what the client saw when there was no such answer (timeout, network, a body that is not ours).
 */
export class HubError extends Error {
  constructor(
    /** HTTP status, 0 when no response arrived. */
    readonly status: number,
    readonly code: HubClientErrorCode,
    message: string,
    /** On 412: the incident as the hub holds it now, and its ETag for the retry. */
    readonly current?: { incident: Incident; etag: string | undefined },
    /** Seconds the hub asked to wait (429, 409 in progress, 503). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'HubError';
  }
}
