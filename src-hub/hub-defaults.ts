// The hub's defaults, apart from the server so the embedded store can use them without Fastify.
export const HUB_DEFAULTS = {
  bodyLimitBytes: 64 * 1024,
  // A desktop client polls every few seconds at most and keeps one SSE stream: 10/s is generous.
  rateLimit: { max: 600, timeWindowMs: 60_000 },
  heartbeatMs: 15_000,
  idempotencyLeaseMs: 30_000,
  idempotencyRetentionMs: 24 * 60 * 60 * 1000,
} as const;
