// Editing an incident's title, severity, status, commander and description with optimistic
// concurrency (issue #7). The form remembers the version it started from; main saves only on that
// version and otherwise answers a conflict with the incident as it is now. A conflict is shown with
// what changed, and the edit is re-applied on the new version only when the person says so: never a
// silent overwrite, never a lost input.
import { create } from 'zustand';
import type { Incident } from '../../src-shared/domain.js';
import {
  EDITABLE_FIELDS,
  incidentPatchSchema,
  type EditableField,
  type IncidentDetail,
  type IncidentPatch,
} from '../../src-shared/incident-actions.js';
import type { AppError } from '../../src-shared/result.js';
import { getBridge } from '../bridge.js';
import { useIncidentDetail } from './incident-detail-store.js';
import { fieldErrorsOf } from './incident-messages.js';

/** The form's values as typed; severity and status stay strings until checked by the schema. */
export type EditDraft = Record<EditableField, string>;
export type EditFieldErrors = Partial<Record<EditableField, string>>;

export interface EditConflict {
  /** The incident as it is now (its etag is the one a re-apply uses). */
  current: IncidentDetail;
  changed: EditableField[];
  /** What this person wanted to change. */
  patch: IncidentPatch;
}

const draftOf = (incident: Incident): EditDraft => ({
  title: incident.title,
  severity: incident.severity,
  status: incident.status,
  commander: incident.commander ?? '',
  description: incident.description ?? '',
});

/**
 * Only the fields the person changed, so a re-apply after a conflict carries their intent and not a
 * stale copy of the rest. An emptied commander or description clears it (null in the merge patch).
 */
export function patchOf(draft: EditDraft, base: Incident): Record<string, unknown> {
  const before = draftOf(base);
  const patch: Record<string, unknown> = {};
  for (const field of EDITABLE_FIELDS) {
    const value = field === 'title' || field === 'commander' ? draft[field].trim() : draft[field];
    if (value === before[field] || (field === 'description' && value.trim() === before.description.trim())) continue;
    const optional = field === 'commander' || field === 'description';
    patch[field] = optional && value.trim() === '' ? null : value;
  }
  return patch;
}

interface IncidentEditState {
  incidentId: string | undefined;
  editing: boolean;
  /** The version the form started from (or re-based onto by a re-apply). */
  base: IncidentDetail | undefined;
  draft: EditDraft;
  fieldErrors: EditFieldErrors;
  saving: boolean;
  error: AppError | undefined;
  conflict: EditConflict | undefined;
  /** "Saved." after the last save, until the next edit starts. */
  saved: boolean;
  /** Forgets an edit of another incident (an edit of this one survives leaving and coming back). */
  forIncident(id: string): void;
  start(detail: IncidentDetail): void;
  setField(field: EditableField, value: string): void;
  cancel(): void;
  save(): Promise<void>;
  /** Sends the conflicting edit again on the version main answered with. */
  reapply(): Promise<void>;
  /** Drops this person's edit and keeps the incident as it is now. */
  discard(): void;
}

const EMPTY_DRAFT: EditDraft = { title: '', severity: '', status: '', commander: '', description: '' };

const initial = () => ({
  editing: false,
  base: undefined,
  draft: { ...EMPTY_DRAFT },
  fieldErrors: {},
  saving: false,
  error: undefined,
  conflict: undefined,
  saved: false,
});

export const useIncidentEdit = create<IncidentEditState>()((set, get) => {
  async function send(id: string, etag: string, patch: IncidentPatch): Promise<void> {
    set({ saving: true, error: undefined });
    const answer = await getBridge().invoke('incident.edit', { id, etag, patch });
    if (get().incidentId !== id) return;
    if (!answer.ok) {
      set({ saving: false, error: answer.error });
      return;
    }
    const outcome = answer.value;
    if (outcome.outcome === 'saved') {
      useIncidentDetail.getState().receive(outcome.detail);
      set({ ...initial(), saved: true });
      return;
    }
    // Nothing was written. The view draws the incident as it is now; the form keeps what was typed.
    useIncidentDetail.getState().receive(outcome.current);
    set({ saving: false, conflict: { current: outcome.current, changed: outcome.changed, patch } });
  }

  return {
    incidentId: undefined,
    ...initial(),
    forIncident(id) {
      if (get().incidentId !== id) set({ incidentId: id, ...initial() });
    },
    start(detail) {
      set({ ...initial(), incidentId: detail.incident.id, editing: true, base: detail, draft: draftOf(detail.incident) });
    },
    setField(field, value) {
      const { fieldErrors } = get();
      const { [field]: _cleared, ...rest } = fieldErrors;
      set((state) => ({ draft: { ...state.draft, [field]: value }, fieldErrors: rest }));
    },
    cancel() {
      set(initial());
    },
    async save() {
      const { base, draft, saving, incidentId, conflict } = get();
      if (!base || !incidentId || saving || conflict) return;
      const raw = patchOf(draft, base.incident);
      if (Object.keys(raw).length === 0) {
        // Nothing changed: there is nothing to save, and no reason to keep the form open.
        set(initial());
        return;
      }
      const parsed = incidentPatchSchema.safeParse(raw);
      if (!parsed.success) {
        set({ fieldErrors: fieldErrorsOf(parsed.error, EDITABLE_FIELDS) });
        return;
      }
      await send(incidentId, base.etag, parsed.data);
    },
    async reapply() {
      const { conflict, incidentId, saving } = get();
      if (!conflict || !incidentId || saving) return;
      // The conflict stays on screen while the re-apply runs: it is replaced by the answer (saved, or
      // another conflict if someone saved again meanwhile), not by a flash of the form.
      set({ base: conflict.current });
      await send(incidentId, conflict.current.etag, conflict.patch);
    },
    discard() {
      set(initial());
    },
  };
});
