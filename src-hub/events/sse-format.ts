// Server-Sent Events framing. JSON.stringify escapes newlines inside strings, so `data:` is one line.
import type { HubEvent } from '../../src-shared/hub-api.js';

export const formatSseEvent = (event: HubEvent): string =>
  `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.incident)}\n\n`;

export const SSE_HEARTBEAT = ': heartbeat\n\n';

/**
 * The stream's position, sent first on every connection: `id:` is the newest event id the client is
 * now past (its Last-Event-ID, or the hub's newest when it sent none). A client on its first start
 * stores it as its baseline, so a restart before any change still resumes from there, losing nothing.
 * Clients that do not know this event type ignore it (SSE), and its `id:` is the one they hold anyway.
 */
export const STREAM_POSITION_EVENT = 'stream.position';
export const formatSsePosition = (lastEventId: number): string =>
  `id: ${lastEventId}\nevent: ${STREAM_POSITION_EVENT}\ndata: {"lastEventId":${lastEventId}}\n\n`;
