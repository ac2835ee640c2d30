// "Retry" on a declare (from the declare window or the popover's outbox list): asks main to run the
// declare's unfinished steps now. Which declares have a retry on the way, and why one was refused.
import { create } from 'zustand';
import type { AppError } from '../../src-shared/result.js';
import { getBridge } from '../bridge.js';
import { useDeclareProgress } from './declare-progress-store.js';

interface DeclareRetryState {
  inFlight: Record<string, true>;
  errors: Record<string, AppError>;
  retry(id: string): Promise<void>;
}

const without = <T,>(record: Record<string, T>, key: string): Record<string, T> => {
  const { [key]: _dropped, ...rest } = record;
  return rest;
};

export const useDeclareRetry = create<DeclareRetryState>()((set, get) => ({
  inFlight: {},
  errors: {},
  async retry(id) {
    // Main would not run a step twice anyway; this keeps a double click from asking twice.
    if (get().inFlight[id]) return;
    set((state) => ({ inFlight: { ...state.inFlight, [id]: true }, errors: without(state.errors, id) }));
    const pushesBefore = useDeclareProgress.getState().pushesFor(id);
    const answer = await getBridge().invoke('declare.retry', { id });
    if (answer.ok) useDeclareProgress.getState().adopt(answer.value, pushesBefore);
    set((state) => ({
      inFlight: without(state.inFlight, id),
      errors: answer.ok ? state.errors : { ...state.errors, [id]: answer.error },
    }));
  },
}));
