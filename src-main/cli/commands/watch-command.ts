// `incident-tray watch [--json]` (DESIGN.md §5): the watchers headless; every notification the app
// would raise is printed (with --json one object a line: { kind, title, body, incidentId?, at }).
import type { NotificationRequest } from '../../core/ports.js';
import { EXIT_OK, type CliContext } from '../cli-context.js';

export function formatNotification(n: NotificationRequest, json: boolean, now: () => Date = () => new Date()): string {
  const at = n.at ?? now().toISOString();
  if (json) return JSON.stringify({ kind: n.kind, title: n.title, body: n.body, ...(n.incidentId ? { incidentId: n.incidentId } : {}), at });
  return `${at}  ${n.kind.padEnd(18)} ${n.title} — ${n.body}${n.url ? `  ${n.url}` : ''}`;
}

export async function runWatch(context: CliContext, options: { json?: boolean }, until?: Promise<void>): Promise<number> {
  const json = options.json === true;
  await context.core({
    background: true,
    notifier: { notify: (n) => context.io.out(formatNotification(n, json)) },
  });
  context.io.err('watching the hub (and PagerDuty when configured); Ctrl-C stops');
  await (until ??
    new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }));
  return EXIT_OK;
}
