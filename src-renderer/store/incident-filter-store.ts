// The popover's filter (all / mine / a severity). It is a preference of this person on this
// computer, not app state, so it lives in the renderer's localStorage rather than in main: it
// survives closing the popover and restarting, and a stored value that no longer makes sense
// (an older build, a hand edit) falls back to "all" rather than hiding incidents.
import { create } from 'zustand';
import { isIncidentFilter, type IncidentFilter } from '../lib/incident-filter.js';

export const FILTER_STORAGE_KEY = 'incident-tray.popover.filter';

function readStored(): IncidentFilter {
  try {
    const stored = window.localStorage.getItem(FILTER_STORAGE_KEY);
    return isIncidentFilter(stored) ? stored : 'all';
  } catch {
    // Storage can be switched off; the filter then lasts as long as the window.
    return 'all';
  }
}

function writeStored(filter: IncidentFilter): void {
  try {
    window.localStorage.setItem(FILTER_STORAGE_KEY, filter);
  } catch {
    // Same as above: not remembered, still applied.
  }
}

interface IncidentFilterState {
  filter: IncidentFilter;
  setFilter(filter: IncidentFilter): void;
}

export const useIncidentFilter = create<IncidentFilterState>()((set) => ({
  filter: readStored(),
  setFilter(filter) {
    writeStored(filter);
    set({ filter });
  },
}));
