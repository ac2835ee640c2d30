// Declares as main reports them, live (`declare.progress` pushes a full DeclareProgress on every step
// change). The declare window reads the one it submitted from here; answers to commands (declare,
// retry, get) are adopted only when no push for that declare overtook them, the same rule the
// snapshot store applies: counted, not compared by time, because main's clock may move backwards.
import { create } from 'zustand';
import type { AppSnapshot } from '../../src-shared/bridge.js';
import type { DeclareProgress } from '../../src-shared/domain.js';
import { getBridge } from '../bridge.js';

interface DeclareProgressState {
  byId: Record<string, DeclareProgress>;
  /** A push: always the newest state of its declare. */
  receive(progress: DeclareProgress): void;
  /** An answer to a command, taken unless a push for the same declare arrived since `pushesBefore`. */
  adopt(progress: DeclareProgress, pushesBefore: number): void;
  /** How many pushes for this declare have arrived so far; read it before invoking a command. */
  pushesFor(id: string): number;
  /** Asks main for the current state (after a reconnect, when a push may have been lost). */
  refresh(id: string): Promise<void>;
}

const pushes = new Map<string, number>();

export const useDeclareProgress = create<DeclareProgressState>()((set, get) => ({
  byId: {},
  receive(progress) {
    pushes.set(progress.id, (pushes.get(progress.id) ?? 0) + 1);
    set((state) => ({ byId: { ...state.byId, [progress.id]: progress } }));
  },
  adopt(progress, pushesBefore) {
    if (get().pushesFor(progress.id) !== pushesBefore) return;
    set((state) => ({ byId: { ...state.byId, [progress.id]: progress } }));
  },
  pushesFor: (id) => pushes.get(id) ?? 0,
  async refresh(id) {
    const before = get().pushesFor(id);
    const answer = await getBridge().invoke('declare.get', { id });
    if (answer.ok) get().adopt(answer.value, before);
  },
}));

/**
 * Catches up the declares this window follows from a pushed snapshot. Snapshots travel on the same
 * ordered channel as `declare.progress`, so an outbox entry is as fresh as a push; a followed declare
 * missing from the outbox while still unfinished here has finished meanwhile (or its last push was
 * lost with a dropped socket), so its final state is asked for.
 */
function catchUp(snapshot: AppSnapshot): void {
  const { byId, receive, refresh } = useDeclareProgress.getState();
  const inOutbox = new Map(snapshot.outbox.map((declare) => [declare.id, declare]));
  for (const followed of Object.values(byId)) {
    const current = inOutbox.get(followed.id);
    if (current) receive(current);
    else if (!followed.finished) void refresh(followed.id);
  }
}

/** Follows `declare.progress` pushes (and catches up from snapshots); returns the unsubscribe. */
export function startDeclareProgressSync(): () => void {
  const bridge = getBridge();
  const offProgress = bridge.on('declare.progress', (progress) => useDeclareProgress.getState().receive(progress));
  const offSnapshot = bridge.on('snapshot.changed', catchUp);
  return () => {
    offProgress();
    offSnapshot();
  };
}
