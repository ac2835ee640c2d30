// SQL text shared by the PostgreSQL repository: incidents read back in the same row shape as SQLite's
// (times as ISO-8601 text with milliseconds, so records are byte-identical across backends), and the
// list queries, one per status filter, each shaped for its partial index.
import type { ListStatus } from '../../../src-shared/hub-api.js';

/** timestamptz → `2026-11-24T10:00:00.000Z`, exactly what Date.toISOString() wrote. */
export const isoText = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const INCIDENT_COLUMNS = [
  'id',
  'name',
  'title',
  'severity',
  'status',
  'description',
  'service',
  'commander',
  'declared_by',
  `${isoText('created_at')} AS created_at`,
  `${isoText('updated_at')} AS updated_at`,
  `${isoText('last_update_at')} AS last_update_at`,
  'slack_url',
  'pagerduty_url',
  'version',
].join(', ');

const FILTERS: Record<ListStatus, string> = {
  open: `status <> 'resolved'`,
  resolved: `status = 'resolved'`,
  all: 'true',
};

/** $1 is the limit; with a cursor, $2/$3 are the (createdAt, id) of the previous page's last row. */
export function postgresListSql(status: ListStatus, withCursor: boolean): string {
  const seek = withCursor ? ' AND (created_at, id) < ($2::timestamptz, $3::text)' : '';
  // Qualified: a bare `created_at` in ORDER BY would mean the text output column of the same name,
  // which sorts the same but cannot use the index.
  return `SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE ${FILTERS[status]}${seek} ORDER BY incidents.created_at DESC, incidents.id DESC LIMIT $1`;
}

/** The channel every hub instance LISTENs on; a committed change NOTIFYs it (payload unused). */
export const EVENTS_CHANNEL = 'incident_hub_events';

/**
 * Transaction-level advisory lock serialising event inserts ('ihev' as ASCII). Why: an identity
 * column hands out ids at INSERT, not at COMMIT, so without it transaction A could take id 7, B id 8,
 * B commit first, and a reader that saw 8 would move its cursor past 7 before 7 became visible —
 * losing it. Holding this lock from just before the event INSERT until COMMIT (it is released only
 * after the commit is visible) makes ids become visible in increasing order: a reader that sees id N
 * has already seen, or will never see (rolled back), every id below N. The cost is that event-writing
 * transactions queue for their last few milliseconds — fine at incident-write rates. (The
 * alternative, reading only below the oldest running transaction's snapshot xmin, keeps writers
 * parallel but delays every reader behind any long transaction in the database.)
 */
export const EVENTS_LOCK = 0x69686576;

/**
 * Advisory lock class (with hashtext(base name) as the key) taken by creates with a generated name:
 * same-title declares through several instances pick -2, -3 … one after another instead of
 * colliding and retrying. Always taken before EVENTS_LOCK, so the two never deadlock.
 */
export const NAME_LOCK_CLASS = 0x69686e6d;

/**
 * Every name of a family: the base itself and `base-…`. '-' and '.' are adjacent bytes, so under the
 * column's "C" collation the open range ('base-', 'base.') is exactly the names starting with 'base-',
 * read from the unique index rather than by scanning every incident.
 */
export const NAME_FAMILY_SQL = `SELECT name FROM incidents WHERE name = $1 OR (name > $1 || '-' AND name < $1 || '.')`;
