// Incident and timeline rows ↔ the §4 records, for both backends (they select the same column names, times as
// ISO-8601 text). Optional fields are NULL in the table and absent in the record.
import type { Incident, IncidentStatus, Severity } from '../../src-shared/domain.js';
import type { TimelineEntry, TimelineKind } from '../../src-shared/hub-api.js';

export interface IncidentRow {
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
  version: number;
}

export function rowToIncident(row: IncidentRow): Incident {
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

/** Named parameters for INSERT/UPDATE statements. */
export function incidentToParams(incident: Incident) {
  return {
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
  };
}

export interface TimelineRow {
  id: number;
  incident_id: string;
  kind: TimelineKind;
  at: string;
  actor: string;
  message: string | null;
  from_value: string | null;
  to_value: string | null;
}

export function rowToTimelineEntry(row: TimelineRow): TimelineEntry {
  const entry: TimelineEntry = { id: row.id, incidentId: row.incident_id, kind: row.kind, at: row.at, actor: row.actor };
  if (row.message !== null) entry.message = row.message;
  if (row.from_value !== null) entry.from = row.from_value;
  if (row.to_value !== null) entry.to = row.to_value;
  return entry;
}
