// The PostgreSQL implementation of the hub repository, for several hub instances sharing one
// database. Nothing that decides correctness lives in process memory: every write is one transaction;
// the incident row lock (SELECT … FOR UPDATE) orders edits, unique constraints settle names, ids and
// idempotency keys between instances, and the events table (ids visible in commit order, see
// EVENTS_LOCK) is the change sequence every instance follows.
import type pg from 'pg';
import type { Incident } from '../../../src-shared/domain.js';
import type { HubEvent, HubEventType, TimelineEntry } from '../../../src-shared/hub-api.js';
import { uniqueIncidentName } from '../../../src-shared/incident-name.js';
import { incidentToParams, rowToIncident, rowToTimelineEntry, type IncidentRow, type TimelineRow } from '../incident-rows.js';
import type {
  ChangeOutcome,
  ClaimOutcome,
  CreateOutcome,
  HubIdentity,
  HubRepository,
  IdempotencyClaim,
  IdempotencyCompletion,
  IncidentChange,
  IncidentDraft,
  IncidentPage,
  ListQuery,
  TimelineDraft,
  VersionedIncident,
} from '../repository.js';
import { uniqueViolation } from './postgres-errors.js';
import { query, transaction, type Queryable } from './postgres-pool.js';
import { EVENTS_CHANNEL, EVENTS_LOCK, INCIDENT_COLUMNS, isoText, NAME_FAMILY_SQL, NAME_LOCK_CLASS, postgresListSql } from './postgres-sql.js';

interface IdempotencyRow {
  fingerprint: string;
  state: 'in-progress' | 'done';
  response_status: number | null;
  response_body: string | null;
  abandoned: boolean;
}

/** Two creates racing for the same generated name: the loser retries with the next free suffix. */
const NAME_RETRIES = 5;

const incidentValues = (incident: Incident) => {
  const p = incidentToParams(incident);
  return [p.id, p.name, p.title, p.severity, p.status, p.description, p.service, p.commander, p.declaredBy, p.createdAt, p.updatedAt, p.lastUpdateAt, p.slack, p.pagerduty];
};

export class PostgresHubRepository implements HubRepository {
  constructor(private readonly pool: pg.Pool) {}

  async identity(): Promise<HubIdentity> {
    const { rows } = await query<{ key: string; value: string }>(this.pool, 'SELECT key, value FROM hub_meta');
    const meta = new Map(rows.map((row) => [row.key, row.value]));
    const epoch = meta.get('epoch');
    const cursorKey = meta.get('cursor_key');
    if (!epoch || !cursorKey) throw new Error('hub database has no identity (hub_meta is incomplete)');
    return { epoch, cursorKey };
  }

  async lastEventId(): Promise<number> {
    const { rows } = await query<{ id: number }>(this.pool, 'SELECT COALESCE(MAX(id), 0)::bigint AS id FROM events');
    return rows[0]?.id ?? 0;
  }

  async addToken(tokenHash: string, userEmail: string, at: string): Promise<void> {
    await query(this.pool, 'INSERT INTO tokens (token_hash, user_email, created_at) VALUES ($1, $2, $3)', [tokenHash, userEmail, at]);
  }

  async userForToken(tokenHash: string): Promise<string | undefined> {
    const { rows } = await query<{ user_email: string }>(this.pool, 'SELECT user_email FROM tokens WHERE token_hash = $1', [tokenHash]);
    return rows[0]?.user_email;
  }

