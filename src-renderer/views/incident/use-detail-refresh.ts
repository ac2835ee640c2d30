import { useEffect, useRef } from 'react';
import { useIncidentDetail } from '../../store/incident-detail-store.js';
import { useIncidentEdit } from '../../store/incident-edit-store.js';
import { useSnapshot } from '../../store/snapshot-store.js';

/**
 * Re-reads the incident when main's snapshot shows a newer version of it (a teammate's edit, an
 * update posted elsewhere). While the person is editing, what they typed is not replaced: the view
 * says the incident changed and offers the reload instead.
 *
 * Only a snapshot *newer* than the detail counts: right after a save the detail is ahead of the
 * snapshot until main's push arrives, and that is no news.
 */
export function useDetailRefresh(incidentId: string): void {
  const pushed = useSnapshot((s) => s.snapshot?.incidents.find((incident) => incident.id === incidentId)?.updatedAt);
  const shown = useIncidentDetail((s) => (s.detail?.incident.id === incidentId ? s.detail.incident.updatedAt : undefined));
  const handled = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (pushed === undefined || shown === undefined || handled.current === pushed) return;
    if (!(Date.parse(pushed) > Date.parse(shown))) return;
    handled.current = pushed;
    const detail = useIncidentDetail.getState();
    if (useIncidentEdit.getState().editing) detail.flagChangedElsewhere();
    else void detail.load();
  }, [pushed, shown]);
}
