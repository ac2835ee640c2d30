// The preload of every window (bundled to dist/preload/preload.cjs): exposes the typed bridge as
// `window.incidentTray`, nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { createRendererBridge } from './renderer-bridge.js';

/** The name under which the page finds the bridge (`window.incidentTray`). */
const BRIDGE_GLOBAL = 'incidentTray';

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, createRendererBridge(ipcRenderer));
