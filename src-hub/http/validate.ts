// Request parsing and response checking with the src-shared zod schemas: a request that does not
// match is refused with 400 before anything is written, and a response that does not match the
// contract is a bug that must not reach a client (500, logged) rather than a silent drift.
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { describeZodError } from '../../src-shared/result.js';
import { HubHttpError } from './http-error.js';

export function parseRequest<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HubHttpError(400, 'invalid_input', `${where}: ${describeZodError(parsed.error)}`);
  return parsed.data;
}

export function sendValidated<S extends z.ZodType>(reply: FastifyReply, status: number, schema: S, value: z.input<S>): FastifyReply {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`response does not match its schema: ${describeZodError(parsed.error)}`);
  return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(parsed.data));
}
