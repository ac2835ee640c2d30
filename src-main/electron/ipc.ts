// The only module that touches raw `ipcMain` (DESIGN.md §7): one handler per bridge command, each
// checking who sent the message and validating what it carries before the core sees it, and the push
// of snapshot events to the windows. The handler map is typed `CommandHandlers`, so a command without
// a handler does not compile.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { AppSnapshot, CommandHandlers, EventPayload } from '../../src-shared/bridge.js';
import { COMMAND_NAMES, ipcChannel, type CommandName, type EventName } from '../../src-shared/bridge-channels.js';
import { fail, type Result } from '../../src-shared/result.js';
import { dispatchCommand } from '../core/command-handlers.js';
import type { Logger } from '../core/ports.js';

export interface IpcOptions {
  handlers: CommandHandlers;
  /** True only for a message from our own renderer page in one of our windows. */
  isTrustedSender(event: IpcMainInvokeEvent): boolean;
  logger: Logger;
}

/** Answers one command: sender check, then the shared dispatch (validation, handler); never throws. */
async function serve<K extends CommandName>(
  command: K,
  options: IpcOptions,
  event: IpcMainInvokeEvent,
  payload: unknown,
): Promise<Result<unknown>> {
  if (!options.isTrustedSender(event)) {
    options.logger.warn('ipc message from a foreign sender refused', { command, url: event.senderFrame?.url ?? null });
    return fail('forbidden', `${command} may only be called from the incident-tray window`);
  }
  return dispatchCommand(options.handlers, command, payload, (error) =>
    options.logger.error('ipc handler failed', { command, error: error instanceof Error ? error.message : String(error) }),
  );
}

/** Registers a handler for every command; returns a function removing them all. */
export function registerIpcHandlers(options: IpcOptions): () => void {
  for (const command of COMMAND_NAMES) {
    ipcMain.handle(ipcChannel(command), (event, payload: unknown) => serve(command, options, event, payload));
  }
  return () => {
    for (const command of COMMAND_NAMES) ipcMain.removeHandler(ipcChannel(command));
  };
}

/** Pushes every payload of one event to every open window; returns the unsubscribe. */
export function pushEvents<E extends EventName>(
  event: E,
  subscribe: (listener: (payload: EventPayload<E>) => void) => () => void,
  targets: () => WebContents[],
): () => void {
  return subscribe((payload) => {
    for (const contents of targets()) {
      if (!contents.isDestroyed()) contents.send(ipcChannel(event), payload);
    }
  });
}

/** Pushes every new snapshot to every open window; returns the unsubscribe. */
export const pushSnapshots = (subscribe: (listener: (snapshot: AppSnapshot) => void) => () => void, targets: () => WebContents[]) =>
  pushEvents('snapshot.changed', subscribe, targets);

/**
 * The sender check: the message must come from the top frame of one of our windows, showing our own
 * renderer page. A frame that navigated away, an iframe, or any other webContents is refused.
 */
export function createSenderCheck(deps: {
  ownsWebContents(contents: WebContents): boolean;
  isAppUrl(url: string): boolean;
}): (event: IpcMainInvokeEvent) => boolean {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    if (!deps.ownsWebContents(event.sender)) return false;
    return deps.isAppUrl(frame.url);
  };
}
