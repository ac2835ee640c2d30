// The embedded local store: incidents kept in the app's own SQLite file when no hub is configured,
// with the same shape the hub serves so that the rest of the app does not care which one it talks to.
import type { Incident, IncidentStatus, Severity } from '../../../src-shared/domain.js';
import type { AppDatabase } from '../store/database.js';

interface IncidentRow {
  id: string;
  name: string;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  description: string | null;
  service: string | null;
  commander: string | null;
  declared_by: string;
  created_at: string;
  updated_at: string;
  last_update_at: string | null;
  slack_url: string | null;
  pagerduty_url: string | null;
}

function toIncident(row: IncidentRow): Incident {
  const incident: Incident = {
    id: row.id,
    name: row.name,
    title: row.title,
    severity: row.severity,
    status: row.status,
    declaredBy: row.declared_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    links: {},
  };
  if (row.description !== null) incident.description = row.description;
  if (row.service !== null) incident.service = row.service;
  if (row.commander !== null) incident.commander = row.commander;
  if (row.last_update_at !== null) incident.lastUpdateAt = row.last_update_at;
  if (row.slack_url !== null) incident.links.slack = row.slack_url;
  if (row.pagerduty_url !== null) incident.links.pagerduty = row.pagerduty_url;
  return incident;
}

export const OPEN_INCIDENTS_SQL = `SELECT * FROM incidents WHERE status <> 'resolved' ORDER BY created_at DESC`;

export class LocalIncidentStore {
  private readonly selectOpen;
  private readonly selectById;
  private readonly selectNameTaken;
  private readonly insertIncident;
  private readonly insertTimeline;

  constructor(private readonly db: AppDatabase) {
    this.selectOpen = db.prepare<[], IncidentRow>(OPEN_INCIDENTS_SQL);
    this.selectById = db.prepare<[string], IncidentRow>('SELECT * FROM incidents WHERE id = ?');
    this.selectNameTaken = db.prepare<[string, string], { taken: number }>(
      // A name reserved by a declare still in the outbox is as taken as one already recorded.
      `SELECT EXISTS(SELECT 1 FROM incidents WHERE name = ?) OR EXISTS(SELECT 1 FROM declares WHERE name = ?) AS taken`,
    );
    this.insertIncident = db.prepare(
      `INSERT INTO incidents (id, name, title, severity, status, description, service, commander, declared_by,
         created_at, updated_at, last_update_at, slack_url, pagerduty_url)
       VALUES (@id, @name, @title, @severity, @status, @description, @service, @commander, @declaredBy,
         @createdAt, @updatedAt, @lastUpdateAt, @slack, @pagerduty)
       ON CONFLICT (id) DO NOTHING`,
    );
    this.insertTimeline = db.prepare(
      `INSERT INTO incident_timeline (incident_id, kind, message, actor, at) VALUES (?, ?, ?, ?, ?)`,
    );
  }

  listOpen(): Incident[] {
    return this.selectOpen.all().map(toIncident);
  }

  get(id: string): Incident | undefined {
    const row = this.selectById.get(id);
    return row ? toIncident(row) : undefined;
  }

  isNameTaken(name: string): boolean {
    return this.selectNameTaken.get(name, name)?.taken === 1;
  }

  /** Idempotent on the id: writing the same incident twice keeps the first. */
  create(incident: Incident): Incident {
    this.db.transaction(() => {
      const result = this.insertIncident.run({
        id: incident.id,
        name: incident.name,
        title: incident.title,
        severity: incident.severity,
        status: incident.status,
        description: incident.description ?? null,
        service: incident.service ?? null,
        commander: incident.commander ?? null,
        declaredBy: incident.declaredBy,
        createdAt: incident.createdAt,
        updatedAt: incident.updatedAt,
        lastUpdateAt: incident.lastUpdateAt ?? null,
        slack: incident.links.slack ?? null,
        pagerduty: incident.links.pagerduty ?? null,
      });
      if (result.changes === 1) {
        this.insertTimeline.run(incident.id, 'declared', incident.title, incident.declaredBy, incident.createdAt);
      }
    })();
    const stored = this.get(incident.id);
    if (!stored) throw new Error(`incident ${incident.id} was not stored`);
    return stored;
  }
}
