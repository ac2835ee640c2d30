// The ports of the headless core (DESIGN.md §2): everything the core needs from the world, as small
// interfaces. The Electron shell, the CLI and the tests each pass their own implementations in.
import type { SecretName, Settings } from '../../src-shared/settings.js';

/** Time, injectable so countdowns and reminders can be tested with a fake clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A request as the core makes one: header names to values, a text body. */
export interface HttpRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

/** The part of fetch's Response the core reads. */
export interface HttpResponse {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly url: string;
  readonly redirected: boolean;
  readonly headers: { get(name: string): string | null; has(name: string): boolean };
  /** The body as it arrives (the event stream); null for an answer without one (204, 304, HEAD). */
  readonly body: ReadableStream<Uint8Array> | null;
  text(): Promise<string>;
}

/**
 * Outbound HTTP: a slice of the fetch signature, so tests point it at real local servers (global
 * fetch fits it), never a module mock. The core's own is node-http.ts: fetch would load Node's
 * undici, about 20 MB of an idle core's RSS.
 */
export type Http = (input: string | URL, init?: HttpRequestInit) => Promise<HttpResponse>;

export interface NotificationRequest {
  kind: string;
  title: string;
  body: string;
  incidentId?: string;
  /** Where a click goes when there is no hub incident to open (e.g. a PagerDuty incident page). */
  url?: string;
  /** ISO time of the event it tells about (the `watch --json` line's `at`). */
  at?: string;
  /** Shown even in quiet mode or do-not-disturb where the OS allows (a page, an overdue SEV1 update). */
  urgent?: boolean;
  /** A PagerDuty incident assigned to me: the notification offers Acknowledge where the OS has actions. */
  pageId?: string;
}

/** Raises a native notification (Electron), prints it (`watch`), or records it (tests). */
export interface Notifier {
  notify(notification: NotificationRequest): void;
}

/** A secret store that cannot protect secrets on this machine refuses to keep them. */
export class SecretStorageUnavailableError extends Error {
  override readonly name = 'SecretStorageUnavailableError';
}

/** Secrets never leave main: read by the core's vendor clients, written by the settings command. */
export interface SecretStore {
  get(name: SecretName): string | undefined;
  set(name: SecretName, value: string): void;
  delete(name: SecretName): void;
  /** How secrets are protected here; a warning when that is weaker than an OS keychain. */
  protection(): { backend: string; warning?: string };
}

/** Persistence of the settings file (electron-store in the app, conf under plain Node). */
export interface SettingsFile {
  read(): unknown;
  write(settings: Settings): void;
  readonly path: string;
}

/** Logging with secrets already redacted by the caller's logger (see redact.ts). */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}
