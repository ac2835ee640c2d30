import type { HttpRequestInit } from './ports.js';

/** Every outbound call has a deadline: a hung vendor must never hang a declare or a check. */
export const DEFAULT_HTTP_TIMEOUT_MS = 10_000;

export function withTimeout(init: HttpRequestInit = {}, timeoutMs = DEFAULT_HTTP_TIMEOUT_MS): HttpRequestInit {
  return { ...init, signal: AbortSignal.timeout(timeoutMs) };
}
