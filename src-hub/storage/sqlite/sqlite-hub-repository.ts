// The SQLite implementation of the hub repository (better-sqlite3, synchronous underneath). Every
// write is one IMMEDIATE transaction, so the change, its timeline, its events and the idempotency
// record commit together, and a second process writing the same file waits instead of interleaving.
import type { Database, Statement } from 'better-sqlite3';
import type { Incident } from '../../../src-shared/domain.js';
import type { HubEvent, HubEventType, ListStatus, TimelineEntry } from '../../../src-shared/hub-api.js';
import { uniqueIncidentName } from '../../../src-shared/incident-name.js';
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
import { incidentToParams, rowToIncident, rowToTimelineEntry, type IncidentRow, type TimelineRow } from '../incident-rows.js';
import { listSql } from './list-sql.js';
import { openHubDatabase } from './open-hub-database.js';

interface EventRow {
  id: number;
  type: HubEventType;
  data: string;
}

interface IdempotencyRow {
  fingerprint: string;
  state: 'in-progress' | 'done';
  response_status: number | null;
  response_body: string | null;
  created_at: string;
}

export class SqliteHubRepository implements HubRepository {
  private readonly statements;
  private readonly listStatements = new Map<string, Statement<Record<string, unknown>, IncidentRow>>();

  constructor(private readonly db: Database) {
    this.statements = {
      meta: db.prepare<[], { key: string; value: string }>('SELECT key, value FROM hub_meta'),
      lastEventId: db.prepare<[], { id: number }>('SELECT COALESCE(MAX(id), 0) AS id FROM events'),
      insertToken: db.prepare('INSERT INTO tokens (token_hash, user_email, created_at) VALUES (?, ?, ?)'),
      userForToken: db.prepare<[string], { user_email: string }>('SELECT user_email FROM tokens WHERE token_hash = ?'),
      incidentById: db.prepare<[string], IncidentRow>('SELECT * FROM incidents WHERE id = ?'),
      nameTaken: db.prepare<[string], { taken: number }>('SELECT EXISTS(SELECT 1 FROM incidents WHERE name = ?) AS taken'),
      insertIncident: db.prepare(
        `INSERT INTO incidents (id, name, title, severity, status, description, service, commander, declared_by,
           created_at, updated_at, last_update_at, slack_url, pagerduty_url, version)
         VALUES (@id, @name, @title, @severity, @status, @description, @service, @commander, @declaredBy,
           @createdAt, @updatedAt, @lastUpdateAt, @slack, @pagerduty, 1)`,
      ),
      updateIncident: db.prepare(
        `UPDATE incidents SET name = @name, title = @title, severity = @severity, status = @status,
           description = @description, service = @service, commander = @commander, updated_at = @updatedAt,
           last_update_at = @lastUpdateAt, slack_url = @slack, pagerduty_url = @pagerduty, version = version + 1
         WHERE id = @id`,
      ),
      insertTimeline: db.prepare(
        `INSERT INTO incident_timeline (incident_id, kind, at, actor, message, from_value, to_value)
         VALUES (@incidentId, @kind, @at, @actor, @message, @from, @to)`,
      ),
      timeline: db.prepare<[string], TimelineRow>('SELECT * FROM incident_timeline WHERE incident_id = ? ORDER BY id'),
      insertEvent: db.prepare('INSERT INTO events (type, incident_id, data, at) VALUES (?, ?, ?, ?)'),
      eventsAfter: db.prepare<[number, number], EventRow>('SELECT id, type, data FROM events WHERE id > ? ORDER BY id LIMIT ?'),
      idempotencyRow: db.prepare<[string, string], IdempotencyRow>(
        'SELECT fingerprint, state, response_status, response_body, created_at FROM idempotency_keys WHERE user_email = ? AND key = ?',
      ),
      insertIdempotency: db.prepare(
        `INSERT INTO idempotency_keys (user_email, key, fingerprint, state, created_at) VALUES (?, ?, ?, 'in-progress', ?)`,
      ),
      retakeIdempotency: db.prepare(`UPDATE idempotency_keys SET created_at = ? WHERE user_email = ? AND key = ?`),
      finishIdempotency: db.prepare(
        `UPDATE idempotency_keys SET state = 'done', response_status = ?, response_body = ? WHERE user_email = ? AND key = ?`,
      ),
      deleteIdempotency: db.prepare(`DELETE FROM idempotency_keys WHERE user_email = ? AND key = ? AND state = 'in-progress'`),
      purgeIdempotency: db.prepare(`DELETE FROM idempotency_keys WHERE created_at < ?`),
    };
  }

  static open(file: string): SqliteHubRepository {
    return new SqliteHubRepository(openHubDatabase(file));
  }

  async identity(): Promise<HubIdentity> {
    const meta = new Map(this.statements.meta.all().map((row) => [row.key, row.value]));
    const epoch = meta.get('epoch');
    const cursorKey = meta.get('cursor_key');
    if (!epoch || !cursorKey) throw new Error('hub database has no identity (hub_meta is incomplete)');
    return { epoch, cursorKey };
  }

  async lastEventId(): Promise<number> {
    return this.statements.lastEventId.get()?.id ?? 0;
  }

  async addToken(tokenHash: string, userEmail: string, at: string): Promise<void> {
    this.statements.insertToken.run(tokenHash, userEmail, at);
  }

  async userForToken(tokenHash: string): Promise<string | undefined> {
    return this.statements.userForToken.get(tokenHash)?.user_email;
  }

