// The incident the popover window is drilled into (issue #7): its record, version (etag) and timeline
// as `incident.get` last answered, or why it could not be read. Edits, updates and resolves hand their
// fresh detail here, so the view always draws one version of the incident.
import { create } from 'zustand';
import type { IncidentDetail } from '../../src-shared/incident-actions.js';
import type { AppError } from '../../src-shared/result.js';
import { getBridge } from '../bridge.js';

interface IncidentDetailState {
  incidentId: string | undefined;
  detail: IncidentDetail | undefined;
  loading: boolean;
  /** Why the last read failed (`not_found`: deleted or never existed). Cleared by the next success. */
  error: AppError | undefined;
  /**
   * The snapshot showed a newer version while the person was editing. The view offers a reload
   * instead of replacing what they typed.
   */
  changedElsewhere: boolean;
  /** Shows `id`: keeps what is known when it is the same incident, else starts empty. Then reads it. */
  open(id: string): Promise<void>;
  /** Reads the current version again. */
  load(): Promise<void>;
  /** A detail main answered to an action (a save, a conflict's current version). */
  receive(detail: IncidentDetail): void;
  flagChangedElsewhere(): void;
}

/**
 * Counts reads and received details, so that an answer to an older read never replaces a detail that
 * arrived after it was asked (a save answered while a refresh was on its way).
 */
let generation = 0;

export const useIncidentDetail = create<IncidentDetailState>()((set, get) => ({
  incidentId: undefined,
  detail: undefined,
  loading: false,
  error: undefined,
  changedElsewhere: false,
  async open(id) {
    if (get().incidentId !== id) {
      generation += 1;
      set({ incidentId: id, detail: undefined, error: undefined, changedElsewhere: false });
    }
    await get().load();
  },
  async load() {
    const id = get().incidentId;
    if (id === undefined) return;
    generation += 1;
    const asked = generation;
    set({ loading: true });
    const answer = await getBridge().invoke('incident.get', { id });
    if (asked !== generation || get().incidentId !== id) return;
    if (answer.ok) set({ detail: answer.value, error: undefined, loading: false, changedElsewhere: false });
    else set({ error: answer.error, loading: false });
  },
  receive(detail) {
    if (detail.incident.id !== get().incidentId) return;
    generation += 1;
    // A fresh version from main (a save, a conflict's current one) is the news the notice was about.
    set({ detail, error: undefined, loading: false, changedElsewhere: false });
  },
  flagChangedElsewhere() {
    set({ changedElsewhere: true });
  },
}));
