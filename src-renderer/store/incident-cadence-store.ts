// Pin as active / Unpin and Snooze on the detail view (issue #7). Only the call in flight and a
// refusal live here: whether an incident is pinned or snoozed is main's, and comes with the snapshot.
import { create } from 'zustand';
import type { AppError, Result } from '../../src-shared/result.js';
import { getBridge } from '../bridge.js';

export type CadenceAction = 'pin' | 'unpin' | 'snooze' | 'unsnooze';

interface IncidentCadenceState {
  pending: CadenceAction | undefined;
  error: { action: CadenceAction; error: AppError } | undefined;
  pin(id: string | null): Promise<void>;
  /** 0 ends a snooze. */
  snooze(id: string, minutes: number): Promise<void>;
  clearError(): void;
}

export const useIncidentCadence = create<IncidentCadenceState>()((set, get) => {
  async function run(action: CadenceAction, call: () => Promise<Result<null>>): Promise<void> {
    if (get().pending) return;
    set({ pending: action, error: undefined });
    const answer = await call();
    set({ pending: undefined, error: answer.ok ? undefined : { action, error: answer.error } });
  }
  return {
    pending: undefined,
    error: undefined,
    pin: (id) => run(id === null ? 'unpin' : 'pin', () => getBridge().invoke('incident.pin', { id })),
    snooze: (id, minutes) => run(minutes === 0 ? 'unsnooze' : 'snooze', () => getBridge().invoke('incident.snooze', { id, minutes })),
    clearError: () => set({ error: undefined }),
  };
});
