import type { DeclareResult } from '../../../src-shared/domain.js';
import { Alert } from '../../components/alert.js';
import { SeverityBadge } from '../../components/severity-badge.js';
import { StepList } from '../../components/step-list.js';
import { plural } from '../../lib/labels.js';
import { useDeclare } from '../../store/declare-store.js';

export function DeclareResultPanel({ result, onDone }: { result: DeclareResult; onDone: () => void }) {
  const reset = useDeclare((s) => s.reset);
  const declared = useDeclare((s) => s.declared);
  const failed = result.steps.filter((s) => s.status === 'failed').length;
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
