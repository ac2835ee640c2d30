// The app state main pushes (DESIGN.md §2: state lives in main). The renderer never computes it: it
// asks for the current snapshot once and then takes every `snapshot.changed` push as it comes.
import { create } from 'zustand';
import type { AppSnapshot } from '../../src-shared/bridge.js';
import type { AppError } from '../../src-shared/result.js';
import { getBridge } from '../bridge.js';

interface SnapshotState {
  snapshot: AppSnapshot | undefined;
  loading: boolean;
  error: AppError | undefined;
  load(): Promise<void>;
  receive(snapshot: AppSnapshot): void;
}

/** Counts pushes, so that an answer to `snapshot.get` that was overtaken by a push is dropped. */
let pushes = 0;

export const useSnapshot = create<SnapshotState>()((set) => ({
  snapshot: undefined,
  loading: false,
  error: undefined,
  async load() {
    set({ loading: true });
    const pushesBefore = pushes;
    const result = await getBridge().invoke('snapshot.get', null);
    if (!result.ok) set({ error: result.error, loading: false });
    // A push that arrived meanwhile is newer than this answer: keep it (clocks are no help here,
    // main's may be set back).
    else if (pushes === pushesBefore) set({ snapshot: result.value, error: undefined, loading: false });
    else set({ loading: false });
  },
  receive(snapshot) {
    pushes += 1;
    set({ snapshot, error: undefined });
  },
}));

/** Loads the first snapshot and follows the pushes; returns the unsubscribe. */
export function startSnapshotSync(): () => void {
  const { receive, load } = useSnapshot.getState();
  const off = getBridge().on('snapshot.changed', receive);
  void load();
  return off;
}
