import type { DeclareResult, DeclareStepName, DeclareStepState } from '../../../src-shared/domain.js';
import { Alert } from '../../components/alert.js';
import { SeverityBadge } from '../../components/severity-badge.js';
import { StepList } from '../../components/step-list.js';
import { plural } from '../../lib/labels.js';
import { useDeclare } from '../../store/declare-store.js';
import { useNavigation } from '../../store/navigation-store.js';

const VENDOR_OF: Record<DeclareStepName, string> = {
  'slack.channel': 'Slack',
  'slack.headline': 'Slack',
  'slack.digest': 'Slack',
  pagerduty: 'PagerDuty',
  hub: 'The hub',
};

/** "Slack", "PagerDuty": the vendors whose steps reported not-configured. */
function vendorsNotSetUp(steps: readonly DeclareStepState[]): string[] {
  return [...new Set(steps.filter((s) => s.status === 'not-configured').map((s) => VENDOR_OF[s.step]))];
}

export function DeclareResultPanel({ result, onDone }: { result: DeclareResult; onDone: () => void }) {
  const reset = useDeclare((s) => s.reset);
  const declared = useDeclare((s) => s.declared);
  const show = useNavigation((s) => s.show);
  const failed = result.steps.filter((s) => s.status === 'failed').length;
  const notSetUp = vendorsNotSetUp(result.steps);
  return (
    <div className="window-form">
      <div className="window-body">
        <section className="result-summary" aria-labelledby="result-name">
          <p className="result-kicker">Declared as</p>
          <h2 id="result-name" className="result-name">
            {result.name}
          </h2>
          {declared ? (
            <p className="result-title">
              <SeverityBadge severity={declared.severity} />
              <span>{declared.title}</span>
            </p>
          ) : null}
        </section>
        {failed > 0 ? (
          <Alert tone="warning">
            {plural(failed, 'step', 'steps')} did not go through. The incident is recorded; do the rest by hand as shown
            below.
          </Alert>
        ) : null}
        <h3 className="section-title">Steps</h3>
        <StepList steps={result.steps} />
        {notSetUp.length > 0 ? (
          <Alert tone="info">
            {notSetUp.join(' and ')} {notSetUp.length === 1 ? 'is' : 'are'} not set up, so {notSetUp.length === 1 ? 'its' : 'their'}{' '}
            steps were left out.{' '}
            <button type="button" className="btn btn-inline" onClick={() => void show('settings')}>
              Open Settings
            </button>
          </Alert>
        ) : null}
      </div>
      <footer className="window-footer">
        <button type="button" className="btn" onClick={reset}>
          Declare another
        </button>
        <button type="button" className="btn btn-primary" autoFocus onClick={onDone}>
          Back to incidents
        </button>
      </footer>
    </div>
  );
}
