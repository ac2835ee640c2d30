// The popover window drilled into one incident (issue #7): its facts, the update countdown with Pin and
// Snooze, Edit (optimistic concurrency, conflicts shown), Post status update, Resolve, and the
// timeline. Everything comes from main: the record from `incident.get`, the countdown from the snapshot.
import { useCallback, useEffect, useRef } from 'react';
import { Alert } from '../../components/alert.js';
import { useEscape } from '../../lib/use-escape.js';
import { useNow } from '../../lib/use-now.js';
import { useIncidentCadence } from '../../store/incident-cadence-store.js';
import { useIncidentDetail } from '../../store/incident-detail-store.js';
import { useIncidentEdit } from '../../store/incident-edit-store.js';
import { useIncidentResolve } from '../../store/incident-resolve-store.js';
import { useIncidentUpdate } from '../../store/incident-update-store.js';
import { useNavigation } from '../../store/navigation-store.js';
import { ActionResultPanel } from './action-result.js';
import { DetailHeader } from './detail-header.js';
import { DetailMissing } from './detail-missing.js';
import { DetailToolbar } from './detail-toolbar.js';
import { EditConflictPanel } from './edit-conflict.js';
import { IncidentCadence } from './incident-cadence.js';
import { IncidentEditForm } from './incident-edit-form.js';
import { IncidentSummary } from './incident-summary.js';
import { IncidentTimeline } from './incident-timeline.js';
import { PostUpdateForm } from './post-update-form.js';
import { ResolvePanel } from './resolve-panel.js';
import { useDetailRefresh } from './use-detail-refresh.js';

export function IncidentDetailView({ incidentId }: { incidentId: string }) {
  const detail = useIncidentDetail((s) => (s.detail?.incident.id === incidentId ? s.detail : undefined));
  const error = useIncidentDetail((s) => s.error);
  const loading = useIncidentDetail((s) => s.loading);
  const changedElsewhere = useIncidentDetail((s) => s.changedElsewhere);
  const reload = useIncidentDetail((s) => s.load);
  const editing = useIncidentEdit((s) => s.editing);
  const conflict = useIncidentEdit((s) => s.conflict);
  const saved = useIncidentEdit((s) => s.saved);
  const startEdit = useIncidentEdit((s) => s.start);
  const confirming = useIncidentResolve((s) => s.confirming);
  const resolveResult = useIncidentResolve((s) => s.result);
  const askResolve = useIncidentResolve((s) => s.ask);
  const cancelResolve = useIncidentResolve((s) => s.cancel);
  const closeIncident = useNavigation((s) => s.closeIncident);
  const now = useNow();
  const editButton = useRef<HTMLButtonElement>(null);
  const resolveButton = useRef<HTMLButtonElement>(null);

  // Entering an incident: read it fresh, and forget forms that belonged to another one (a form of
  // this one survives going back to the list and returning).
  useEffect(() => {
    useIncidentEdit.getState().forIncident(incidentId);
    useIncidentUpdate.getState().forIncident(incidentId);
    useIncidentResolve.getState().forIncident(incidentId);
    useIncidentCadence.getState().clearError();
    void useIncidentDetail.getState().open(incidentId);
  }, [incidentId]);
  useDetailRefresh(incidentId);

  const back = useCallback(() => closeIncident(), [closeIncident]);
  useEscape(back);
  // Focus goes back to the control that opened a form once the form is gone.
  const focusEdit = useCallback(() => requestAnimationFrame(() => editButton.current?.focus()), []);
  const focusResolve = useCallback(() => requestAnimationFrame(() => resolveButton.current?.focus()), []);

  const incident = detail?.incident;
  const resolved = incident?.status === 'resolved';
  return (
    <div className="window incident-detail">
      <DetailHeader title={incident?.name ?? 'Incident'} onBack={back} />
      <main className="window-body detail-body" aria-label="Incident detail" aria-busy={loading && !detail}>
        {!detail && error ? (
          <DetailMissing error={error} onBack={back} onRetry={() => void reload()} />
        ) : !detail || !incident ? (
          <p className="loading">Loading incident…</p>
        ) : (
          <>
            {changedElsewhere ? (
              <Alert tone="warning">
                <strong>Changed by someone else.</strong> Your edit is kept; saving shows what changed.{' '}
                <button type="button" className="btn btn-inline" onClick={() => void reload()}>
                  Reload
                </button>
              </Alert>
            ) : null}
            {error ? (
              <Alert tone="error">
                Could not refresh: {error.message}{' '}
                <button type="button" className="btn btn-inline" onClick={() => void reload()}>
                  Retry
                </button>
              </Alert>
            ) : null}
            {editing ? (
              conflict ? (
                // Keyed by version: a second conflict is a new one, announced and focused again.
                <EditConflictPanel key={conflict.current.etag} conflict={conflict} onClosed={focusEdit} />
              ) : (
                <IncidentEditForm onClosed={focusEdit} />
              )
            ) : (
              <IncidentSummary incident={incident} now={now} />
            )}
            {resolved ? null : <IncidentCadence incidentId={incidentId} now={now} />}
            {editing ? null : (
              <DetailToolbar
                resolved={resolved}
                confirming={confirming}
                editRef={editButton}
                resolveRef={resolveButton}
                onEdit={() => startEdit(detail)}
                saved={saved}
                onResolve={() => (confirming ? cancelResolve() : askResolve())}
              />
            )}
            {confirming && !resolved ? (
              <div id="resolve-panel">
                <ResolvePanel incident={incident} onClosed={focusResolve} />
              </div>
            ) : null}
            {resolveResult ? <ActionResultPanel result={resolveResult} kind="resolve" label="Resolve steps" takeFocus /> : null}
            {resolved ? null : <PostUpdateForm />}
            <IncidentTimeline entries={detail.timeline} now={now} />
          </>
        )}
      </main>
    </div>
  );
}
