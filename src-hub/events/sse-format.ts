// Server-Sent Events framing. JSON.stringify escapes newlines inside strings, so `data:` is one line.
import type { HubEvent } from '../../src-shared/hub-api.js';

export const formatSseEvent = (event: HubEvent): string =>
  `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.incident)}\n\n`;

export const SSE_HEARTBEAT = ': heartbeat\n\n';
