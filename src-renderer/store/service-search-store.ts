// The service picker's list: PagerDuty services as main has them cached (`services.search`). Queries
// are debounced so that typing "checkout" asks once, not eight times, and an answer to an older query
// never replaces the answer to a newer one.
import { create } from 'zustand';
import type { ServiceSearchResult } from '../../src-shared/domain.js';
import type { AppError } from '../../src-shared/result.js';
import { getBridge } from '../bridge.js';

/** Long enough to let a word be typed, short enough that the list feels like it follows the keys. */
export const SEARCH_DEBOUNCE_MS = 150;

interface ServiceSearchState {
  /** The query whose answer `result` is. */
  answeredQuery: string | undefined;
  result: ServiceSearchResult | undefined;
  /** The bridge itself failed (main unreachable); `result.error` is PagerDuty's own trouble. */
  error: AppError | undefined;
  searching: boolean;
  /** Asks main after a short pause; every call restarts the pause. */
  search(query: string): void;
  /** Asks main right away (on open, so the list and whether PagerDuty is set up are known early). */
  searchNow(query: string): Promise<void>;
}

let timer: ReturnType<typeof setTimeout> | undefined;
let latest = 0;

export const useServiceSearch = create<ServiceSearchState>()((set, get) => ({
  answeredQuery: undefined,
  result: undefined,
  error: undefined,
  searching: false,
  search(query) {
    if (timer !== undefined) clearTimeout(timer);
    set({ searching: true });
    timer = setTimeout(() => {
      timer = undefined;
      void get().searchNow(query);
    }, SEARCH_DEBOUNCE_MS);
  },
  async searchNow(query) {
    const ticket = ++latest;
    set({ searching: true });
    // The contract bounds a query at 200 characters; nobody types a service name that long.
    const answer = await getBridge().invoke('services.search', { query: query.trim().slice(0, 200) });
    if (ticket !== latest) return;
    if (answer.ok) set({ result: answer.value, answeredQuery: query, error: undefined, searching: false });
    else set({ error: answer.error, searching: false });
  },
}));
