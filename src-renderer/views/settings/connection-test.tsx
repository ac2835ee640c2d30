import type { ConnectionTarget } from '../../../src-shared/settings.js';
import { StepStatusIcon } from '../../components/step-status-icon.js';
import { useSettings, type ConnectionState } from '../../store/settings-store.js';

const ICON_FOR: Record<ConnectionState['state'], 'done' | 'failed' | 'not-configured' | 'running'> = {
  ok: 'done',
  failed: 'failed',
  'not-configured': 'not-configured',
  checking: 'running',
};

const resultId = (target: ConnectionTarget) => `check-${target}`;

/** "Test connection": one cheap call by main with the saved settings. */
export function ConnectionTestButton({ target, title }: { target: ConnectionTarget; title: string }) {
  const check = useSettings((s) => s.checks[target]);
  const dirty = useSettings((s) => s.dirty);
  const testConnection = useSettings((s) => s.testConnection);
  return (
    <button
      type="button"
      className="btn btn-small"
      aria-label={`Test ${title} connection`}
      aria-describedby={check ? resultId(target) : undefined}
      title={dirty ? 'Tests the saved settings: save first to test your changes.' : undefined}
      disabled={check?.state === 'checking'}
      onClick={() => void testConnection(target)}
    >
      Test connection
    </button>
  );
}

/** The answer to the last test, in one sentence a person can act on. */
export function ConnectionResult({ target }: { target: ConnectionTarget }) {
  const check = useSettings((s) => s.checks[target]);
  return (
    <p id={resultId(target)} className={check ? `connection-result is-${check.state}` : 'connection-result'} role="status">
      {check ? (
        <>
          <StepStatusIcon status={ICON_FOR[check.state]} />
          <span>{check.message}</span>
        </>
      ) : null}
    </p>
  );
}
