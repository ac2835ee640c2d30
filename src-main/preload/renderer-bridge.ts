// The bridge object the preload hands to the page (DESIGN.md §2): exactly `invoke` and `on`, for the
// channel names of the contract only. The page never sees ipcRenderer nor an IPC event object, so it
// can neither reach other channels nor read the sender. Imports only the dependency-free channel
// list — the sandboxed preload can require nothing but 'electron', and zod stays out of it.
import type { IpcRenderer } from 'electron';
import type { IncidentTrayBridge } from '../../src-shared/bridge.js';
import { COMMAND_NAMES, EVENT_NAMES, ipcChannel, type CommandName, type EventName } from '../../src-shared/bridge-channels.js';

const isCommand = (name: unknown): name is CommandName => (COMMAND_NAMES as readonly unknown[]).includes(name);
const isEvent = (name: unknown): name is EventName => (EVENT_NAMES as readonly unknown[]).includes(name);

export function createRendererBridge(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>) {
  const bridge = {
    invoke(command, input) {
      if (!isCommand(command)) {
        // A Result, not a throw: the page treats every answer the same way.
        return Promise.resolve({ ok: false, error: { code: 'invalid_input', message: `unknown command ${String(command)}` } });
      }
      // Commands without input take null; undefined would not survive the schema.
      return ipc.invoke(ipcChannel(command), input === undefined ? null : input);
    },
    on(event, listener) {
      if (!isEvent(event)) throw new TypeError(`unknown event ${String(event)}`);
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      const channel = ipcChannel(event);
      const forward = (_event: unknown, payload: unknown) => (listener as (value: unknown) => void)(payload);
      ipc.on(channel, forward);
      return () => {
        ipc.removeListener(channel, forward);
      };
    },
  } satisfies IncidentTrayBridge;
  return bridge;
}

export type RendererBridge = ReturnType<typeof createRendererBridge>;
