// ETags. The list's ETag is derived from the hub's change sequence (the last event id), the database
// epoch and the query, so answering a conditional poll with 304 needs no query at all: any write bumps
// the sequence in the same transaction as the change. An incident's ETag is its version.
import { createHash } from 'node:crypto';

export function listEtag(epoch: string, sequence: number, query: { status: string; limit: number; cursor?: string }): string {
  // No hashing on the hot path: status and limit are short tokens, and a cursor (rare in polls) is
  // represented by a digest of it.
  const page = query.cursor === undefined ? '' : `.${createHash('sha1').update(query.cursor).digest('base64url').slice(0, 16)}`;
  return `"l.${epoch}.${sequence}.${query.status}.${query.limit}${page}"`;
}

export const incidentEtag = (version: number): string => `"v${version}"`;

/** If-None-Match uses the weak comparison: `W/` prefixes do not matter; `*` matches anything. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  for (const candidate of header.split(',')) {
    const tag = candidate.trim();
    if (tag === '*' || tag === etag || (tag.startsWith('W/') && tag.slice(2) === etag)) return true;
  }
  return false;
}

export type IfMatch = { kind: 'missing' } | { kind: 'any' } | { kind: 'version'; version: number } | { kind: 'never' } | { kind: 'list' };

/**
 * If-Match uses the strong comparison. A tag that is not one of ours can never match (→ 412, as
 * RFC 9110 says), and a list of several tags is refused: a client holds one version of an incident.
 */
export function parseIfMatch(header: string | undefined): IfMatch {
  if (header === undefined || header.trim() === '') return { kind: 'missing' };
  const value = header.trim();
  if (value === '*') return { kind: 'any' };
  if (value.includes(',')) return { kind: 'list' };
  const match = /^"v([1-9][0-9]{0,14})"$/.exec(value);
  return match?.[1] ? { kind: 'version', version: Number(match[1]) } : { kind: 'never' };
}
