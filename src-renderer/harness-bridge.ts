// The bridge over the http harness of `incident-tray ui`: commands are `POST /bridge/invoke/<name>`
// with a bearer token and answer a JSON Result; events arrive over a WebSocket at /bridge/events.
// Whatever goes wrong on the way (network, a proxy page, a bad token) comes back as a Result, never
// as a thrown error, exactly like the Electron IPC bridge.
import type { CommandInput, CommandOutput, EventPayload, IncidentTrayBridge } from '../src-shared/bridge.js';
import type { CommandName, EventName } from '../src-shared/bridge-channels.js';
import { appErrorSchema, fail, type Result } from '../src-shared/result.js';
import { createEventSocket, type EventSocket } from './event-socket.js';

const NOT_AUTHORISED =
  'This page has no valid token, so it may not talk to incident-tray. Open the exact link that "incident-tray ui" printed, token included.';

/** Checks the envelope only: the value's shape is main's contract, the same as over Electron IPC. */
function asResult(body: unknown): Result<unknown> | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const candidate = body as { ok?: unknown; value?: unknown; error?: unknown };
  if (candidate.ok === true && 'value' in candidate) return { ok: true, value: candidate.value };
  if (candidate.ok === false) {
    const error = appErrorSchema.safeParse(candidate.error);
    if (error.success) return { ok: false, error: error.data };
  }
  return undefined;
}

export function createHarnessBridge(location: Location): IncidentTrayBridge {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  let authorised = token.length > 0;
  let socket: EventSocket | undefined;

  async function call(command: CommandName, input: unknown): Promise<Result<unknown>> {
    if (!authorised) return fail('unauthorized', NOT_AUTHORISED);
    let response: Response;
    try {
      response = await fetch(`/bridge/invoke/${encodeURIComponent(command)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ input: input ?? null }),
        cache: 'no-store',
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return fail('unavailable', `Cannot reach incident-tray (${reason}). Is \`incident-tray ui\` still running?`);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    const result = asResult(body);
    if (response.status === 401 || (result && !result.ok && result.error.code === 'unauthorized')) {
      // A wrong token never becomes right: stop knocking, and say what to do.
      authorised = false;
      socket?.close();
      return fail('unauthorized', NOT_AUTHORISED);
    }
    return result ?? fail('internal', `incident-tray answered HTTP ${response.status} with something that is not a bridge result.`);
  }

  const bridge: IncidentTrayBridge = {
    async invoke<K extends CommandName>(command: K, input: CommandInput<K>): Promise<Result<CommandOutput<K>>> {
      if (command === 'window.show') {
        // The harness has one page: showing a window means showing its view here, right away.
        const { view, incidentId } = input as CommandInput<'window.show'>;
        location.hash = incidentId ? `#/incident/${encodeURIComponent(incidentId)}` : `#/${view}`;
      }
      return (await call(command, input)) as Result<CommandOutput<K>>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      if (!authorised) return () => {};
      // The harness pushes the current snapshot on every (re)connect, so whatever changed while the
      // socket was down arrives as soon as it is back.
      socket ??= createEventSocket({
        url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/bridge/events?token=${encodeURIComponent(token)}`,
      });
      return socket.subscribe(event, listener as (payload: unknown) => void);
    },
  };
  return bridge;
}
