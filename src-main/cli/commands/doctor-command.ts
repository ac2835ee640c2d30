// `incident-tray doctor`: where things are kept, what is configured, and whether each service answers.
import { CONNECTION_TARGETS } from '../../../src-shared/settings.js';
import { EXIT_OK, EXIT_STEP_FAILED, type CliContext } from '../cli-context.js';

export async function runDoctor(context: CliContext, options: { json?: boolean }): Promise<number> {
  const core = await context.core();
  const view = core.settings.view();
  const checks = await Promise.all(CONNECTION_TARGETS.map((t) => core.testConnection(t)));
  const failed = checks.some((c) => c.state === 'failed');
  if (options.json) {
    context.io.out(
      JSON.stringify({ store: core.snapshot().store, checks, secrets: view.secrets, environmentOverrides: view.environmentOverrides, warning: view.secretStorageWarning }),
    );
    return failed ? EXIT_STEP_FAILED : EXIT_OK;
  }
  context.io.out(`incidents kept in: ${core.snapshot().store === 'hub' ? view.settings.hub.url : 'the local store'} (${core.db.name})`);
  for (const check of checks) context.io.out(`${check.target.padEnd(10)} ${check.state.padEnd(15)} ${check.message}`);
  if (view.environmentOverrides.length > 0) context.io.out(`set by environment: ${view.environmentOverrides.join(', ')}`);
  if (view.secretStorageWarning) context.io.out(`warning: ${view.secretStorageWarning}`);
  return failed ? EXIT_STEP_FAILED : EXIT_OK;
}
