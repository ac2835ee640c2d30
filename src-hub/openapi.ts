// The OpenAPI 3.1 document of the hub, generated from the same zod schemas that validate requests
// and responses (OpenAPI 3.1 speaks JSON Schema 2020-12, which is what z.toJSONSchema emits).
// `npm run hub:openapi` writes it to src-hub/openapi.json; a test keeps the committed copy current.
import { z } from 'zod';
import { incidentSchema } from '../src-shared/domain.js';
import {
  createIncidentBodySchema,
  HUB_EVENT_TYPES,
  HUB_LIST_LIMIT_DEFAULT,
  HUB_LIST_LIMIT_MAX,
  hubErrorBodySchema,
  healthSchema,
  IDEMPOTENCY_KEY_MAX,
  incidentListSchema,
  LIST_STATUSES,
  patchIncidentBodySchema,
  postUpdateBodySchema,
  timelineEntrySchema,
  timelineSchema,
} from '../src-shared/hub-api.js';

type JsonObject = Record<string, unknown>;

function componentSchemas(entries: Record<string, z.ZodType>, io: 'input' | 'output'): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(entries)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { io, uri: (id) => `#/components/schemas/${id}` });
  // Components live inside the document: their own $schema/$id would only confuse tools.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema as JsonObject;
      return [id, rest];
    }),
  );
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ 'application/json': { schema: ref(name) } });
const errorResponse = (description: string) => ({ description, content: json('Error') });

const COMMON_ERRORS = {
  '400': errorResponse('Invalid input: malformed JSON, wrong types, unknown fields, overlong strings.'),
  '401': errorResponse('Missing or invalid bearer token.'),
  '429': errorResponse('Rate limited; see Retry-After.'),
  '503': errorResponse('`unavailable`: the hub is shutting down, or its database is unreachable or has no free connection; retry after Retry-After.'),
};
const BODY_ERRORS = {
  '413': errorResponse('Body larger than the limit.'),
  '415': errorResponse('Body is not application/json.'),
};

const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const incidentWithEtag = (description: string) => ({
  description,
  headers: { ETag: { description: 'The incident version, for If-Match.', schema: { type: 'string' } } },
  content: json('Incident'),
});

