// Acknowledge / Resolve on a PagerDuty page from the popover (`page.act`). Which pages have a call on
// the way, and why one was refused. The page's new state is not kept here: main's snapshot says it
// (`watch.pages`), so an acknowledged page reads "Acked" and a resolved one leaves with the next push.
import { create } from 'zustand';
import type { CommandInput } from '../../src-shared/bridge.js';
import type { AppError } from '../../src-shared/result.js';
import { getBridge } from '../bridge.js';

export type PageAction = CommandInput<'page.act'>['action'];

interface PageActionState {
  /** The action running on each page, by PagerDuty incident id. */
  pending: Record<string, PageAction>;
  errors: Record<string, AppError>;
  act(id: string, action: PageAction): Promise<void>;
}

const without = <T,>(record: Record<string, T>, key: string): Record<string, T> => {
  const { [key]: _dropped, ...rest } = record;
  return rest;
};

export const usePageActions = create<PageActionState>()((set, get) => ({
  pending: {},
  errors: {},
  async act(id, action) {
    // One call per page at a time: a double click, or Resolve pressed while Acknowledge runs.
    if (get().pending[id]) return;
    set((state) => ({ pending: { ...state.pending, [id]: action }, errors: without(state.errors, id) }));
    const answer = await getBridge().invoke('page.act', { id, action });
    set((state) => ({
      pending: without(state.pending, id),
      errors: answer.ok ? state.errors : { ...state.errors, [id]: answer.error },
    }));
  },
}));
