// Every way a hub call can fail, as one typed error: the hub's own `{ error: { code, message } }`,
// or what the client saw when there was no such answer (timeout, network, a body that is not ours).
import type { Incident } from '../../../src-shared/domain.js';
import type { HubErrorCode } from '../../../src-shared/hub-api.js';

export type HubClientErrorCode = HubErrorCode | 'bad_response' | 'network' | 'timeout';

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
