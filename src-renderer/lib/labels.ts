// Words shown for the contract's machine names, in one place so every view says the same thing.
import type { DeclareStepName, IncidentStatus, StepStatus } from '../../src-shared/domain.js';

export const STEP_LABELS: Record<DeclareStepName, string> = {
  'slack.channel': 'Slack channel',
  'slack.headline': 'Headline post',
  'slack.digest': 'Digest post',
  pagerduty: 'PagerDuty',
  hub: 'Incident record',
};

export const STEP_STATUS_LABELS: Record<StepStatus, string> = {
  pending: 'Pending',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  skipped: 'Skipped',
  'not-configured': 'Not configured',
};

/** Shown instead of "Failed" (or "Pending") when the network is at fault: main finishes it by itself. */
export const WAITING_FOR_NETWORK_LABEL = 'Waiting for network';

/** A step main did not try because one it needs failed. */
export const NOT_TRIED_LABEL = 'Not tried yet';

/** "Headline post", "Headline post and Digest post", "A, B and C". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

export const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/** A PagerDuty page's status as its badge says it (short: the row is narrow). */
export const PAGE_STATUS_LABELS: Record<'triggered' | 'acknowledged', string> = {
  triggered: 'Triggered',
  acknowledged: 'Acked',
};
