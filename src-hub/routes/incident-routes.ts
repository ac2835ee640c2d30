// /v1/incidents: the conditional list, one incident, the idempotent create and the guarded edit.
import type { FastifyInstance } from 'fastify';
import { incidentSchema } from '../../src-shared/domain.js';
import {
  createIncidentBodySchema,
  HUB_HEADERS,
  HUB_LIST_LIMIT_DEFAULT,
  IDEMPOTENCY_KEY_MAX,
  incidentListSchema,
  listIncidentsQuerySchema,
  patchIncidentBodySchema,
  type IncidentList,
} from '../../src-shared/hub-api.js';
import { requestFingerprint } from '../http/canonical-json.js';
import { ifNoneMatchHits, incidentEtag, listEtag } from '../http/etags.js';
import { HubHttpError } from '../http/http-error.js';
import { parseRequest, sendValidated } from '../http/validate.js';
import { expectedVersionFrom, incidentIdFrom } from './incident-params.js';
import type { RouteContext } from './route-context.js';

const IDEMPOTENCY_KEY = new RegExp(`^[\\x21-\\x7e]{1,${IDEMPOTENCY_KEY_MAX}}$`);

function idempotencyKeyOf(header: string | string[] | undefined): string {
  if (header === undefined || header === '') {
    throw new HubHttpError(400, 'idempotency_key_required', 'Idempotency-Key header is required on create (a unique value per incident, reused on retries)');
  }
  if (typeof header !== 'string' || !IDEMPOTENCY_KEY.test(header)) {
    throw new HubHttpError(400, 'invalid_input', `Idempotency-Key must be 1-${IDEMPOTENCY_KEY_MAX} visible ASCII characters`);
  }
  return header;
}

export function registerIncidentRoutes(app: FastifyInstance, context: RouteContext): void {
  const { service, repository, bus, cursors, identity } = context;

  // Not async on purpose: a conditional poll answered 304 (the common case) completes synchronously,
  // without the promise a Fastify async handler costs; only a real list goes to the database.
  app.get('/v1/incidents', (request, reply) => {
    const query = parseRequest(listIncidentsQuerySchema, request.query, 'query');
    const limit = query.limit === undefined ? HUB_LIST_LIMIT_DEFAULT : Number(query.limit);
    const after = query.cursor === undefined ? undefined : cursors.decode(query.status, query.cursor);
    // Read the sequence before the data: the ETag may then be older than the page (one extra 200
    // later) but never newer (which would hide a change behind 304s).
    const etag = listEtag(identity.epoch, bus.lastEventId, { status: query.status, limit, cursor: query.cursor });
    reply.header('etag', etag).header('cache-control', 'private, no-cache');
    if (ifNoneMatchHits(request.headers['if-none-match'], etag)) {
      reply.code(304).send();
      return;
    }
    return repository.listIncidents({ status: query.status, after, limit }).then((page) => {
      const body: IncidentList = { incidents: page.incidents };
      const last = page.incidents.at(-1);
      if (page.hasMore && last) body.nextCursor = cursors.encode(query.status, { createdAt: last.createdAt, id: last.id });
      return sendValidated(reply, 200, incidentListSchema, body);
    });
  });

  app.get('/v1/incidents/:id', async (request, reply) => {
    const { incident, version } = await service.get(incidentIdFrom(request));
    const etag = incidentEtag(version);
    reply.header('etag', etag).header('cache-control', 'private, no-cache');
    if (ifNoneMatchHits(request.headers['if-none-match'], etag)) return reply.code(304).send();
    return sendValidated(reply, 200, incidentSchema, incident);
  });

  app.post('/v1/incidents', async (request, reply) => {
    const key = idempotencyKeyOf(request.headers[HUB_HEADERS.idempotencyKey]);
    const body = parseRequest(createIncidentBodySchema, request.body, 'body');
    const { response, replayed } = await service.create({
      user: request.hubUser,
      idempotencyKey: key,
      fingerprint: requestFingerprint('POST', '/v1/incidents', request.body),
      body,
    });
    if (replayed) reply.header(HUB_HEADERS.idempotentReplay, 'true');
    const { id } = JSON.parse(response.body) as { id: string };
    return reply
      .code(response.status)
      .header('location', `/v1/incidents/${encodeURIComponent(id)}`)
      .type('application/json; charset=utf-8')
      .send(response.body);
  });

  app.patch('/v1/incidents/:id', async (request, reply) => {
    const id = incidentIdFrom(request);
    const expected = await expectedVersionFrom(request, id, service, true);
    const patch = parseRequest(patchIncidentBodySchema, request.body, 'body');
    const { incident, version } = await service.patch(request.hubUser, id, expected, patch);
    reply.header('etag', incidentEtag(version));
    return sendValidated(reply, 200, incidentSchema, incident);
  });
}
