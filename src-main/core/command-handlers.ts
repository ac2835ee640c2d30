// The bridge's commands, implemented once over the core. Electron IPC and the HTTP harness both
// serve this map; only opening a link and showing a window differ per host (ShellActions).
import { commandSchemas, type CommandHandlers, type View } from '../../src-shared/bridge.js';
import type { CommandName } from '../../src-shared/bridge-channels.js';
import { describeZodError, fail, ok, type Result } from '../../src-shared/result.js';
import type { Core } from './create-core.js';
import { DeclareInputError } from './declare/declare-service.js';
import { isAllowedExternalUrl } from './external-links.js';
import { SecretStorageUnavailableError } from './ports.js';
import { StepError } from './retry/step-error.js';
import { SettingsError } from './settings/settings-service.js';

export interface ShellActions {
  openExternal(url: string): Promise<void>;
  showWindow(view: View): Promise<void>;
}

const asMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createCommandHandlers(core: Core, shell: ShellActions): CommandHandlers {
  return {
    'snapshot.get': async () => ok(core.snapshot()),
    'incident.declare': async (input) => {
      try {
        return ok(await core.declare(input));
      } catch (error) {
        if (error instanceof DeclareInputError) return fail('invalid_input', error.message);
        return fail('internal', `declare failed: ${asMessage(error)}`);
      }
    },
    'declare.retry': async ({ id }) => {
      const progress = core.declareProgress(id);
      if (!progress) return fail('not_found', `no declare with id ${id}`);
      // The run goes on after the answer; its progress arrives as `declare.progress`.
      void core.runDeclare(id).catch(() => undefined);
      return ok(core.declareProgress(id) ?? progress);
    },
    'declare.get': async ({ id }) => {
      const progress = core.declareProgress(id);
      return progress ? ok(progress) : fail('not_found', `no declare with id ${id}`);
    },
    'services.search': async ({ query }) => ok(await core.searchServices(query)),
    'page.act': async ({ id, action }) => {
      try {
        await core.actOnPage(id, action);
        return ok(null);
      } catch (error) {
        if (error instanceof StepError) {
          const code = error.kind === 'auth' ? 'unauthorized' : error.kind === 'rejected' ? 'invalid_input' : error.kind === 'rate-limited' ? 'rate_limited' : 'unavailable';
          return fail(code, `PagerDuty could not ${action} ${id}: ${error.message}`);
        }
        return fail('internal', `${action} failed: ${asMessage(error)}`);
      }
    },
    'settings.get': async () => ok(core.settings.view()),
    'settings.save': async (patch) => {
      try {
        const view = core.settings.save(patch);
        core.refresh();
        return ok(view);
      } catch (error) {
        if (error instanceof SettingsError) return fail('invalid_input', error.message);
        if (error instanceof SecretStorageUnavailableError) return fail('unavailable', error.message);
        return fail('internal', `settings not saved: ${asMessage(error)}`);
      }
    },
    'settings.testConnection': async ({ target }) => ok(await core.testConnection(target)),
    'link.open': async ({ url }) => {
      if (!isAllowedExternalUrl(url, core.settings.effective().hub.url)) {
        return fail('forbidden', 'Only https links to Slack, PagerDuty or the configured hub can be opened.');
      }
      await shell.openExternal(url);
      return ok(null);
    },
    'window.show': async ({ view }) => {
      await shell.showWindow(view);
      return ok(null);
    },
  };
}

/**
 * Serves one command that arrived from outside (IPC or the harness): validates the payload with the
 * command's schema, runs its handler, and turns any throw into an `internal` Result. Never throws.
 */
export async function dispatchCommand<K extends CommandName>(
  handlers: CommandHandlers,
  command: K,
  payload: unknown,
  onError: (error: unknown) => void = () => undefined,
): Promise<Result<unknown>> {
  const parsed = commandSchemas[command].input.safeParse(payload);
  if (!parsed.success) return fail('invalid_input', describeZodError(parsed.error));
  // TypeScript cannot tie the parsed type of commandSchemas[K] to handlers[K] for a generic K; the
  // mapped type CommandHandlers guarantees they agree, so widen the handler once, here.
  const handler = handlers[command] as (input: unknown) => Promise<Result<unknown>>;
  try {
    return await handler(parsed.data);
  } catch (error) {
    onError(error);
    return fail('internal', `${command} failed: ${asMessage(error)}`);
  }
}
