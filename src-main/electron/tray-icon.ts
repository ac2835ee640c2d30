// Which tray icon to show. The state tells at a glance whether anything needs me; the variant keeps
// the glyph legible on the tray's background: macOS gets template images (the OS tints them for light
// and dark menu bars), Windows and Linux a dark glyph on light trays and a light one on dark trays.
import { join } from 'node:path';
import type { AppSnapshot } from '../../src-shared/bridge.js';

export const TRAY_STATES = ['idle', 'on-call', 'active', 'overdue'] as const;
export type TrayState = (typeof TRAY_STATES)[number];

export interface TrayIconChoice {
  file: string;
  /** macOS template image: drawn in black and alpha, tinted by the OS. */
  template: boolean;
}

/** Electron picks `name@2x.png` beside `name.png` by itself on HiDPI displays. */
export function trayIconFile(assets: string, state: TrayState, platform: NodeJS.Platform, darkTray: boolean): TrayIconChoice {
  if (platform === 'darwin') return { file: join(assets, 'tray', `${state}Template.png`), template: true };
  return { file: join(assets, 'tray', `${state}-${darkTray ? 'dark' : 'light'}.png`), template: false };
}

/**
 * The tray state a snapshot calls for. On-call and overdue need the watchers and the cadence, which
 * the snapshot does not carry yet; until it does, open incidents make the icon "active".
 */
export function trayStateFor(snapshot: Pick<AppSnapshot, 'incidents'>): TrayState {
  return snapshot.incidents.length > 0 ? 'active' : 'idle';
}

/** The tooltip: what the icon means, in words (also what screen readers announce). */
export function trayTooltip(snapshot: Pick<AppSnapshot, 'incidents' | 'pendingDeclares'>): string {
  const open = snapshot.incidents.length;
  const parts = [open === 0 ? 'no open incidents' : open === 1 ? '1 open incident' : `${open} open incidents`];
  const worst = [...snapshot.incidents].sort((a, b) => a.severity.localeCompare(b.severity))[0];
  if (worst) parts[0] += ` (worst ${worst.severity}: ${worst.name})`;
  if (snapshot.pendingDeclares > 0) parts.push(`${snapshot.pendingDeclares} declare${snapshot.pendingDeclares === 1 ? '' : 's'} unfinished`);
  return `Incident Tray — ${parts.join(', ')}`;
}
