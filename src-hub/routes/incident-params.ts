// Path and header parsing shared by the incident routes.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { incidentIdSchema } from '../../src-shared/hub-api.js';
import { parseIfMatch } from '../http/etags.js';
import { HubHttpError } from '../http/http-error.js';
import { parseRequest } from '../http/validate.js';
import { preconditionFailed, type ExpectedVersion, type IncidentService } from '../incidents/incident-service.js';

const idParamsSchema = z.strictObject({ id: incidentIdSchema });

export const incidentIdFrom = (request: FastifyRequest): string => parseRequest(idParamsSchema, request.params, 'path').id;

/**
 * The version the client last read, from If-Match. `required` makes a missing header 428 (PATCH must
 * never overwrite blind); a tag that matches no version is a stale write (412 with the current one).
 */
export async function expectedVersionFrom(
  request: FastifyRequest,
  id: string,
  service: IncidentService,
  required: boolean,
): Promise<ExpectedVersion> {
  const ifMatch = parseIfMatch(request.headers['if-match']);
  switch (ifMatch.kind) {
    case 'missing':
      if (required) throw new HubHttpError(428, 'precondition_required', 'If-Match is required: send the ETag from your last GET of this incident (or * to overwrite whatever is there)');
      return undefined;
    case 'any':
      return undefined;
    case 'list':
      throw new HubHttpError(400, 'invalid_input', 'If-Match must be one ETag or *');
    case 'version':
      return ifMatch.version;
    case 'never':
      // Not a tag this hub issues: it cannot match, so answer as for any stale tag (404 if no incident).
      throw preconditionFailed(await service.get(id));
  }
}
