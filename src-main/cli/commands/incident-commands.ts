// `incident-tray update ID --message M` and `incident-tray resolve ID`: the detail view's two actions
// from a terminal, through the same core calls. ID may be the incident's id or its name. Exit 1 when
// a step failed (the hub change stands; the line says what to do by hand), 2 for bad input.
import type { ActionResult } from '../../../src-shared/incident-actions.js';
import { postUpdateInputSchema, resolveInputSchema } from '../../../src-shared/incident-actions.js';
import { HubError } from '../../../src-shared/hub-client-contract.js';
import { describeZodError } from '../../../src-shared/result.js';
import type { Core } from '../../core/create-core.js';
import { EXIT_OK, EXIT_STEP_FAILED, UsageError, type CliContext } from '../cli-context.js';

/** An open incident's name stands for its id; anything else is taken as an id as given. */
function incidentId(core: Core, idOrName: string): string {
  return core.snapshot().incidents.find((i) => i.id === idOrName || i.name === idOrName)?.id ?? idOrName;
}

function report(context: CliContext, verb: string, result: ActionResult, json: boolean | undefined): number {
  const failed = result.steps.some((s) => s.status === 'failed');
  if (json) {
    context.io.out(JSON.stringify(result));
  } else {
    context.io.out(`${verb} ${result.incident.name} (${result.incident.severity}, ${result.incident.status})`);
    for (const step of result.steps) context.io.out(`  ${step.step.padEnd(14)} ${step.status}${step.error ? `: ${step.error}` : ''}`);
  }
  return failed ? EXIT_STEP_FAILED : EXIT_OK;
}

/** The store's refusal in words: an unknown id is the user's mistake (exit 2), an outage is not. */
async function run(context: CliContext, action: () => Promise<ActionResult>, verb: string, json: boolean | undefined): Promise<number> {
  try {
    return report(context, verb, await action(), json);
  } catch (error) {
    if (error instanceof HubError && (error.status === 404 || error.status === 400 || error.status === 422)) throw new UsageError(error.message);
    throw error;
  }
}

export async function runUpdate(context: CliContext, idOrName: string, options: { message: string; status?: string; json?: boolean }): Promise<number> {
  const core = await context.core();
  const input = postUpdateInputSchema.safeParse({ id: incidentId(core, idOrName), message: options.message, ...(options.status ? { status: options.status } : {}) });
  if (!input.success) throw new UsageError(describeZodError(input.error));
  return run(context, () => core.postUpdate(input.data), 'update posted to', options.json);
}

export async function runResolve(context: CliContext, idOrName: string, options: { message?: string; json?: boolean }): Promise<number> {
  const core = await context.core();
  const input = resolveInputSchema.safeParse({ id: incidentId(core, idOrName), ...(options.message !== undefined ? { message: options.message } : {}) });
  if (!input.success) throw new UsageError(describeZodError(input.error));
  return run(context, () => core.resolveIncident(input.data), 'resolved', options.json);
}
