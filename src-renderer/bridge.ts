// The one way the renderer talks to main (DESIGN.md §2). In the Electron app the preload exposes the
// typed bridge as `window.incidentTray`; in the `incident-tray ui` harness (plain Node serving this
// same build over http) the bridge is spoken over HTTP and a WebSocket instead. Everything else in
// the renderer sees only the IncidentTrayBridge interface and cannot tell the two apart.
import type { IncidentTrayBridge } from '../src-shared/bridge.js';
import { createHarnessBridge } from './harness-bridge.js';

declare global {
  interface Window {
    /** Exposed by src-main/preload through contextBridge; absent in the http harness. */
    incidentTray?: IncidentTrayBridge;
  }
}

let bridge: IncidentTrayBridge | undefined;

/** True when running in the http harness rather than inside the Electron app. */
export const isHarness = (): boolean => window.incidentTray === undefined;

export function getBridge(): IncidentTrayBridge {
  bridge ??= window.incidentTray ?? createHarnessBridge(window.location);
  return bridge;
}
