// `incident-tray outbox`: declares whose steps are not all finished (after this start's resume).
import type { DeclareProgress } from '../../../src-shared/domain.js';
import { EXIT_OK, type CliContext } from '../cli-context.js';
import { declareJson, STEP_LABELS } from './declare-command.js';

const unfinishedSteps = (d: DeclareProgress) => d.steps.filter((s) => s.status !== 'done' && s.status !== 'skipped' && s.status !== 'not-configured');

export async function runOutbox(context: CliContext, options: { json?: boolean }): Promise<number> {
  const core = await context.core();
  await context.resumed();
  const declares = core.outbox();
  if (options.json) {
    context.io.out(JSON.stringify({ declares: declares.map((d) => ({ ...declareJson(d), title: d.title, severity: d.severity, createdAt: d.createdAt })) }));
  } else if (declares.length === 0) {
    context.io.out('outbox is empty: every declare has finished');
  } else {
    for (const d of declares) {
      const waiting = unfinishedSteps(d);
      const network = waiting.every((s) => s.waitingForNetwork);
      context.io.out(`${d.createdAt}  ${d.name}  ${d.id}  ${network ? 'waiting for network' : 'needs attention'}`);
      for (const s of waiting) context.io.out(`    ${STEP_LABELS[s.step].padEnd(18)} ${s.status}${s.error ? `: ${s.error}` : ''}`);
    }
  }
  return EXIT_OK;
}
