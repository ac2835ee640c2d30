// The one error type routes throw: the error handler turns it into `{ error: { code, message } }`.
import type { Incident } from '../../src-shared/domain.js';
import type { HubErrorCode } from '../../src-shared/hub-api.js';

export class HubHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: HubErrorCode,
    message: string,
    readonly details?: { current: Incident },
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HubHttpError';
  }
}
