// Which view this window shows. The URL hash is the source of truth (#/popover, #/declare,
// #/settings) so that the Electron shell can open a window straight onto a view; moving to another
// view goes through the bridge's `window.show`, which in the app opens or focuses that window and in
// the http harness switches this page's hash.
import { create } from 'zustand';
import { viewSchema, type View } from '../../src-shared/bridge.js';
import type { AppError } from '../../src-shared/result.js';
import { getBridge, isHarness } from '../bridge.js';

/** `#/incident/<id>`: the popover window drilled into one incident (the detail view). */
export function incidentFromHash(hash: string): string | undefined {
  const match = /^#\/?incident\/([^/?]+)/.exec(hash);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}

export function viewFromHash(hash: string): View {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  const parsed = viewSchema.safeParse(name);
  return parsed.success ? parsed.data : 'popover';
}

interface NavigationState {
  view: View;
  /** The incident the popover window shows in detail, when drilled in. */
  incidentId: string | undefined;
  /** Why the last `show` failed, if it did. */
  error: AppError | undefined;
  /** Opens a view's window (with an incident: the popover on its detail). */
  show(view: View, incidentId?: string): Promise<void>;
  /**
   * Leaves the declare or settings view (Back, Cancel, Escape). The harness has one page, which goes
   * back to the popover; in the app these views are windows of their own, so this one closes (and
   * with `toIncidents` the popover opens first).
   */
  dismiss(options?: { toIncidents?: boolean; incidentId?: string }): Promise<void>;
  /** Drills into one incident inside this window (the popover's detail view). */
  openIncident(id: string): void;
  /** Back from the detail view to the list. */
  closeIncident(): void;
}

export const useNavigation = create<NavigationState>()((set, get) => ({
  view: viewFromHash(window.location.hash),
  incidentId: incidentFromHash(window.location.hash),
  error: undefined,
  async show(view, incidentId) {
    const result = await getBridge().invoke('window.show', { view, ...(incidentId ? { incidentId } : {}) });
    set({ error: result.ok ? undefined : result.error });
  },
  async dismiss(options) {
    if (isHarness() || options?.toIncidents || options?.incidentId) await get().show('popover', options?.incidentId);
    if (!isHarness()) window.close();
  },
  openIncident(id) {
    // A hash change is an in-page navigation: no reload, and the shell's navigation guard allows it.
    window.location.hash = `#/incident/${encodeURIComponent(id)}`;
  },
  closeIncident() {
    window.location.hash = '#/popover';
  },
}));

/** Follows the hash (back/forward, the harness, the shell loading a view); returns the unsubscribe. */
export function startNavigation(): () => void {
  const sync = () => useNavigation.setState({ view: viewFromHash(window.location.hash), incidentId: incidentFromHash(window.location.hash) });
  window.addEventListener('hashchange', sync);
  sync();
  return () => window.removeEventListener('hashchange', sync);
}
