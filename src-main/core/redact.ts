// Tokens must never reach a log line (DESIGN.md §5). Every logger of the app goes through this.
import type { Logger } from './ports.js';

const SECRET_KEY = /token|secret|authorization|password|routing.?key|api.?key/i;
// Shapes of the vendors' tokens plus bearer headers, for secrets that slip into free text.
const SECRET_TEXT = [
  /xox[abposr]-[A-Za-z0-9-]+/g, // Slack
  /(Bearer|Token token=)\s*[A-Za-z0-9._~+/=-]+/gi,
  /\bit_[A-Za-z0-9_-]{16,}\b/g, // our hub tokens
];

export function redactText(text: string, knownSecrets: readonly string[] = []): string {
  let out = text;
  for (const secret of knownSecrets) if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  for (const pattern of SECRET_TEXT) out = out.replace(pattern, '[redacted]');
  return out;
}

export function redactFields(value: unknown, knownSecrets: readonly string[] = []): unknown {
  if (typeof value === 'string') return redactText(value, knownSecrets);
  if (Array.isArray(value)) return value.map((v) => redactFields(v, knownSecrets));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? '[redacted]' : redactFields(v, knownSecrets)]),
    );
  }
  return value;
}

/** A logger writing JSON lines to a stream, redacting known secrets and anything shaped like one. */
export function createRedactingLogger(
  write: (line: string) => void,
  knownSecrets: () => readonly string[] = () => [],
): Logger {
  const log = (level: string, message: string, fields?: Record<string, unknown>) => {
    const secrets = knownSecrets();
    write(
      JSON.stringify({
        level,
        at: new Date().toISOString(),
        message: redactText(message, secrets),
        ...(fields ? (redactFields(fields, secrets) as Record<string, unknown>) : {}),
      }),
    );
  };
  return {
    info: (m, f) => log('info', m, f),
    warn: (m, f) => log('warn', m, f),
    error: (m, f) => log('error', m, f),
  };
}
