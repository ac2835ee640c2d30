// Opaque list cursors: base64url of the position (createdAt, id) and the status filter, signed with
// the database's cursor key. A cursor that was tampered with, cut short, made up, or taken from a
// list with another filter is refused with 400 invalid_cursor rather than silently misread.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { ListStatus } from '../../src-shared/hub-api.js';
import type { ListPosition } from '../storage/repository.js';
import { HubHttpError } from './http-error.js';

const payloadSchema = z.tuple([z.string(), z.iso.datetime({ offset: true }), z.string().min(1)]);

export interface CursorCodec {
  encode(status: ListStatus, position: ListPosition): string;
  decode(status: ListStatus, cursor: string): ListPosition;
}

export function createCursorCodec(key: string): CursorCodec {
  const sign = (payload: string) => createHmac('sha256', key).update(payload).digest().subarray(0, 16);
  const invalid = () => new HubHttpError(400, 'invalid_cursor', 'cursor is not one this hub issued for this list; start again without a cursor');
  return {
    encode(status, position) {
      const payload = Buffer.from(JSON.stringify([status, position.createdAt, position.id])).toString('base64url');
      return `${payload}.${sign(payload).toString('base64url')}`;
    },
    decode(status, cursor) {
      const [payload, signature, extra] = cursor.split('.');
      if (!payload || !signature || extra !== undefined) throw invalid();
      const given = Buffer.from(signature, 'base64url');
      const expected = sign(payload);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
      let decoded: unknown;
      try {
        decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        throw invalid();
      }
      const parsed = payloadSchema.safeParse(decoded);
      if (!parsed.success || parsed.data[0] !== status) throw invalid();
      return { createdAt: parsed.data[1], id: parsed.data[2] };
    },
  };
}
