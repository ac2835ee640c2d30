// The two routes that need no token: a health check for load balancers and the API's own description.
import type { FastifyInstance } from 'fastify';
import { healthSchema } from '../../src-shared/hub-api.js';
import { shuttingDown } from '../http/auth.js';
import { sendValidated } from '../http/validate.js';
import { PUBLIC_ROUTE, type RouteContext } from './route-context.js';

export function registerPublicRoutes(app: FastifyInstance, context: RouteContext): void {
  // 503 while shutting down, so a load balancer stops sending traffic here.
  app.get('/health', { config: PUBLIC_ROUTE }, async (_request, reply) => {
    if (context.lifecycle.closing) throw shuttingDown();
    return sendValidated(reply, 200, healthSchema, { status: 'ok' });
  });
  app.get('/v1/openapi.json', { config: PUBLIC_ROUTE }, async (_request, reply) =>
    reply.code(200).type('application/json; charset=utf-8').send(context.openApiJson),
  );
}
