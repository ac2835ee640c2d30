import type { DeclareProgress } from '../../../src-shared/domain.js';
import { SeverityBadge } from '../../components/severity-badge.js';
import { blockedSteps, isWaitingForNetwork, troubledSteps } from '../../lib/declare-phase.js';
import { listOf, NOT_TRIED_LABEL, STEP_LABELS, WAITING_FOR_NETWORK_LABEL } from '../../lib/labels.js';
import { useDeclareRetry } from '../../store/declare-retry-store.js';

/** "Slack channel failed: channel name taken", "PagerDuty waiting for network". */
function describeStep(step: DeclareProgress['steps'][number]): string {
  const label = STEP_LABELS[step.step];
  if (isWaitingForNetwork(step)) return `${label}: ${WAITING_FOR_NETWORK_LABEL.toLowerCase()}`;
  return step.error ? `${label} failed: ${step.error}` : `${label} failed`;
}

/** One unfinished declare in the popover: its name, what is stuck, and Retry. */
export function OutboxEntry({ declare }: { declare: DeclareProgress }) {
  const retry = useDeclareRetry((s) => s.retry);
  const retrying = useDeclareRetry((s) => s.inFlight[declare.id] === true);
  const retryError = useDeclareRetry((s) => s.errors[declare.id]);
  const troubled = troubledSteps(declare);
  // Steps held up by a failed one are one line, not an alarm each: they go when it goes.
  const blocked = blockedSteps(declare).map((step) => STEP_LABELS[step.step]);
  return (
    <li className="outbox-entry" data-declare={declare.name}>
      <div className="outbox-entry-head">
        <SeverityBadge severity={declare.severity} />
        <span className="outbox-entry-name" title={declare.name}>
          {declare.name}
        </span>
        <button
          type="button"
          className="btn btn-small"
          aria-label={`Retry ${declare.name}`}
          // A declare waiting for the network may be nudged too (the Wi-Fi is back); one running may not.
          disabled={retrying || declare.running}
          onClick={() => void retry(declare.id)}
        >
          {retrying ? 'Retrying…' : declare.running ? 'Running…' : 'Retry'}
        </button>
      </div>
      {troubled.length > 0 ? (
        <ul className="outbox-entry-steps">
          {troubled.map((step) => (
            <li key={step.step} className={isWaitingForNetwork(step) ? 'is-network' : 'is-failed'}>
              {describeStep(step)}
            </li>
          ))}
          {blocked.length > 0 ? <li className="is-blocked">{`${listOf(blocked)}: ${NOT_TRIED_LABEL.toLowerCase()}`}</li> : null}
        </ul>
      ) : (
        <p className="outbox-entry-steps">{declare.title}</p>
      )}
      {retryError ? (
        <p className="outbox-entry-error" role="alert">
          {retryError.message}
        </p>
      ) : null}
    </li>
  );
}
