// The poll fast path only recognises queries the list schema accepts, with the same values: anything
// else must be left to the route (which validates with the schema and answers 400).
import { parse } from 'node:querystring';
import { describe, expect, it } from 'vitest';
import { listIncidentsQuerySchema } from '../../../src-shared/hub-api.js';
import { pollQuery } from '../../../src-hub/http/poll-fast-path.js';

const QUERIES = [
  '', 'status=open', 'status=resolved', 'status=all', 'limit=1', 'limit=200', 'limit=050', 'status=open&limit=20', 'limit=20&status=all',
  'status=closed', 'status=', 'status', 'limit=0', 'limit=201', 'limit=1000', 'limit=-1', 'limit=1e2', 'limit= 5', 'status=open&status=all',
  'limit=5&limit=6', 'status=%6Fpen', 'sort=asc', 'status=open&sort=asc', 'cursor=abc', 'status=open&cursor=abc', '&', 'status=open&', '=open',
];

describe('poll fast path query', () => {
  it.each(QUERIES)('"%s": recognised only when the schema accepts it, with the same values', (search) => {
    const fast = pollQuery(search);
    const schema = listIncidentsQuerySchema.safeParse(parse(search));
    if (fast !== undefined) {
      expect(schema.success).toBe(true);
      if (!schema.success) return;
      expect(fast).toEqual({ status: schema.data.status, limit: schema.data.limit === undefined ? 50 : Number(schema.data.limit) });
      expect(schema.data.cursor).toBeUndefined();
    }
  });

  it('recognises the plain polls clients send', () => {
    expect(pollQuery('')).toEqual({ status: 'open', limit: 50 });
    expect(pollQuery('status=open')).toEqual({ status: 'open', limit: 50 });
    expect(pollQuery('status=all&limit=200')).toEqual({ status: 'all', limit: 200 });
    expect(pollQuery('status=open&cursor=x')).toBeUndefined();
  });
});
