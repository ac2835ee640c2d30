// Every failure leaves as `{ error: { code, message } }` with the right status, including the ones
// Fastify raises itself before a handler runs (bad JSON, body too large, wrong content type).
import type { FastifyError, FastifyInstance } from 'fastify';
import type { HubErrorBody, HubErrorCode } from '../../src-shared/hub-api.js';
import { StorageUnavailableError } from '../storage/storage-unavailable.js';
import { HubHttpError } from './http-error.js';

export type HubLog = (message: string, fields?: Record<string, unknown>) => void;

export const JSON_TYPE = 'application/json; charset=utf-8';

export function errorBodyText(hubError: HubHttpError): string {
  const body: HubErrorBody = { error: { code: hubError.code, message: hubError.message } };
  if (hubError.details) body.error.details = hubError.details;
  return JSON.stringify(body);
}

const FASTIFY_ERRORS: Record<string, [number, HubErrorCode, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', 'request body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'send the body as application/json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_json', 'the body is empty but Content-Type says JSON'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json', 'the body is not valid JSON'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid_input', 'Content-Length does not match the body'],
};

const GENERIC_CODES: Record<number, HubErrorCode> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 429: 'rate_limited' };

function toHubError(error: FastifyError): HubHttpError {
  if (error instanceof HubHttpError) return error;
  // The database is down, restarting or has no free connection: a retry soon will work.
  if (error instanceof StorageUnavailableError) {
    return new HubHttpError(503, 'unavailable', error.message, undefined, { 'retry-after': String(error.retryAfterSeconds) });
  }
  const known = error.code ? FASTIFY_ERRORS[error.code] : undefined;
  if (known) return new HubHttpError(known[0], known[1], known[2]);
  // JSON.parse's SyntaxError (and prototype-poisoning refusals) arrive as 400s from the parser.
  if (error instanceof SyntaxError || (error.statusCode === 400 && error.code?.startsWith('FST_ERR_CTP'))) {
    return new HubHttpError(400, 'invalid_json', `the body is not valid JSON: ${error.message}`);
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new HubHttpError(error.statusCode, GENERIC_CODES[error.statusCode] ?? 'invalid_input', error.message);
  }
  return new HubHttpError(500, 'internal', 'the hub failed to handle this request; it has been logged');
}

export function registerErrorHandling(app: FastifyInstance, log: HubLog): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const hubError = toHubError(error);
    if (hubError.statusCode >= 500) log('request failed', { method: request.method, url: request.url, error: error.stack ?? String(error) });
    for (const [name, value] of Object.entries(hubError.headers)) reply.header(name, value);
    return reply.code(hubError.statusCode).type(JSON_TYPE).send(errorBodyText(hubError));
  });
  app.setNotFoundHandler((request, reply) => {
    const body: HubErrorBody = { error: { code: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` } };
    return reply.code(404).type('application/json; charset=utf-8').send(JSON.stringify(body));
  });
}
