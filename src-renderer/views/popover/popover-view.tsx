// The tray popover: what needs me (a broken token, my pages, my on-call time), what is open right
// now, and the two ways out (declare, settings).
import { useMemo } from 'react';
import { Alert } from '../../components/alert.js';
import { countByFilter, trackingById } from '../../lib/incident-filter.js';
import { useIncidentFilter } from '../../store/incident-filter-store.js';
import { useNavigation } from '../../store/navigation-store.js';
import { useSnapshot } from '../../store/snapshot-store.js';
import { ActiveIncidentBar } from './active-incident.js';
import { EmptyState } from './empty-state.js';
import { IncidentList } from './incident-list.js';
import { OutboxLine } from './outbox-line.js';
import { PagedSection } from './paged-section.js';
import { PopoverHeader } from './popover-header.js';
import { PopoverToolbar } from './popover-toolbar.js';
import { ProblemsBanner } from './problems-banner.js';
import { WatchStatus } from './watch-status.js';

export function PopoverView() {
  const snapshot = useSnapshot((s) => s.snapshot);
  const error = useSnapshot((s) => s.error);
  const reload = useSnapshot((s) => s.load);
  const navigationError = useNavigation((s) => s.error);
  const filter = useIncidentFilter((s) => s.filter);

  const incidents = useMemo(() => snapshot?.incidents ?? [], [snapshot?.incidents]);
  const tracking = useMemo(() => trackingById(snapshot?.tracking), [snapshot?.tracking]);
  const counts = useMemo(() => countByFilter(incidents, tracking), [incidents, tracking]);
  const active = snapshot?.active;
  const activeIncident = active ? incidents.find((incident) => incident.id === active.incidentId) : undefined;
  // The header line is for a countdown: an incident I command without a cadence (SEV3 and below by
  // default) has none, and would only push the list down. One I pinned is shown regardless (I chose it).
  const showActive = active && activeIncident && (active.pinned || tracking.get(activeIncident.id)?.nextUpdateDueAt !== undefined);
  // Present where the watchers run (the app, `incident-tray ui`); a plain CLI core has none.
  const watch = snapshot?.watch;
  return (
    <div className="popover">
      <PopoverHeader store={snapshot?.store} />
      {showActive ? <ActiveIncidentBar active={active} incident={activeIncident} tracking={tracking.get(activeIncident.id)} /> : null}
      {watch ? <WatchStatus watch={watch} /> : null}
      {watch && watch.problems.length > 0 ? (
        <div className="popover-attention">
          <ProblemsBanner problems={watch.problems} />
        </div>
      ) : null}
      {watch && watch.pages.length > 0 ? <PagedSection pages={watch.pages} /> : null}
      {snapshot && incidents.length > 0 ? <PopoverToolbar counts={counts} /> : null}
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
          <IncidentList incidents={incidents} tracking={tracking} filter={filter} />
        ) : (
          <EmptyState />
        )}
      </main>
    </div>
  );
}
