// Words for the detail view's machine names (action steps, editable fields, timeline kinds), in one
// place so the form, the conflict and the timeline say the same thing.
import type { IncidentStatus } from '../../../src-shared/domain.js';
import type { TimelineKind } from '../../../src-shared/hub-api.js';
import type { ActionStep, EditableField } from '../../../src-shared/incident-actions.js';
import { INCIDENT_STATUS_LABELS } from '../../lib/labels.js';

export const ACTION_STEP_LABELS: Record<ActionStep['step'], string> = {
  hub: 'Incident record',
  pagerduty: 'PagerDuty',
  'slack.channel': 'Slack channel post',
  'slack.digest': 'Digest post',
};

export const ACTION_STATUS_LABELS: Record<ActionStep['status'], string> = {
  done: 'Done',
  failed: 'Failed',
  skipped: 'Skipped',
  'not-configured': 'Not configured',
};

export const FIELD_LABELS: Record<EditableField, string> = {
  title: 'Title',
  severity: 'Severity',
  status: 'Status',
  commander: 'Commander',
  description: 'Description',
};

export const TIMELINE_LABELS: Record<TimelineKind, string> = {
  declared: 'Declared',
  severity_changed: 'Severity changed',
  status_changed: 'Status changed',
  commander_changed: 'Commander changed',
  edited: 'Edited',
  update_posted: 'Status update',
  resolved: 'Resolved',
};

/** A status as people read it; anything else (a severity, a name) as it is. */
export function valueLabel(value: string | undefined): string {
  if (value === undefined || value === '') return 'none';
  return INCIDENT_STATUS_LABELS[value as IncidentStatus] ?? value;
}
