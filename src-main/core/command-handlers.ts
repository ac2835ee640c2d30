// The bridge's commands, implemented once over the core. Electron IPC and the HTTP harness both
// serve this map; only opening a link and showing a window differ per host (ShellActions).
import { commandSchemas, type CommandHandlers, type View } from '../../src-shared/bridge.js';
import type { CommandName } from '../../src-shared/bridge-channels.js';
import { describeZodError, fail, ok, type ErrorCode, type Result } from '../../src-shared/result.js';
import { HubError } from '../../src-shared/hub-client-contract.js';
import { IncidentNotOpenError, type Core } from './create-core.js';
import { DeclareInputError } from './declare/declare-service.js';
import { isAllowedExternalUrl } from './external-links.js';
import { SecretStorageUnavailableError } from './ports.js';
import { StepError } from './retry/step-error.js';
import { SettingsError } from './settings/settings-service.js';

export interface ShellActions {
  openExternal(url: string): Promise<void>;
  /** Opens a view's window; with an incident, the popover on that incident's detail. */
  showWindow(view: View, incidentId?: string): Promise<void>;
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
    'incident.get': ({ id }) => incidentCall(() => core.incidentDetail(id)),
    'incident.edit': (edit) => incidentCall(() => core.editIncident(edit)),
    'incident.postUpdate': (input) => incidentCall(() => core.postUpdate(input)),
    'incident.resolve': (input) => incidentCall(() => core.resolveIncident(input)),
    'incident.pin': ({ id }) => incidentCall(async () => (core.pinIncident(id ?? undefined), null)),
    'incident.snooze': ({ id, minutes }) => incidentCall(async () => (core.snoozeIncident(id, minutes), null)),
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
    'window.show': async ({ view, incidentId }) => {
      await shell.showWindow(view, incidentId);
      return ok(null);
    },
  };
}

/** The incident store's failures as the bridge's error codes, with the store's own words. */
function hubErrorCode(error: HubError): ErrorCode {
  if (error.status === 404) return 'not_found';
  if (error.status === 400 || error.status === 422) return 'invalid_input';
  if (error.status === 401 || error.status === 403) return 'unauthorized';
  if (error.status === 409 || error.status === 412) return 'conflict';
  if (error.status === 429) return 'rate_limited';
  return 'unavailable';
}

async function incidentCall<T>(run: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await run());
  } catch (error) {
    if (error instanceof HubError) {
      const where = error.status === 0 ? 'The incident store could not be reached' : 'The incident store refused';
      return fail(hubErrorCode(error), `${where}: ${error.message}`);
    }
    if (error instanceof IncidentNotOpenError) return fail('not_found', error.message);
    return fail('internal', asMessage(error));
  }
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
