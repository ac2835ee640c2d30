import { useEffect, useRef } from 'react';
import { useIncidentDetail } from '../../store/incident-detail-store.js';

const FOCUSABLE = 'button:not(:disabled), a[href], [tabindex]:not([tabindex="-1"])';

/**
 * Back from the detail view, keyboard focus goes to the incident's row in the list rather than to the
 * top of the page: the row is found by `data-incident-id` or `data-row-key` (the id), else by the popover's `data-incident`
 * (the name), and focus lands on the row itself when it is focusable, else on its primary control
 * (`data-row-primary`, the list's roving target), else on its first control.
 */
export function useReturnFocus(incidentId: string | undefined): void {
  const previous = useRef<string | undefined>(incidentId);
  useEffect(() => {
    const left = previous.current;
    previous.current = incidentId;
    if (left === undefined || incidentId !== undefined) return;
    const detail = useIncidentDetail.getState().detail;
    const name = detail?.incident.id === left ? detail.incident.name : undefined;
    const row =
      document.querySelector<HTMLElement>(`[data-incident-id="${CSS.escape(left)}"], [data-row-key="${CSS.escape(left)}"]`) ??
      (name ? document.querySelector<HTMLElement>(`[data-incident="${CSS.escape(name)}"]`) : null);
    const target = row?.matches(FOCUSABLE) ? row : (row?.querySelector<HTMLElement>('[data-row-primary]') ?? row?.querySelector<HTMLElement>(FOCUSABLE));
    target?.focus();
  }, [incidentId]);
}
