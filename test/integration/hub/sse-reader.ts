// Reads a Server-Sent Events stream over a real socket and parses frames as EventSource would.
import { request, type ClientRequest, type IncomingMessage } from 'node:http';

export interface SseFrame {
  id?: string;
  event?: string;
  data?: string;
  comments: string[];
}

export interface SseReader {
  status: number;
  headers: IncomingMessage['headers'];
  frames: SseFrame[];
  /** Resolves with the frames so far once `predicate` holds (checked on every frame). */
  until(predicate: (frames: SseFrame[]) => boolean, what: string, timeoutMs?: number): Promise<SseFrame[]>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

function parseFrame(text: string): SseFrame {
  const frame: SseFrame = { comments: [] };
  for (const line of text.split('\n')) {
    if (line.startsWith(':')) frame.comments.push(line.slice(1).trim());
    else if (line.startsWith('id: ')) frame.id = line.slice(4);
    else if (line.startsWith('event: ')) frame.event = line.slice(7);
    else if (line.startsWith('data: ')) frame.data = (frame.data === undefined ? '' : `${frame.data}\n`) + line.slice(6);
  }
  return frame;
}

export function openSse(url: string, headers: Record<string, string>): Promise<SseReader> {
  return new Promise((resolve, reject) => {
    const frames: SseFrame[] = [];
    const waiters = new Set<() => void>();
    const req: ClientRequest = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      let buffer = '';
      let endedResolve: () => void = () => {};
      const ended = new Promise<void>((r) => (endedResolve = r));
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          frames.push(parseFrame(buffer.slice(0, end)));
          buffer = buffer.slice(end + 2);
        }
        for (const waiter of [...waiters]) waiter();
      });
      res.on('end', () => endedResolve());
      res.on('close', () => endedResolve());
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        frames,
        ended,
        until(predicate, what, timeoutMs = 5_000) {
          return new Promise((ok, fail) => {
            const check = () => {
              if (predicate(frames)) {
                waiters.delete(check);
                clearTimeout(timer);
                ok(frames);
              }
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`timed out waiting for ${what}; frames: ${JSON.stringify(frames)}`));
            }, timeoutMs);
            waiters.add(check);
            check();
          });
        },
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** The change events (incident.*), without the stream.position frame each connection starts with. */
export const eventFrames = (frames: SseFrame[]) => frames.filter((f) => f.event?.startsWith('incident.'));
