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

export const useSnapshot = create<SnapshotState>()((set, get) => ({
  snapshot: undefined,
  loading: false,
  error: undefined,
  async load() {
    set({ loading: true });
    const result = await getBridge().invoke('snapshot.get', null);
    if (result.ok) get().receive(result.value);
    else set({ error: result.error });
    set({ loading: false });
  },
  receive(snapshot) {
    const current = get().snapshot;
    // An answer that was on its way while a newer push arrived must not roll the view back.
    if (current && Date.parse(snapshot.generatedAt) < Date.parse(current.generatedAt)) return;
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
