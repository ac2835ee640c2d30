import { useEffect, useMemo, useState } from 'react';
import type { Incident } from '../../../src-shared/domain.js';
import { matchesFilter, type IncidentFilter, type TrackingById } from '../../lib/incident-filter.js';
import { nextTask } from '../../lib/next-task.js';
import { sortIncidents } from '../../lib/sort-incidents.js';
import { useFocusRescue } from '../../lib/use-focus-rescue.js';
import { useRovingRows } from '../../lib/use-roving-rows.js';
import { FilteredEmpty } from './filtered-empty.js';
import { IncidentRow } from './incident-row.js';
import { lastOpenedIncident } from './last-opened-incident.js';

/** More rows than the 480 px popover shows (about four), so that scrolling at once finds rows too. */
const FIRST_SCREEN_ROWS = 12;
/** The rest of a long list is drawn this many rows a task: each a short task, so input stays prompt. */
const ROWS_PER_TASK = 100;

/** The open incidents, most severe first and the oldest first within a severity, through the filter. */
export function IncidentList({ incidents, tracking, filter }: { incidents: readonly Incident[]; tracking: TrackingById; filter: IncidentFilter }) {
  const shown = useMemo(() => sortIncidents(incidents).filter((incident) => matchesFilter(incident, filter, tracking)), [incidents, filter, tracking]);
  if (shown.length === 0 && filter !== 'all') return <FilteredEmpty filter={filter} hidden={incidents.length} />;
  // A new filter draws its rows afresh, first screen at once and the rest in the background (as when
  // the popover opens): switching 300 SEV2 rows back to All 1,000 was one 300–450 ms task.
  return <IncidentRows key={filter} shown={shown} tracking={tracking} />;
}

/**
 * A list of rows with buttons rather than a listbox or a grid: each row holds several real buttons
 * (open, Slack, PagerDuty), which a listbox option may not contain, and screen readers announce a
 * list's size and position ("list, 6 items") without a widget mode to learn. Arrow keys move
 * between rows (roving tabindex), so the whole list is one Tab stop.
 */
function IncidentRows({ shown, tracking }: { shown: readonly Incident[]; tracking: TrackingById }) {
  // The popover opens onto the first screenful at once; the rest of a long list follows after that
  // paint, ROWS_PER_TASK rows a task. Not a deferred (interruptible) render: every update meanwhile
  // (a countdown's tick, a pushed snapshot) restarted it, and with 1,000 rows it never finished (the
  // burst test saw the first 12 rows for 30 s).
  // Coming back from an incident's detail view, its row is among the first drawn: focus returns there.
  const [limit, setLimit] = useState(() => Math.max(FIRST_SCREEN_ROWS, shown.findIndex((incident) => incident.id === lastOpenedIncident()) + 1));
  useEffect(() => {
    if (limit >= shown.length) return;
    return nextTask(() => setLimit((drawnSoFar) => drawnSoFar + ROWS_PER_TASK));
  }, [limit, shown.length]);
  const drawn = useMemo(() => (shown.length > limit ? shown.slice(0, limit) : shown), [shown, limit]);
  const keys = useMemo(() => drawn.map((incident) => incident.id), [drawn]);
  const { listRef, currentKey, onKeyDown, onFocus } = useRovingRows(keys);
  // A row that leaves under the focus (resolved, filtered out) hands it to the row in its place.
  useFocusRescue(listRef, [keys]);
  return (
    <ul ref={listRef} className="incident-list" aria-label="Open incidents" onKeyDown={onKeyDown} onFocus={onFocus}>
      {drawn.map((incident) => (
        <IncidentRow key={incident.id} incident={incident} tracking={tracking.get(incident.id)} tabbable={incident.id === currentKey} />
      ))}
    </ul>
  );
}