  async createIncident(draft: IncidentDraft, completion?: IdempotencyCompletion): Promise<CreateOutcome> {
    return this.db
      .transaction((): CreateOutcome => {
        if (this.statements.incidentById.get(draft.incident.id)) return { kind: 'id_taken', id: draft.incident.id };
        const isTaken = (name: string) => this.statements.nameTaken.get(name)?.taken === 1;
        let name: string;
        if ('explicit' in draft.name) {
          if (isTaken(draft.name.explicit)) return { kind: 'name_taken', name: draft.name.explicit };
          name = draft.name.explicit;
        } else {
          name = uniqueIncidentName(draft.name.base, isTaken);
        }
        const incident: Incident = { ...draft.incident, name };
        this.statements.insertIncident.run(incidentToParams(incident));
        this.writeTimeline(incident.id, draft.timeline);
        const events = this.writeEvents(incident, ['incident.created'], incident.createdAt);
        let response;
        if (completion) {
          response = completion.response(incident);
          this.statements.finishIdempotency.run(response.status, response.body, completion.user, completion.key);
        }
        return { kind: 'created', incident, version: 1, events, response };
      })
      .immediate();
  }

  async changeIncident(
    id: string,
    expectedVersion: number | undefined,
    change: (current: Incident) => IncidentChange | undefined,
  ): Promise<ChangeOutcome> {
    return this.db
      .transaction((): ChangeOutcome => {
        const row = this.statements.incidentById.get(id);
        if (!row) return { kind: 'not_found' };
        const current = rowToIncident(row);
        if (expectedVersion !== undefined && row.version !== expectedVersion) {
          return { kind: 'stale', current, version: row.version };
        }
        const result = change(current);
        if (!result) return { kind: 'unchanged', incident: current, version: row.version };
        // id, declaredBy and createdAt are facts of the declare: no change may rewrite them.
        const incident: Incident = { ...result.incident, id: current.id, declaredBy: current.declaredBy, createdAt: current.createdAt };
        this.statements.updateIncident.run(incidentToParams(incident));
        this.writeTimeline(id, result.timeline);
        const events = this.writeEvents(incident, result.events, incident.updatedAt);
        return { kind: 'changed', incident, version: row.version + 1, events };
      })
      .immediate();
  }

  async getIncident(id: string): Promise<VersionedIncident | undefined> {
    const row = this.statements.incidentById.get(id);
    return row ? { incident: rowToIncident(row), version: row.version } : undefined;
  }

  async listIncidents(query: ListQuery): Promise<IncidentPage> {
    const statement = this.listStatement(query.status, query.after !== undefined);
    // One row more than asked tells whether another page exists without a COUNT.
    const rows = statement.all({ limit: query.limit + 1, createdAt: query.after?.createdAt, id: query.after?.id });
    const hasMore = rows.length > query.limit;
    return { incidents: rows.slice(0, query.limit).map(rowToIncident), hasMore };
  }

  async timeline(incidentId: string): Promise<TimelineEntry[] | undefined> {
    return this.db.transaction(() => {
      if (!this.statements.incidentById.get(incidentId)) return undefined;
      return this.statements.timeline.all(incidentId).map(rowToTimelineEntry);
    })();
  }

  async eventsAfter(afterId: number, limit: number): Promise<HubEvent[]> {
    return this.statements.eventsAfter
      .all(afterId, limit)
      .map((row) => ({ id: row.id, type: row.type, incident: JSON.parse(row.data) as Incident }));
  }

  async claimIdempotencyKey(claim: IdempotencyClaim): Promise<ClaimOutcome> {
    return this.db
      .transaction((): ClaimOutcome => {
        const row = this.statements.idempotencyRow.get(claim.user, claim.key);
        if (!row) {
          this.statements.insertIdempotency.run(claim.user, claim.key, claim.fingerprint, claim.at);
          return { kind: 'claimed' };
        }
        if (row.fingerprint !== claim.fingerprint) return { kind: 'mismatch' };
        if (row.state === 'done' && row.response_status !== null && row.response_body !== null) {
          return { kind: 'done', response: { status: row.response_status, body: row.response_body } };
        }
        if (row.created_at < claim.abandonedBefore) {
          this.statements.retakeIdempotency.run(claim.at, claim.user, claim.key);
          return { kind: 'claimed' };
        }
        return { kind: 'in_progress' };
      })
      .immediate();
  }

  async releaseIdempotencyKey(user: string, key: string): Promise<void> {
    this.statements.deleteIdempotency.run(user, key);
  }

  async purgeIdempotencyKeys(createdBefore: string): Promise<number> {
    return this.statements.purgeIdempotency.run(createdBefore).changes;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private listStatement(status: ListStatus, withCursor: boolean) {
    const sql = listSql(status, withCursor);
    let statement = this.listStatements.get(sql);
    if (!statement) {
      statement = this.db.prepare<Record<string, unknown>, IncidentRow>(sql);
      this.listStatements.set(sql, statement);
    }
    return statement;
  }

  private writeTimeline(incidentId: string, drafts: readonly TimelineDraft[]): void {
    for (const draft of drafts) {
      this.statements.insertTimeline.run({
        incidentId,
        kind: draft.kind,
        at: draft.at,
        actor: draft.actor,
        message: draft.message ?? null,
        from: draft.from ?? null,
        to: draft.to ?? null,
      });
    }
  }

  private writeEvents(incident: Incident, types: readonly HubEventType[], at: string): HubEvent[] {
    const data = JSON.stringify(incident);
    return types.map((type) => {
      const id = Number(this.statements.insertEvent.run(type, incident.id, data, at).lastInsertRowid);
      return { id, type, incident };
    });
  }
}
