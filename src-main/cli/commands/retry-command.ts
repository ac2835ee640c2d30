// `incident-tray retry [ID]`: runs unfinished declares now (one, or all of them) and reports each.
import type { DeclareProgress } from '../../../src-shared/domain.js';
import { EXIT_OK, EXIT_STEP_FAILED, UsageError, type CliContext } from '../cli-context.js';
import { declareJson, formatDeclare } from './declare-command.js';

export async function runRetry(context: CliContext, id: string | undefined, options: { json?: boolean }): Promise<number> {
  const core = await context.core();
  let results: DeclareProgress[];
  if (id) {
    const known = core.declareProgress(id) ?? core.outbox().find((d) => d.name === id);
    if (!known) throw new UsageError(`no declare with id or name ${id} (see \`incident-tray outbox\`)`);
    const result = await core.runDeclare(known.id);
    results = [result ?? known];
  } else {
    // Every CLI start resumes the outbox: those runs are this command's work.
    const resumed = await context.resumed();
    const others = core.outbox().filter((d) => !resumed.some((r) => r.id === d.id));
    const rest = (await Promise.all(others.map((d) => core.runDeclare(d.id)))).filter((r): r is DeclareProgress => r !== undefined);
    results = [...resumed, ...rest];
  }
  if (options.json) context.io.out(JSON.stringify({ declares: results.map(declareJson) }));
  else if (results.length === 0) context.io.out('outbox is empty: nothing to retry');
  else for (const r of results) for (const line of formatDeclare(r)) context.io.out(line);
  return results.every((r) => r.finished) ? EXIT_OK : EXIT_STEP_FAILED;
}
