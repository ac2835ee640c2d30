// The harness's event stream: one WebSocket shared by every listener, reconnecting with capped
// exponential backoff and full jitter when it drops (the harness restarting, a laptop waking up).
export interface EventSocket {
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
  close(): void;
}

interface EventSocketOptions {
  url: string;
  minDelayMs?: number;
  maxDelayMs?: number;
}

export function createEventSocket({ url, minDelayMs = 250, maxDelayMs = 10_000 }: EventSocketOptions): EventSocket {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let socket: WebSocket | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let closed = false;

  const dispatch = (event: string, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };

  const scheduleReconnect = () => {
    if (closed || retryTimer !== undefined) return;
    const ceiling = Math.min(maxDelayMs, minDelayMs * 2 ** attempt);
    attempt += 1;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      connect();
    }, Math.random() * ceiling);
  };

  function connect() {
    if (closed) return;
    const ws = new WebSocket(url);
    socket = ws;
    ws.addEventListener('open', () => {
      attempt = 0;
    });
    ws.addEventListener('message', (message) => {
      if (typeof message.data !== 'string') return;
      try {
        const parsed: unknown = JSON.parse(message.data);
        if (parsed && typeof parsed === 'object' && typeof (parsed as { event?: unknown }).event === 'string') {
          const { event, payload } = parsed as { event: string; payload: unknown };
          dispatch(event, payload);
        }
      } catch {
        // Not one of ours: ignore rather than take the page down.
      }
    });
    ws.addEventListener('close', (event) => {
      if (socket === ws) socket = undefined;
      // 4401: the harness refused the token. Knocking again would not change its mind.
      if (event.code === 4401) closed = true;
      scheduleReconnect();
    });
  }

  connect();

  return {
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    close() {
      closed = true;
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      socket?.close();
    },
  };
}
