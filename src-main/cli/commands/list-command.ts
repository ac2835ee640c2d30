// `incident-tray list`: the open incidents, most severe first, then oldest first.
import { bySeverity, type Incident } from '../../../src-shared/domain.js';
import { EXIT_OK, type CliContext } from '../cli-context.js';

export function sortForTriage(incidents: Incident[]): Incident[] {
  return [...incidents].sort((a, b) => bySeverity(a, b) || Date.parse(a.createdAt) - Date.parse(b.createdAt));
}

export async function runList(context: CliContext, options: { json?: boolean }): Promise<number> {
  const snapshot = (await context.core()).snapshot();
  const incidents = sortForTriage(snapshot.incidents);
  if (options.json) {
    context.io.out(JSON.stringify({ incidents, store: snapshot.store }));
    return EXIT_OK;
  }
  if (incidents.length === 0) {
    context.io.out(`no open incidents (${snapshot.store === 'hub' ? 'hub' : 'local store'})`);
    return EXIT_OK;
  }
  for (const i of incidents) {
    context.io.out(`${i.severity}  ${i.name.padEnd(40)} ${i.status.padEnd(13)} ${i.title}`);
  }
  return EXIT_OK;
}
