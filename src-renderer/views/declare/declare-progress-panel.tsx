import type { DeclareProgress } from '../../../src-shared/domain.js';
import { Alert } from '../../components/alert.js';
import { StepList } from '../../components/step-list.js';
import { useDeclare } from '../../store/declare-store.js';
import { useDeclareRetry } from '../../store/declare-retry-store.js';
import { DeclareStatus } from './declare-status.js';
import { DeclareSummary } from './declare-summary.js';
import { VendorsNotSetUp } from './vendors-not-set-up.js';

/** The declare this window submitted, live: its name, where it stands, and each step. */
export function DeclareProgressPanel({ declare, onDone, onOpen }: { declare: DeclareProgress; onDone: () => void; onOpen: (incidentId: string) => void }) {
  const reset = useDeclare((s) => s.reset);
  const retry = useDeclareRetry((s) => s.retry);
  const retrying = useDeclareRetry((s) => s.inFlight[declare.id] === true);
  const retryError = useDeclareRetry((s) => s.errors[declare.id]);
  return (
    <div className="window-form">
      <div className="window-body">
        <DeclareSummary declare={declare} />
        <DeclareStatus declare={declare} />
        {retryError ? (
          <Alert tone="error">
            <strong>Retry did not start.</strong> {retryError.message}
          </Alert>
        ) : null}
        <h3 className="section-title">Steps</h3>
        <StepList
          steps={declare.steps}
          retry={{ onRetry: () => void retry(declare.id), retrying, disabled: declare.running }}
        />
        <VendorsNotSetUp steps={declare.steps} />
      </div>
      <footer className="window-footer">
        {/* The flow runs in main: the window is only a view of it. */}
        {declare.finished ? null : <span className="footer-hint">You can close this window.</span>}
        <button type="button" className="btn" onClick={reset}>
          Declare another
        </button>
        {/* Once the record exists (the hub step, id = the declare's), the next thing is running it. */}
        {declare.steps.some((s) => s.step === 'hub' && s.status === 'done') ? (
          <button type="button" className="btn btn-primary" autoFocus onClick={() => onOpen(declare.id)}>
            Open incident
          </button>
        ) : (
          <button type="button" className="btn btn-primary" autoFocus onClick={onDone}>
            Back to incidents
          </button>
        )}
      </footer>
    </div>
  );
}