export function buildOpenApiDocument(): JsonObject {
  return {
    openapi: '3.1.0',
    info: {
      title: 'incident-tray hub',
      version: '1.0.0',
      description:
        'The shared incident API (DESIGN.md §4): every declared incident of a company in one place. ' +
        'Errors are always `{ "error": { "code", "message" } }`.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths: {
      '/health': {
        get: {
          operationId: 'health',
          security: [],
          responses: { '200': { description: 'The hub is up.', content: json('Health') } },
        },
      },
      '/v1/openapi.json': {
        get: {
          operationId: 'openApiDocument',
          security: [],
          responses: { '200': { description: 'This document.', content: { 'application/json': { schema: { type: 'object' } } } } },
        },
      },
      '/v1/incidents': {
        get: {
          operationId: 'listIncidents',
          description: 'Newest first. Poll with If-None-Match: an unchanged list answers 304 without a body.',
          parameters: [
            { name: 'status', in: 'query', schema: { type: 'string', enum: [...LIST_STATUSES], default: 'open' } },
            { name: 'cursor', in: 'query', description: 'nextCursor of the previous page.', schema: { type: 'string' } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: HUB_LIST_LIMIT_MAX, default: HUB_LIST_LIMIT_DEFAULT } },
            { name: 'If-None-Match', in: 'header', schema: { type: 'string' } },
          ],
          responses: {
            '200': {
              description: 'A page of incidents.',
              headers: { ETag: { schema: { type: 'string' } } },
              content: json('IncidentList'),
            },
            '304': { description: 'Not modified since the ETag given in If-None-Match.' },
            ...COMMON_ERRORS,
          },
        },
        post: {
          operationId: 'createIncident',
          description:
            'Idempotent: the same Idempotency-Key with the same body replays the first 201; with another body 422; ' +
            'while the first request with that key is still running 409. `declaredBy` is the token\'s user.',
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', minLength: 1, maxLength: IDEMPOTENCY_KEY_MAX } }],
          requestBody: { required: true, content: json('CreateIncidentBody') },
          responses: {
            '201': { description: 'Created (or the replay of the first create with this key).', content: json('Incident') },
            '409': errorResponse('Name or id taken, or the same key is still in progress.'),
            '422': errorResponse('Idempotency-Key reused with a different body.'),
            ...COMMON_ERRORS,
            ...BODY_ERRORS,
          },
        },
      },
      '/v1/incidents/{id}': {
        parameters: [idParameter],
        get: {
          operationId: 'getIncident',
          responses: { '200': incidentWithEtag('The incident.'), '304': { description: 'Not modified.' }, '404': errorResponse('No such incident.'), ...COMMON_ERRORS },
        },
        patch: {
          operationId: 'patchIncident',
          description: 'Merge patch: absent fields stay, null clears. Requires If-Match with the ETag last read.',
          parameters: [{ name: 'If-Match', in: 'header', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, content: json('PatchIncidentBody') },
          responses: {
            '200': incidentWithEtag('The incident after the change.'),
            '404': errorResponse('No such incident.'),
            '412': errorResponse('Stale If-Match; error.details.current is the incident now.'),
            '428': errorResponse('If-Match missing.'),
            ...COMMON_ERRORS,
            ...BODY_ERRORS,
          },
        },
      },
      '/v1/incidents/{id}/updates': {
        parameters: [idParameter],
        post: {
          operationId: 'postUpdate',
          description: 'A status update: sets lastUpdateAt (resets the update cadence), optionally changes the status.',
          parameters: [{ name: 'If-Match', in: 'header', required: false, schema: { type: 'string' } }],
          requestBody: { required: true, content: json('PostUpdateBody') },
          responses: {
            '201': incidentWithEtag('The incident after the update.'),
            '404': errorResponse('No such incident.'),
            '412': errorResponse('Stale If-Match.'),
            ...COMMON_ERRORS,
            ...BODY_ERRORS,
          },
        },
      },
      '/v1/incidents/{id}/timeline': {
        parameters: [idParameter],
        get: {
          operationId: 'getTimeline',
          responses: { '200': { description: 'Every change, oldest first.', content: json('Timeline') }, '404': errorResponse('No such incident.'), ...COMMON_ERRORS },
        },
      },
      '/v1/events': {
        get: {
          operationId: 'streamEvents',
          description:
            `Server-Sent Events. Each event: \`id:\` the change sequence, \`event:\` one of ${HUB_EVENT_TYPES.join(', ')}, ` +
            '`data:` the incident (Incident schema) as JSON. A `: heartbeat` comment every 15 s. Resume with Last-Event-ID ' +
            '(or ?lastEventId=): every event after it is replayed, then live ones follow. Every stream starts with a ' +
            '`stream.position` event whose `id:` is the position the stream starts from (a first-time client\'s baseline).',
          parameters: [
            { name: 'Last-Event-ID', in: 'header', schema: { type: 'string', pattern: '^[0-9]+$' } },
            { name: 'lastEventId', in: 'query', schema: { type: 'string', pattern: '^[0-9]+$' } },
          ],
          responses: {
            '200': { description: 'The event stream.', content: { 'text/event-stream': { schema: { type: 'string' } } } },
            ...COMMON_ERRORS,
          },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token from `incident-tray hub token create --user EMAIL`.' } },
      schemas: {
        ...componentSchemas(
          {
            Incident: incidentSchema,
            IncidentList: incidentListSchema,
            TimelineEntry: timelineEntrySchema,
            Timeline: timelineSchema,
            Error: hubErrorBodySchema,
            Health: healthSchema,
          },
          'output',
        ),
        ...componentSchemas(
          { CreateIncidentBody: createIncidentBodySchema, PatchIncidentBody: patchIncidentBodySchema, PostUpdateBody: postUpdateBodySchema },
          'input',
        ),
      },
    },
  };
}

/** The committed file's exact text: stable key order, two-space indent, trailing newline. */
export const openApiText = (): string => `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
