import { useEffect, useRef } from 'react';
import type { Incident } from '../../../src-shared/domain.js';
import type { ActionResult, ActionStep } from '../../../src-shared/incident-actions.js';
import { Alert } from '../../components/alert.js';
import { LinkButton } from '../../components/link-button.js';
import { StepStatusIcon } from '../../components/step-status-icon.js';
import { plural } from '../../lib/labels.js';
import { ACTION_STATUS_LABELS, ACTION_STEP_LABELS } from './detail-labels.js';

type ActionKind = 'update' | 'resolve';

/** What to do by hand when a vendor step failed: the hub has the record, people still need to hear it. */
function fallbackOf(step: ActionStep, kind: ActionKind, incident: Incident): string | undefined {
  const what = kind === 'update' ? 'the update' : 'that the incident is resolved';
  switch (step.step) {
    case 'slack.channel':
      return `Post ${what} in #${incident.name} by hand.`;
    case 'slack.digest':
      return `Post ${what} in the team's digest channel by hand.`;
    case 'pagerduty':
      return 'Resolve the incident in PagerDuty by hand.';
    default:
      return undefined;
  }
}

function linkOf(step: ActionStep, incident: Incident): { url: string; label: string } | undefined {
  if (step.step === 'slack.channel' && incident.links.slack) return { url: incident.links.slack, label: 'Open Slack channel' };
  if (step.step === 'pagerduty' && incident.links.pagerduty) return { url: incident.links.pagerduty, label: 'Open PagerDuty incident' };
  return undefined;
}

function Headline({ result, kind }: { result: ActionResult; kind: ActionKind }) {
  const hub = result.steps.find((step) => step.step === 'hub');
  const failed = result.steps.filter((step) => step.status === 'failed' && step.step !== 'hub');
  if (hub && hub.status !== 'done') {
    return (
      <Alert tone="error">
        <strong>{kind === 'update' ? 'The update was not recorded.' : 'The incident was not resolved.'}</strong>{' '}
        {hub.error ?? ''} {kind === 'update' ? 'Your text is kept: try again.' : 'Try again.'}
      </Alert>
    );
  }
  const done = kind === 'update' ? 'Update posted.' : 'Incident resolved.';
  if (failed.length > 0) {
    return (
      <Alert tone="warning">
        <strong>{done}</strong> {plural(failed.length, 'step', 'steps')} did not go through: see below what to do by hand.
      </Alert>
    );
  }
  return (
    <Alert tone="success">
      <strong>{done}</strong> {kind === 'update' ? 'The update countdown starts again.' : ''}
    </Alert>
  );
}

/** The steps of a posted update or a resolve, with the manual fallback of each failed vendor step. */
export function ActionResultPanel({ result, kind, label, takeFocus }: { result: ActionResult; kind: ActionKind; label: string; takeFocus?: boolean }) {
  const panel = useRef<HTMLDivElement>(null);
  // After a resolve the confirmation and the Resolve button are gone: focus would drop to the page's
  // top, so it comes here, where the outcome is.
  useEffect(() => {
    if (takeFocus) panel.current?.focus();
  }, [takeFocus]);
  return (
    <div ref={panel} className="action-result" tabIndex={takeFocus ? -1 : undefined}>
      <Headline result={result} kind={kind} />
      <ul className="step-list action-steps" aria-label={label}>
        {result.steps.map((step) => {
          const name = ACTION_STEP_LABELS[step.step];
          const failed = step.status === 'failed';
          // A vendor failure is a warning: the record counts. Only the hub failing is an error.
          const look = failed && step.step !== 'hub' ? 'waiting' : step.status;
          // Main's error may already say what to do by hand; then it is not said twice.
          const fallback = failed && !/by hand/i.test(step.error ?? '') ? fallbackOf(step, kind, result.incident) : undefined;
          const link = failed ? linkOf(step, result.incident) : undefined;
          return (
            <li key={step.step} className={`step step-${look}`} data-step={step.step} data-status={step.status}>
              <StepStatusIcon status={look} />
              <div className="step-body">
                <div className="step-line">
                  <span className="step-name">{name}</span>
                  <span className="step-state">
                    <span className={`step-status step-status-${look}`}>{ACTION_STATUS_LABELS[step.status]}</span>
                  </span>
                </div>
                {(failed || step.status === 'skipped') && step.error ? (
                  <p className={failed && step.step === 'hub' ? 'step-error' : 'step-error is-quiet'}>{step.error}</p>
                ) : null}
                {fallback ? (
                  <p className="step-fallback">
                    <strong>Do this by hand:</strong> {fallback}
                  </p>
                ) : null}
                {link ? (
                  <div className="step-actions">
                    <LinkButton url={link.url}>{link.label}</LinkButton>
                  </div>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
