// Which steps a declare will take, decided when the intent is written: severity routing from the
// settings (SEV1/SEV2 page PagerDuty by default), what is configured, and — for every step that will
// run — what to do by hand if it cannot be done (shown in the UI and the CLI while it fails).
import type { DeclareRequest, DeclareStepName, StepStatus } from '../../../src-shared/domain.js';
import type { Settings } from '../../../src-shared/settings.js';

export interface VendorConfiguration {
  slack: boolean;
  pagerduty: boolean;
  /** A team hub is configured (otherwise the embedded local store records the incident). */
  hub: boolean;
}

export interface PlannedStep {
  step: DeclareStepName;
  status: StepStatus;
  manualFallback?: string;
}

export function planDeclare(name: string, request: DeclareRequest, settings: Settings, configured: VendorConfiguration, declarer: string): PlannedStep[] {
  const slack = (step: DeclareStepName, manualFallback: string): PlannedStep =>
    configured.slack ? { step, status: 'pending', manualFallback } : { step, status: 'not-configured' };
  const digest = settings.slack.digestChannel;
  const service = request.service ?? 'the affected service';
  const pages = settings.routing[request.severity].page;
  return [
    slack('slack.channel', `Create #${name} in Slack and invite ${declarer}.`),
    slack('slack.headline', `Post and pin in #${name}: "${request.severity} ${request.title}", the service (${service}) and who leads.`),
    digest
      ? slack('slack.digest', `Post in ${digest}: "${request.severity} declared: ${request.title}, join #${name}".`)
      : { step: 'slack.digest', status: configured.slack ? 'skipped' : 'not-configured' },
    !pages
      ? { step: 'pagerduty', status: 'skipped' }
      : configured.pagerduty
        ? { step: 'pagerduty', status: 'pending', manualFallback: `Page the on-call of ${service} in PagerDuty (${request.severity}, high urgency) and share the link in #${name}.` }
        : { step: 'pagerduty', status: 'not-configured' },
    {
      step: 'hub',
      status: 'pending',
      manualFallback: configured.hub ? `Tell the team in Slack that ${name} is declared; the record is written once the hub answers.` : 'The incident is kept on this machine only.',
    },
  ];
}
