// GET /v1/events: the change stream as Server-Sent Events, resumable with Last-Event-ID (the header
// EventSource sends on reconnect, or ?lastEventId= for clients that cannot set headers).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HUB_HEADERS } from '../../src-shared/hub-api.js';
import { parseRequest } from '../http/validate.js';
import type { RouteContext } from './route-context.js';

const eventIdSchema = z.string().regex(/^(0|[1-9][0-9]{0,14})$/, { error: 'Last-Event-ID must be an event id (a non-negative integer)' });
const eventsQuerySchema = z.strictObject({ lastEventId: eventIdSchema.optional() });

export function registerEventRoutes(app: FastifyInstance, { broadcaster }: RouteContext): void {
  app.get('/v1/events', async (request, reply) => {
    const query = parseRequest(eventsQuerySchema, request.query, 'query');
    const header = request.headers[HUB_HEADERS.lastEventId];
    const fromHeader = header === undefined ? undefined : parseRequest(eventIdSchema, header, 'Last-Event-ID');
    const lastEventId = fromHeader ?? query.lastEventId;
    // The stream outlives this handler: Fastify hands the raw response over and stays out of it.
    reply.hijack();
    await broadcaster.open(reply.raw, lastEventId === undefined ? undefined : Number(lastEventId));
  });
}