  async createIncident(draft: IncidentDraft, completion?: IdempotencyCompletion): Promise<CreateOutcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await transaction(this.pool, (client) => this.createIn(client, draft, completion));
      } catch (error) {
        const constraint = uniqueViolation(error);
        // Another instance committed the same id or name between our check and our insert.
        if (constraint === 'incidents_pkey') return { kind: 'id_taken', id: draft.incident.id };
        if (constraint === 'incidents_name_unique' && 'explicit' in draft.name) return { kind: 'name_taken', name: draft.name.explicit };
        if (constraint === 'incidents_name_unique' && attempt < NAME_RETRIES) continue;
        throw error;
      }
    }
  }

  async changeIncident(
    id: string,
    expectedVersion: number | undefined,
    change: (current: Incident) => IncidentChange | undefined,
  ): Promise<ChangeOutcome> {
    return transaction(this.pool, async (client): Promise<ChangeOutcome> => {
      // The row lock makes a concurrent edit through another instance wait here, then see our version.
      const { rows } = await client.query<IncidentRow>(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE id = $1 FOR UPDATE`, [id]);
      const row = rows[0];
      if (!row) return { kind: 'not_found' };
      const current = rowToIncident(row);
      if (expectedVersion !== undefined && row.version !== expectedVersion) return { kind: 'stale', current, version: row.version };
      const result = change(current);
      if (!result) return { kind: 'unchanged', incident: current, version: row.version };
      // id, declaredBy and createdAt are facts of the declare: no change may rewrite them.
      const incident: Incident = { ...result.incident, id: current.id, declaredBy: current.declaredBy, createdAt: current.createdAt };
      const p = incidentToParams(incident);
      await client.query(
        `UPDATE incidents SET name = $2, title = $3, severity = $4, status = $5, description = $6, service = $7, commander = $8,
           updated_at = $9, last_update_at = $10, slack_url = $11, pagerduty_url = $12, version = version + 1
         WHERE id = $1`,
        [p.id, p.name, p.title, p.severity, p.status, p.description, p.service, p.commander, p.updatedAt, p.lastUpdateAt, p.slack, p.pagerduty],
      );
      await this.writeTimeline(client, id, result.timeline);
      const events = await this.writeEvents(client, incident, result.events, incident.updatedAt);
      return { kind: 'changed', incident, version: row.version + 1, events };
    });
  }

  async getIncident(id: string): Promise<VersionedIncident | undefined> {
    const { rows } = await query<IncidentRow>(this.pool, `SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE id = $1`, [id]);
    const row = rows[0];
    return row ? { incident: rowToIncident(row), version: row.version } : undefined;
  }

  async listIncidents(listQuery: ListQuery): Promise<IncidentPage> {
    const sql = postgresListSql(listQuery.status, listQuery.after !== undefined);
    // One row more than asked tells whether another page exists without a COUNT.
    const values: unknown[] = [listQuery.limit + 1];
    if (listQuery.after) values.push(listQuery.after.createdAt, listQuery.after.id);
    const { rows } = await query<IncidentRow>(this.pool, sql, values);
    return { incidents: rows.slice(0, listQuery.limit).map(rowToIncident), hasMore: rows.length > listQuery.limit };
  }

  async timeline(incidentId: string): Promise<TimelineEntry[] | undefined> {
    // One statement: the incident's existence and its entries from the same snapshot.
    const { rows } = await query<{ [K in keyof TimelineRow]: TimelineRow[K] | null }>(
      this.pool,
      `SELECT t.id, t.incident_id, t.kind, ${isoText('t.at')} AS at, t.actor, t.message, t.from_value, t.to_value
         FROM incidents i LEFT JOIN incident_timeline t ON t.incident_id = i.id
        WHERE i.id = $1 ORDER BY t.id`,
      [incidentId],
    );
    if (rows.length === 0) return undefined;
    // The incident without entries still yields one row, all NULL (the LEFT JOIN).
    return rows.filter((row): row is TimelineRow => row.id !== null).map(rowToTimelineEntry);
  }

  async eventsAfter(afterId: number, limit: number): Promise<HubEvent[]> {
    const { rows } = await query<{ id: number; type: HubEventType; data: string }>(
      this.pool,
      'SELECT id, type, data FROM events WHERE id > $1 ORDER BY id LIMIT $2',
      [afterId, limit],
    );
    return rows.map((row) => ({ id: row.id, type: row.type, incident: JSON.parse(row.data) as Incident }));
  }

  async claimIdempotencyKey(claim: IdempotencyClaim): Promise<ClaimOutcome> {
    // The common case, a new key, is one statement. A second instance inserting the same (user, key)
    // waits here until the first commits, then inserts nothing and reads the first one's row below:
    // exactly one claim wins.
    const inserted = await query(
      this.pool,
      `INSERT INTO idempotency_keys (user_email, key, fingerprint, state, created_at) VALUES ($1, $2, $3, 'in-progress', $4)
       ON CONFLICT (user_email, key) DO NOTHING`,
      [claim.user, claim.key, claim.fingerprint, claim.at],
    );
    if (inserted.rowCount === 1) return { kind: 'claimed' };
    return transaction(this.pool, async (client): Promise<ClaimOutcome> => {
      const { rows } = await client.query<IdempotencyRow>(
        `SELECT fingerprint, state, response_status, response_body, created_at < $3::timestamptz AS abandoned
           FROM idempotency_keys WHERE user_email = $1 AND key = $2 FOR UPDATE`,
        [claim.user, claim.key, claim.abandonedBefore],
      );
      const row = rows[0];
      // Released between our INSERT and SELECT (its create failed): the client's retry claims it.
      if (!row) return { kind: 'in_progress' };
      if (row.fingerprint !== claim.fingerprint) return { kind: 'mismatch' };
      if (row.state === 'done' && row.response_status !== null && row.response_body !== null) {
        return { kind: 'done', response: { status: row.response_status, body: row.response_body } };
      }
      if (row.abandoned) {
        await client.query('UPDATE idempotency_keys SET created_at = $3 WHERE user_email = $1 AND key = $2', [claim.user, claim.key, claim.at]);
        return { kind: 'claimed' };
      }
      return { kind: 'in_progress' };
    });
  }

  async releaseIdempotencyKey(user: string, key: string): Promise<void> {
    await query(this.pool, `DELETE FROM idempotency_keys WHERE user_email = $1 AND key = $2 AND state = 'in-progress'`, [user, key]);
  }

  async purgeIdempotencyKeys(createdBefore: string): Promise<number> {
    const result = await query(this.pool, 'DELETE FROM idempotency_keys WHERE created_at < $1', [createdBefore]);
    return result.rowCount ?? 0;
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }

  private async createIn(client: pg.PoolClient, draft: IncidentDraft, completion?: IdempotencyCompletion): Promise<CreateOutcome> {
    const taken = await client.query('SELECT 1 FROM incidents WHERE id = $1', [draft.incident.id]);
    if (taken.rowCount) return { kind: 'id_taken', id: draft.incident.id };
    let name: string;
    if ('explicit' in draft.name) {
      const byName = await client.query('SELECT 1 FROM incidents WHERE name = $1', [draft.name.explicit]);
      if (byName.rowCount) return { kind: 'name_taken', name: draft.name.explicit };
      name = draft.name.explicit;
    } else {
      // Creates of the same base name queue here (until commit), so each sees the names of those
      // before it instead of racing for the same suffix; then every name of the family in one query
      // and the same suffix rule as SQLite's. The unique constraint stays the last word.
      const base = draft.name.base;
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [NAME_LOCK_CLASS, base]);
      const { rows } = await client.query<{ name: string }>(NAME_FAMILY_SQL, [base]);
      const names = new Set(rows.map((row) => row.name));
      name = uniqueIncidentName(base, (candidate) => names.has(candidate));
    }
    const incident: Incident = { ...draft.incident, name };
    await client.query(
      `INSERT INTO incidents (id, name, title, severity, status, description, service, commander, declared_by,
         created_at, updated_at, last_update_at, slack_url, pagerduty_url, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1)`,
      incidentValues(incident),
    );
    await this.writeTimeline(client, incident.id, draft.timeline);
    let response;
    if (completion) {
      response = completion.response(incident);
      await client.query(`UPDATE idempotency_keys SET state = 'done', response_status = $1, response_body = $2 WHERE user_email = $3 AND key = $4`, [
        response.status,
        response.body,
        completion.user,
        completion.key,
      ]);
    }
    // Last, so the event lock is held only for this INSERT and the COMMIT.
    const events = await this.writeEvents(client, incident, ['incident.created'], incident.createdAt);
    return { kind: 'created', incident, version: 1, events, response };
  }

  private async writeTimeline(client: Queryable, incidentId: string, drafts: readonly TimelineDraft[]): Promise<void> {
    for (const draft of drafts) {
      await client.query(
        `INSERT INTO incident_timeline (incident_id, kind, at, actor, message, from_value, to_value) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [incidentId, draft.kind, draft.at, draft.actor, draft.message ?? null, draft.from ?? null, draft.to ?? null],
      );
    }
  }

  /** Must be the transaction's last statements: see EVENTS_LOCK for why inserts are serialised. */
  private async writeEvents(client: Queryable, incident: Incident, types: readonly HubEventType[], at: string): Promise<HubEvent[]> {
    if (types.length === 0) return [];
    const data = JSON.stringify(incident);
    // One statement, so the lock is held for it and the COMMIT only: the lock (in the FROM, so it is
    // taken before the first row — and its id — is made), the rows, and the NOTIFY, which PostgreSQL
    // delivers to every listening instance when, and only if, this transaction commits.
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO events (type, incident_id, data, at)
       SELECT u.t, $2, $3, $4
         FROM (SELECT pg_advisory_xact_lock($5), pg_notify($6, '')) AS locked,
              unnest($1::text[]) WITH ORDINALITY AS u(t, n)
        ORDER BY u.n
       RETURNING id`,
      [types, incident.id, data, at, EVENTS_LOCK, EVENTS_CHANNEL],
    );
    // Identity values follow the SELECT's order; sorting the returned ids does not rely on RETURNING's.
    const ids = rows.map((row) => row.id).sort((a, b) => a - b);
    return ids.map((id, i) => ({ id, type: types[i] as HubEventType, incident }));
  }
}
