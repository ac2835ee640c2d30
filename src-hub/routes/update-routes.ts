// Status updates of an incident (they reset the update cadence) and its timeline.
import type { FastifyInstance } from 'fastify';
import { incidentSchema } from '../../src-shared/domain.js';
import { postUpdateBodySchema, timelineSchema } from '../../src-shared/hub-api.js';
import { incidentEtag } from '../http/etags.js';
import { parseRequest, sendValidated } from '../http/validate.js';
import { expectedVersionFrom, incidentIdFrom } from './incident-params.js';
import type { RouteContext } from './route-context.js';

export function registerUpdateRoutes(app: FastifyInstance, { service }: RouteContext): void {
  // If-Match is optional here: an update appends a statement and loses nobody's edit; a client that
  // also changes the status can still guard it with If-Match.
  app.post('/v1/incidents/:id/updates', async (request, reply) => {
    const id = incidentIdFrom(request);
    const body = parseRequest(postUpdateBodySchema, request.body, 'body');
    const expected = await expectedVersionFrom(request, id, service, false);
    const { incident, version } = await service.postUpdate(request.hubUser, id, expected, body);
    reply.header('etag', incidentEtag(version));
    return sendValidated(reply, 201, incidentSchema, incident);
  });

  app.get('/v1/incidents/:id/timeline', async (request, reply) => {
    const entries = await service.timeline(incidentIdFrom(request));
    return sendValidated(reply, 200, timelineSchema, { entries });
  });
}
