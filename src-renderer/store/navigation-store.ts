// Which view this window shows. The URL hash is the source of truth (#/popover, #/declare,
// #/settings) so that the Electron shell can open a window straight onto a view; moving to another
// view goes through the bridge's `window.show`, which in the app opens or focuses that window and in
// the http harness switches this page's hash.
import { create } from 'zustand';
import { viewSchema, type View } from '../../src-shared/bridge.js';
import type { AppError } from '../../src-shared/result.js';
import { getBridge } from '../bridge.js';

export function viewFromHash(hash: string): View {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  const parsed = viewSchema.safeParse(name);
  return parsed.success ? parsed.data : 'popover';
}

interface NavigationState {
  view: View;
  /** Why the last `show` failed, if it did. */
  error: AppError | undefined;
  show(view: View): Promise<void>;
}

export const useNavigation = create<NavigationState>()((set) => ({
  view: viewFromHash(window.location.hash),
  error: undefined,
  async show(view) {
    const result = await getBridge().invoke('window.show', { view });
    set({ error: result.ok ? undefined : result.error });
  },
}));

/** Follows the hash (back/forward, the harness, the shell loading a view); returns the unsubscribe. */
export function startNavigation(): () => void {
  const sync = () => useNavigation.setState({ view: viewFromHash(window.location.hash) });
  window.addEventListener('hashchange', sync);
  sync();
  return () => window.removeEventListener('hashchange', sync);
}
