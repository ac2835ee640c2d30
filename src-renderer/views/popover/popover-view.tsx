// The tray popover: what is open right now, and the two ways out (declare, settings).
import { Alert } from '../../components/alert.js';
import { useNavigation } from '../../store/navigation-store.js';
import { useSnapshot } from '../../store/snapshot-store.js';
import { EmptyState } from './empty-state.js';
import { IncidentList } from './incident-list.js';
import { OutboxLine } from './outbox-line.js';
import { PopoverHeader } from './popover-header.js';
import { PopoverToolbar } from './popover-toolbar.js';

export function PopoverView() {
  const snapshot = useSnapshot((s) => s.snapshot);
  const error = useSnapshot((s) => s.error);
  const reload = useSnapshot((s) => s.load);
  const navigationError = useNavigation((s) => s.error);

  const incidents = snapshot?.incidents ?? [];
  return (
    <div className="popover">
      <PopoverHeader store={snapshot?.store} />
      {snapshot && incidents.length > 0 ? <PopoverToolbar count={incidents.length} /> : null}
      <div className="popover-notices">
        {snapshot ? <OutboxLine outbox={snapshot.outbox} /> : null}
        {error && snapshot ? (
          <Alert tone="error">
            {error.message}{' '}
            <button type="button" className="btn btn-inline" onClick={() => void reload()}>
              Retry
            </button>
          </Alert>
        ) : null}
        {navigationError ? <Alert tone="error">{navigationError.message}</Alert> : null}
      </div>
      <main className="popover-body" aria-label="Open incidents" aria-busy={!snapshot}>
        {!snapshot ? (
          <p className="loading">Loading incidents…</p>
        ) : incidents.length > 0 ? (
          <IncidentList incidents={incidents} />
        ) : (
          <EmptyState />
        )}
      </main>
    </div>
  );
}
