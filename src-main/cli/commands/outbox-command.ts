// `incident-tray outbox`: declares whose steps are not all finished.
import { EXIT_OK, type CliContext } from '../cli-context.js';

interface UnfinishedDeclare {
  id: string;
  name: string;
  created_at: string;
}

export function runOutbox(context: CliContext, options: { json?: boolean }): number {
  const rows = context
    .core()
    .db.prepare<[], UnfinishedDeclare>('SELECT id, name, created_at FROM declares WHERE finished_at IS NULL ORDER BY created_at')
    .all();
  if (options.json) {
    context.io.out(JSON.stringify({ declares: rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at })) }));
  } else if (rows.length === 0) {
    context.io.out('outbox is empty: every declare has finished');
  } else {
    for (const r of rows) context.io.out(`${r.created_at}  ${r.name}  ${r.id}`);
  }
  return EXIT_OK;
}
