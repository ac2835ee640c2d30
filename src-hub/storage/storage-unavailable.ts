// A database that cannot answer right now (down, restarting, or every pooled connection busy) is not
// a bug of the request: the client should retry shortly. Storage code throws this; the HTTP layer
// answers it with 503 `unavailable` and Retry-After instead of a 500 that would read as a hub fault.
export class StorageUnavailableError extends Error {
  constructor(
    message: string,
    /** Seconds a client should wait before retrying. */
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageUnavailableError';
  }
}
