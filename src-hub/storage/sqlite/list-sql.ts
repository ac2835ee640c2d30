// The list queries, one per status filter, each shaped to walk its own index in order: no sort step,
// and with the (created_at, id) row-value comparison the cursor is a seek, not an OFFSET scan.
import type { ListStatus } from '../../../src-shared/hub-api.js';

const FILTERS: Record<ListStatus, string> = {
  open: `status <> 'resolved'`,
  resolved: `status = 'resolved'`,
  all: `1 = 1`,
};

const ORDER = 'ORDER BY created_at DESC, id DESC LIMIT @limit';

export function listSql(status: ListStatus, withCursor: boolean): string {
  const seek = withCursor ? ' AND (created_at, id) < (@createdAt, @id)' : '';
  return `SELECT * FROM incidents WHERE ${FILTERS[status]}${seek} ${ORDER}`;
}
